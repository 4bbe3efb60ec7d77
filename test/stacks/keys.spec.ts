import { strict as assert } from "node:assert";
import { ofType, planStackFile } from "../helpers";

for (const stack of ["dev", "prod"] as const) {
  describe(`key ring (${stack})`, () => {
    it("has one rotating customer-managed key per data class, with an alias each", async () => {
      const p = await planStackFile(`Pulumi.${stack}.yaml`);
      const keys = ofType(p, "aws:kms/key:Key");
      assert.deepEqual(keys.map((k) => k.inputs.tags.DataClass).sort(), ["data", "logs", "secrets"]);
      for (const k of keys) assert.equal(k.inputs.enableKeyRotation, true);
      const aliases = ofType(p, "aws:kms/alias:Alias").map((a) => [a.inputs.name, a.inputs.targetKeyId]);
      assert.deepEqual(aliases.sort(), keys.map((k) => [`alias/medsearch-keys-${k.inputs.tags.DataClass}`, k.outputs.keyId]).sort());
    });

    it(stack === "prod" ? "protects every key and waits 30 days before deletion" : "leaves keys unprotected with the shortest deletion window", async () => {
      const p = await planStackFile(`Pulumi.${stack}.yaml`);
      for (const k of ofType(p, "aws:kms/key:Key")) {
        assert.equal(k.protect, stack === "prod");
        assert.equal(k.inputs.deletionWindowInDays, stack === "prod" ? 30 : 7);
      }
    });
  });
}
