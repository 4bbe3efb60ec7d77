import { strict as assert } from "node:assert";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { assertOneViolation, check, withOutputs } from "../../test/fixtures";
import { rdsRotation, rotation, secret } from "../../test/secretsFixtures";
import { enableRotation } from "./enableRotation";

describe("secretsmanager-enable-rotation (FSBP SecretsManager.1)", () => {
  const cache = secret("cache-secret");

  it("links to the SecretsManager.1 section of the Security Hub controls reference", () => {
    assert.equal(enableRotation.framework?.specification, "https://docs.aws.amazon.com/securityhub/latest/userguide/secretsmanager-controls.html#secretsmanager-1");
  });

  it("passes a secret with a rotation every 30 days, and an RDS-managed secret's rotation", async () => {
    assert.deepEqual(await check(enableRotation, [cache, rotation(cache), rdsRotation()]), []);
  });

  it("passes a rotation linked by value only (its secretId is the secret's ARN)", async () => {
    const byValue = { ...rotation(cache), dependencies: [], propertyDependencies: {} };
    assert.deepEqual(await check(enableRotation, [cache, byValue]), []);
  });

  it("fails a secret no rotation names", async () => {
    const v = assertOneViolation(await check(enableRotation, [cache, rotation(secret("other-secret"))]), enableRotation, [
      /Secret cache-secret has no automatic rotation/, /add an aws\.secretsmanager\.SecretRotation whose secretId is this secret, at most 90 days apart/, /tag it RotatedBy=/,
    ]);
    assert.equal(v.urn, cache.urn);
  });

  it("fails a rotation turned off", async () => {
    const off = withOutputs(rotation(cache), { rotationEnabled: false, rotationRules: undefined });
    assertOneViolation(await check(enableRotation, [cache, off]), enableRotation, [/cache-secret-rotation turns automatic rotation off \(rotationEnabled: false\)/]);
  });

  describe("the schedule", () => {
    const run = (rules: Record<string, unknown>, config = {}) => check(enableRotation, [cache, rotation(cache, rules)], { all: "mandatory", "secretsmanager-enable-rotation": config });

    it("passes 90 days, rate(90 days) and a monthly cron()", async () => {
      for (const rules of [{ automaticallyAfterDays: 90 }, { scheduleExpression: "rate(90 days)" }, { scheduleExpression: "cron(0 8 1 * ? *)" }, { scheduleExpression: "rate(12 hours)" }]) {
        assert.deepEqual(await run(rules), [], JSON.stringify(rules));
      }
    });

    it("fails 91 days", async () => {
      assertOneViolation(await run({ automaticallyAfterDays: 91 }), enableRotation, [/rotates every 91 days; set rotationRules\.automaticallyAfterDays to at most 90/]);
    });

    it("fails a quarterly cron(), which can leave 92 days between rotations", async () => {
      assertOneViolation(await run({ scheduleExpression: "cron(0 8 1 */3 ? *)" }), enableRotation, [/unchanged 92 days \("cron\(0 8 1 \*\/3 \? \*\)"\); rotate at least every 90 days/]);
    });

    it("fails an expression that is no repeating Secrets Manager schedule", async () => {
      assertOneViolation(await run({ scheduleExpression: "cron(0 8 1 1 ? 2027)" }), enableRotation, [/is no repeating Secrets Manager schedule; use rate\(<n> days\)/]);
    });

    it("fails a rotation with no schedule", async () => {
      assertOneViolation(await run({}), enableRotation, [/cache-secret-rotation has no schedule; set rotationRules\.automaticallyAfterDays/]);
    });

    it("holds an RDS-managed secret's rotation to the limit too", async () => {
      assertOneViolation(await check(enableRotation, [rdsRotation(365)]), enableRotation, [/database-secret-rotation rotates every 365 days; .* at most 90/]);
    });

    it("takes the limit from maximumRotationDays", async () => {
      assertOneViolation(await run({ automaticallyAfterDays: 30 }, { maximumRotationDays: 7 }), enableRotation, [/rotates every 30 days; .* at most 7\./]);
    });
  });

  describe("the exemption for a secret rotated outside Secrets Manager", () => {
    it("passes a secret whose RotatedBy tag names who rotates it", async () => {
      const issued = secret("ml-api-keys", { Tier: "security", RotatedBy: "issuer: rotated at the provider then put-secret-value" });
      assert.deepEqual(await check(enableRotation, [issued]), []);
    });

    it("fails an empty or blank RotatedBy tag", async () => {
      for (const value of ["", "  "]) {
        assertOneViolation(await check(enableRotation, [secret("ml-api-keys", { RotatedBy: value })]), enableRotation, [/Secret ml-api-keys has an empty RotatedBy tag and no rotation; name who rotates it/]);
      }
    });

    it("reads the tag key from exemptionTagKey", async () => {
      const tagged = secret("ml-api-keys", { RotatedBy: "issuer" });
      assertOneViolation(await check(enableRotation, [tagged], { all: "mandatory", "secretsmanager-enable-rotation": { exemptionTagKey: "RotationOwner" } }), enableRotation, [/tag it RotationOwner=/]);
    });
  });

  describe("during preview, when ARNs and computed outputs are unknown", () => {
    const previewSecret = withOutputs(cache, { arn: unknownValue, id: unknownValue });
    const previewRotation = withOutputs(rotation(cache), { secretId: unknownValue, id: unknownValue, rotationEnabled: unknownValue });

    it("passes a rotation linked by property dependency", async () => {
      assert.deepEqual(await check(enableRotation, [previewSecret, previewRotation]), []);
    });

    it("still fails a secret with no rotation and no exemption", async () => {
      assertOneViolation(await check(enableRotation, [previewSecret]), enableRotation, [/Secret cache-secret has no automatic rotation/]);
    });

    it("cannot decide when an unknown secretId links to nothing, and says so", async () => {
      const loose = { ...previewRotation, dependencies: [], propertyDependencies: {} };
      const [v, ...rest] = await check(enableRotation, [previewSecret, loose]);
      assert.deepEqual(rest, []);
      assert.equal(v.level, "advisory");
      assert.match(v.message, /can't run policy 'secretsmanager-enable-rotation' during preview: .*secretId/);
    });

    it("cannot decide an unknown schedule, and says so", async () => {
      const [v] = await check(enableRotation, [previewSecret, withOutputs(previewRotation, { rotationRules: { automaticallyAfterDays: unknownValue } })]);
      assert.match(v.message, /can't run policy 'secretsmanager-enable-rotation' during preview: .*rotationRules\.automaticallyAfterDays/);
    });
  });
});
