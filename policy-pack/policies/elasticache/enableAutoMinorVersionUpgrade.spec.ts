import { strict as assert } from "node:assert";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { cacheGroup, changed, resource, violations } from "../../test/dataFixtures";
import { enableAutoMinorVersionUpgrade } from "./enableAutoMinorVersionUpgrade";

const standalone = resource("aws:elasticache/cluster:Cluster", "cache-node", {
  id: "app-cache-node", engine: "valkey", nodeType: "cache.t4g.small", numCacheNodes: 1, autoMinorVersionUpgrade: "true",
});

describe("elasticache-enable-auto-minor-version-upgrade", () => {
  it("passes a group and a standalone cluster that upgrade minor versions, and a group that leaves it to AWS's default (on)", async () => {
    const withFlag = changed(cacheGroup, "autoMinorVersionUpgrade", true);
    assert.deepEqual(await violations(enableAutoMinorVersionUpgrade, [withFlag, cacheGroup, standalone]), []);
  });

  it("fails a replication group with automatic minor upgrades off", async () => {
    const found = await violations(enableAutoMinorVersionUpgrade, [changed(cacheGroup, "autoMinorVersionUpgrade", false)]);
    assert.equal(found.length, 1);
    assert.match(found[0], /^Replication group has automatic minor version upgrades off.*set autoMinorVersionUpgrade to true\.$/);
  });

  it("fails a standalone cluster with the provider's string \"false\"", async () => {
    assert.match((await violations(enableAutoMinorVersionUpgrade, [changed(standalone, "autoMinorVersionUpgrade", "false")]))[0], /^Cache cluster has automatic minor/);
  });

  it("leaves a group's member clusters to the group, and memcached (no such setting) alone", async () => {
    const member = changed(changed(standalone, "autoMinorVersionUpgrade", "false"), "replicationGroupId", "app-cache-group-1234567");
    const memcached = changed(changed(standalone, "autoMinorVersionUpgrade", "false"), "engine", "memcached");
    assert.deepEqual(await violations(enableAutoMinorVersionUpgrade, [member, memcached]), []);
  });

  it("decides nothing during preview while the setting is unknown", async () => {
    assert.deepEqual(await violations(enableAutoMinorVersionUpgrade, [changed(cacheGroup, "autoMinorVersionUpgrade", unknownValue)]), []);
  });
});
