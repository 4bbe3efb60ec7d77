/**
 * The application secrets component on its own: each secret empty, under the secrets key, tagged
 * with who rotates it outside Secrets Manager (its entry's rotatedBy, else the issuer), which the
 * pack's rotation policy accepts in place of a SecretRotation.
 */
import { strict as assert } from "node:assert";
import { enableRotation } from "../../policy-pack/policies/secretsmanager/enableRotation";
import { runPolicies } from "../../offline/policyRunner";
import { StackRun, runComponent } from "../../offline/runStack";
import { APP_SECRET_ROTATED_BY } from "../tags";
import { ApplicationSecrets } from "./appSecrets";

describe("ApplicationSecrets", () => {
  let run: StackRun;
  before(async () => {
    run = await runComponent(async () => {
      new ApplicationSecrets("app-secrets", {
        secrets: [
          { name: "mongodb-uri", description: "Atlas URI" },
          { name: "webhook-secret", description: "Shared signing key", rotatedBy: "backend team: new key every quarter via put-secret-value" },
        ],
        keys: { secrets: "arn:aws:kms:us-west-2:123456789012:key/secrets" },
        recoveryWindowDays: 30,
        protect: true,
      });
    });
    assert.equal(run.error, undefined, run.error?.message);
  });

  it("tags each secret RotatedBy: the entry's rotatedBy, else its issuer out of band", () => {
    const tags = Object.fromEntries(run.resources.filter((r) => r.type === "aws:secretsmanager/secret:Secret").map((r) => [r.name, r.inputs.tags]));
    assert.deepEqual(tags, {
      "app-secrets-mongodb-uri": { Tier: "security", Secret: "mongodb-uri", RotatedBy: APP_SECRET_ROTATED_BY },
      "app-secrets-webhook-secret": { Tier: "security", Secret: "webhook-secret", RotatedBy: "backend team: new key every quarter via put-secret-value" },
    });
  });

  it("satisfies secretsmanager-enable-rotation without a SecretRotation", async () => {
    assert.deepEqual(await runPolicies([enableRotation], run.resources, { all: "mandatory" }), []);
  });

  it("refuses a rotatedBy AWS would refuse as a tag value", async () => {
    const bad = await runComponent(async () => {
      new ApplicationSecrets("app-secrets", { secrets: [{ name: "k", description: "d", rotatedBy: "team (quarterly)" }], keys: { secrets: "k" }, recoveryWindowDays: 7, protect: false });
    });
    assert.match(String(bad.error?.message), /RotatedBy tag value "team \(quarterly\)" must name who rotates the secret/);
  });
});
