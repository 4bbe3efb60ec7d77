import { strict as assert } from "node:assert";
import { cacheGroup, changed, violations } from "../../test/dataFixtures";
import { configureSnapshotRetention } from "./configureSnapshotRetention";

describe("elasticache-configure-snapshot-retention", () => {
  it("passes a group that keeps snapshots", async () => {
    assert.deepEqual(await violations(configureSnapshotRetention, [cacheGroup]), []);
  });

  it("fails a group without automatic snapshots", async () => {
    assert.deepEqual(await violations(configureSnapshotRetention, [changed(cacheGroup, "snapshotRetentionLimit", 0)]), [
      "Replication group keeps 0 days of snapshots; set snapshotRetentionLimit to at least 1.",
    ]);
  });

  it("takes the minimum from the pack config (7 in prod)", async () => {
    assert.deepEqual(await violations(configureSnapshotRetention, [changed(cacheGroup, "snapshotRetentionLimit", 3)], { minRetentionDays: 7 }), [
      "Replication group keeps 3 days of snapshots; set snapshotRetentionLimit to at least 7.",
    ]);
  });
});
