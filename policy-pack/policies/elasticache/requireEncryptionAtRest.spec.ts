import { strict as assert } from "node:assert";
import { cacheGroup, changed, violations } from "../../test/dataFixtures";
import { requireEncryptionAtRest } from "./requireEncryptionAtRest";

describe("elasticache-require-encryption-at-rest", () => {
  it("passes a group encrypted with a customer-managed key", async () => {
    assert.deepEqual(await violations(requireEncryptionAtRest, [cacheGroup]), []);
  });

  it("fails a group without encryption at rest", async () => {
    assert.match((await violations(requireEncryptionAtRest, [changed(cacheGroup, "atRestEncryptionEnabled", false)]))[0], /not encrypted at rest/);
  });

  it("fails a group on the AWS-managed key", async () => {
    assert.match((await violations(requireEncryptionAtRest, [changed(cacheGroup, "kmsKeyId", undefined)]))[0], /AWS-managed key/);
  });
});
