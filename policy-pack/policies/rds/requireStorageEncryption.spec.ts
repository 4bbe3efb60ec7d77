import { strict as assert } from "node:assert";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { changed, rdsPrimary, rdsReplica, violations } from "../../test/dataFixtures";
import { requireStorageEncryption } from "./requireStorageEncryption";

describe("rds-require-storage-encryption", () => {
  it("passes an encrypted primary with a customer-managed key, and an encrypted replica that inherits it", async () => {
    assert.deepEqual(await violations(requireStorageEncryption, [rdsPrimary, rdsReplica]), []);
  });

  it("fails unencrypted storage", async () => {
    assert.deepEqual(await violations(requireStorageEncryption, [changed(rdsPrimary, "storageEncrypted", false)]), [
      "DB instance storage is not encrypted; set storageEncrypted: true with a customer-managed kmsKeyId.",
    ]);
    assert.equal((await violations(requireStorageEncryption, [changed(rdsReplica, "storageEncrypted", undefined)])).length, 1);
  });

  it("fails a primary encrypted with the AWS-managed key", async () => {
    assert.match((await violations(requireStorageEncryption, [changed(rdsPrimary, "kmsKeyId", undefined)]))[0], /AWS-managed key/);
  });

  it("still exempts a read replica during preview, when its source's ARN is unknown", async () => {
    assert.deepEqual(await violations(requireStorageEncryption, [changed(rdsReplica, "replicateSourceDb", unknownValue)]), []);
  });
});
