import { strict as assert } from "node:assert";
import fc from "fast-check";
import { secretArnsFor, secretReadStatements } from "./secretAccess";

const available = { database: "arn:aws:secretsmanager:us-west-2:123456789012:secret:rds!db-1", cache: "arn:aws:secretsmanager:us-west-2:123456789012:secret:cache-2" };

describe("secret access for services", () => {
  it("grants exactly the secrets a service names, never a wildcard (property)", () => {
    fc.assert(
      fc.property(fc.subarray(["database", "cache"]), (names) => {
        const arns = secretArnsFor(names, available);
        const statements = secretReadStatements(arns, "arn:aws:kms:us-west-2:123456789012:key/secrets", "us-west-2");
        if (names.length === 0) return assert.deepEqual(statements, []);
        assert.deepEqual(statements[0].Resource, names.map((n) => available[n as keyof typeof available]));
        for (const s of statements) assert.ok([s.Resource].flat().every((r) => r && !r.includes("*")));
      }),
    );
  });

  it("lets the secrets key decrypt only through Secrets Manager of the stack's region", () => {
    const [, decrypt] = secretReadStatements([available.cache], "arn:aws:kms:us-west-2:123456789012:key/secrets", "us-west-2");
    assert.deepEqual([decrypt.Action, decrypt.Condition], ["kms:Decrypt", { StringEquals: { "kms:ViaService": "secretsmanager.us-west-2.amazonaws.com" } }]);
  });

  it("refuses a secret the data tier does not have", () => {
    assert.throws(() => secretArnsFor(["messaging"], available), /no "messaging" secret/);
  });
});
