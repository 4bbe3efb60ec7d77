import { strict as assert } from "node:assert";
import { cacheGroup, changed, violations } from "../../test/dataFixtures";
import { requireEncryptionInTransit } from "./requireEncryptionInTransit";

describe("elasticache-require-encryption-in-transit", () => {
  it("passes a group that requires TLS", async () => {
    assert.deepEqual(await violations(requireEncryptionInTransit, [cacheGroup]), []);
  });

  it("fails a group without transit encryption", async () => {
    assert.match((await violations(requireEncryptionInTransit, [changed(cacheGroup, "transitEncryptionEnabled", false)]))[0], /accepts unencrypted connections/);
  });

  it("fails a group that only prefers TLS", async () => {
    assert.match((await violations(requireEncryptionInTransit, [changed(cacheGroup, "transitEncryptionMode", "preferred")]))[0], /transitEncryptionMode: "required"/);
  });
});
