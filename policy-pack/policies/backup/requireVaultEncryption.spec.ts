import { strict as assert } from "node:assert";
import { KEY_ARN, T, messages, resource } from "../../test/storageFixtures";
import { requireVaultEncryption } from "./requireVaultEncryption";

describe("backup-require-vault-encryption", () => {
  it("passes a vault encrypted with a customer-managed key", async () => {
    assert.deepEqual(await messages(requireVaultEncryption, [resource(T.vault, "vault", { name: "v", kmsKeyArn: KEY_ARN })]), []);
  });

  it("fails a vault on the AWS-managed key", async () => {
    assert.deepEqual(await messages(requireVaultEncryption, [resource(T.vault, "vault", { name: "v" })]), [
      "Backup vault has no kmsKeyArn and falls back to the AWS-managed key; set it to a customer-managed KMS key.",
    ]);
  });

  it("fails a vault that names the AWS-managed key by its alias or alias ARN", async () => {
    for (const kmsKeyArn of ["alias/aws/backup", "arn:aws:kms:us-west-2:123456789012:alias/aws/backup"]) {
      assert.deepEqual(await messages(requireVaultEncryption, [resource(T.vault, "vault", { name: "v", kmsKeyArn })]), [
        `Backup vault names the AWS-managed key ${kmsKeyArn}; set kmsKeyArn to a customer-managed KMS key.`,
      ]);
    }
  });
});
