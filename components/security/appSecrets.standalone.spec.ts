/**
 * ApplicationSecrets on its own, given only its secrets: the account comes from the provider, the
 * key is the component's own.
 */
import { strict as assert } from "node:assert";
import { runComponent } from "../../offline/runStack";
import { Planned, mandatory, one, ofType } from "../../test/helpers";
import { keyByArn, standalone } from "../../test/standalone";
import { ApplicationSecrets } from "./appSecrets";

describe("ApplicationSecrets standalone", () => {
  let run: Planned;
  before(async () => {
    run = await standalone((opts) => new ApplicationSecrets("app", { secrets: [{ name: "api-key", description: "Payment provider API key" }] }, opts));
    assert.equal(run.error, undefined, run.error?.message);
  });

  it("encrypts each secret with its own rotating secrets key, keeps it restorable 30 days and protects both", () => {
    const secret = one(run, "aws:secretsmanager/secret:Secret");
    assert.deepEqual([secret.inputs.recoveryWindowInDays, secret.protect], [30, true]);
    const key = keyByArn(run, secret.inputs.kmsKeyId);
    assert.deepEqual([key.name, key.inputs.enableKeyRotation, key.protect], ["app-keys-secrets", true, true]);
  });

  it("passes every mandatory policy of the prod pack", () => assert.deepEqual(mandatory(run), []));

  it("makes no key while it has no secret to encrypt", async () => {
    const empty = await runComponent(async () => {
      new ApplicationSecrets("app", { secrets: [] });
    });
    assert.equal(empty.error, undefined, empty.error?.message);
    assert.deepEqual(ofType(empty, "aws:kms/key:Key"), []);
  });
});
