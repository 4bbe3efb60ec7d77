import { strict as assert } from "node:assert";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { T } from "../../lib/types";
import { assertOneViolation, check, fixture, withInputs } from "../../test/fixtures";
import { enableKeyRotation } from "./enableKeyRotation";

/** A symmetric customer-managed key as the key ring declares it. */
const key = fixture(T.kmsKey, "data-key", {
  inputs: { description: "platform: data encryption key", enableKeyRotation: true, deletionWindowInDays: 30, keyUsage: "ENCRYPT_DECRYPT" },
});
const rotationOff = withInputs(key, { enableKeyRotation: false });
const expected = [/automatic rotation off/, /enableKeyRotation: true/];

describe("kms-enable-key-rotation", () => {
  it("passes a symmetric key with rotation on", async () => {
    assert.deepEqual(await check(enableKeyRotation, [key]), []);
  });

  it("flags a KMS key with rotation off", async () => {
    const v = assertOneViolation(await check(enableKeyRotation, [rotationOff]), enableKeyRotation, expected);
    assert.equal(v.urn, key.urn);
  });

  it("flags a KMS key that omits enableKeyRotation (AWS defaults it to off)", async () => {
    assertOneViolation(await check(enableKeyRotation, [withInputs(key, { enableKeyRotation: undefined })]), enableKeyRotation, expected);
  });

  it("flags a key with customerMasterKeySpec SYMMETRIC_DEFAULT and rotation off", async () => {
    assertOneViolation(await check(enableKeyRotation, [withInputs(rotationOff, { customerMasterKeySpec: "SYMMETRIC_DEFAULT" })]), enableKeyRotation, expected);
  });

  describe("not applicable", () => {
    for (const spec of ["RSA_2048", "ECC_NIST_P256", "HMAC_256"]) {
      it(`skips a key with customerMasterKeySpec ${spec}, which AWS cannot rotate`, async () => {
        assert.deepEqual(await check(enableKeyRotation, [withInputs(rotationOff, { customerMasterKeySpec: spec })]), []);
      });
    }

    it("skips a key in a custom key store, which AWS cannot rotate", async () => {
      assert.deepEqual(await check(enableKeyRotation, [withInputs(rotationOff, { customKeyStoreId: "cks-1234567890abcdef0" })]), []);
    });

    it("ignores other resource types, such as a KMS alias", async () => {
      const alias = fixture("aws:kms/alias:Alias", "data-key-alias", { inputs: { name: "alias/platform-data", targetKeyId: "1234abcd-12ab-34cd-56ef-1234567890ab" } });
      assert.deepEqual(await check(enableKeyRotation, [alias]), []);
    });
  });

  it("reports an advisory 'can't run during preview' when enableKeyRotation is unknown", async () => {
    const v = assertOneViolation(
      await check(enableKeyRotation, [withInputs(key, { enableKeyRotation: unknownValue })]),
      enableKeyRotation,
      [/can't run policy 'kms-enable-key-rotation' during preview/, /\.enableKeyRotation/],
      "advisory",
    );
    // The engine shows a resource policy's diagnostics at the resource it analyzed (step_generator.go OnPolicyViolation(new.URN, d)).
    assert.equal(v.urn, key.urn);
  });
});
