import { strict as assert } from "node:assert";
import { StackRun } from "../../offline/runStack";
import { one, ofType, planStackFile } from "../helpers";

/** The key ring's own keys and aliases; other tiers (the storage replica key) add keys of their own. */
const ringChildren = (p: StackRun, type: string) => ofType(p, type).filter((r) => r.parent === one(p, "platform:security:KeyRing").urn);

for (const stack of ["dev", "prod"] as const) {
  describe(`key ring (${stack})`, () => {
    it("has one rotating customer-managed key per data class, with an alias each", async () => {
      const p = await planStackFile(`Pulumi.${stack}.yaml`);
      const keys = ringChildren(p, "aws:kms/key:Key");
      assert.deepEqual(keys.map((k) => k.inputs.tags.DataClass).sort(), ["data", "logs", "secrets"]);
      for (const k of keys) assert.equal(k.inputs.enableKeyRotation, true);
      const aliases = ringChildren(p, "aws:kms/alias:Alias").map((a) => [a.inputs.name, a.inputs.targetKeyId]);
      assert.deepEqual(aliases.sort(), keys.map((k) => [`alias/medsearch-keys-${k.inputs.tags.DataClass}`, k.outputs.keyId]).sort());
    });

    it(stack === "prod" ? "protects every key and waits 30 days before deletion" : "leaves keys unprotected with the shortest deletion window", async () => {
      const p = await planStackFile(`Pulumi.${stack}.yaml`);
      for (const k of ringChildren(p, "aws:kms/key:Key")) {
        assert.equal(k.protect, stack === "prod");
        assert.equal(k.inputs.deletionWindowInDays, stack === "prod" ? 30 : 7);
      }
    });
  });
}
