import { strict as assert } from "node:assert";
import { change, compliantFileSystem, messages } from "../../test/storageFixtures";
import { requireFileSystemEncryption } from "./requireFileSystemEncryption";

describe("efs-require-file-system-encryption", () => {
  it("passes a file system encrypted with a customer-managed key", async () => {
    assert.deepEqual(await messages(requireFileSystemEncryption, compliantFileSystem()), []);
  });

  it("fails an unencrypted file system", async () => {
    assert.deepEqual(await messages(requireFileSystemEncryption, change(compliantFileSystem(), "efs", { encrypted: false })), [
      "File system is not encrypted; set encrypted: true and kmsKeyId to a customer-managed KMS key.",
    ]);
  });

  it("fails a file system on the AWS-managed key", async () => {
    assert.match((await messages(requireFileSystemEncryption, change(compliantFileSystem(), "efs", { kmsKeyId: undefined })))[0], /encrypted with the AWS-managed key/);
  });
});
