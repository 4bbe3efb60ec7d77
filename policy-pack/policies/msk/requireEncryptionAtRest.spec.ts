import { strict as assert } from "node:assert";
import { changed, mskCluster, violations } from "../../test/dataFixtures";
import { requireEncryptionAtRest } from "./requireEncryptionAtRest";

describe("msk-require-encryption-at-rest", () => {
  it("passes a cluster encrypted with a customer-managed key", async () => {
    assert.deepEqual(await violations(requireEncryptionAtRest, [mskCluster]), []);
  });

  it("fails a cluster on the AWS-managed key", async () => {
    assert.match((await violations(requireEncryptionAtRest, [changed(mskCluster, "encryptionInfo.encryptionAtRestKmsKeyArn", undefined)]))[0], /AWS-managed key/);
  });
});
