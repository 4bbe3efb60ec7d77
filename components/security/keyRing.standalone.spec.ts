/**
 * The KeyRing on its own, with no arguments: the account comes from the provider.
 */
import { strict as assert } from "node:assert";
import { MOCK_ACCOUNT_ID } from "../../offline/ids";
import { Planned, mandatory, ofType } from "../../test/helpers";
import { standalone } from "../../test/standalone";
import { KeyRing } from "./keyRing";

describe("KeyRing standalone", () => {
  let run: Planned;
  before(async () => {
    run = await standalone((opts) => new KeyRing("keys", {}, opts));
    assert.equal(run.error, undefined, run.error?.message);
  });

  it("makes one protected, rotating key per data class, waiting 30 days before deletion, each with its alias", () => {
    const keys = ofType(run, "aws:kms/key:Key");
    assert.deepEqual(keys.map((k) => [k.inputs.tags.DataClass, k.inputs.enableKeyRotation, k.inputs.deletionWindowInDays, k.protect]), [
      ["data", true, 30, true], ["logs", true, 30, true], ["secrets", true, 30, true],
    ]);
    assert.deepEqual(ofType(run, "aws:kms/alias:Alias").map((a) => a.inputs.name), ["alias/keys-data", "alias/keys-logs", "alias/keys-secrets"]);
  });

  it("names the provider's account in every key policy", () => {
    for (const key of ofType(run, "aws:kms/key:Key")) {
      const root = JSON.parse(key.inputs.policy).Statement.find((s: any) => s.Sid === "EnableIamPolicies");
      assert.deepEqual(root.Principal, { AWS: `arn:aws:iam::${MOCK_ACCOUNT_ID}:root` });
    }
  });

  it("passes every mandatory policy of the prod pack", () => assert.deepEqual(mandatory(run), []));
});
