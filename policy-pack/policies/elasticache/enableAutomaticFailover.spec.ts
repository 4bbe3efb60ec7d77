import { strict as assert } from "node:assert";
import { cacheGroup, changed, violations } from "../../test/dataFixtures";
import { enableAutomaticFailover } from "./enableAutomaticFailover";

describe("elasticache-enable-automatic-failover", () => {
  it("passes a group with automatic failover and Multi-AZ", async () => {
    assert.deepEqual(await violations(enableAutomaticFailover, [cacheGroup]), []);
  });

  it("fails a group without automatic failover", async () => {
    assert.match((await violations(enableAutomaticFailover, [changed(cacheGroup, "automaticFailoverEnabled", false)]))[0], /does not fail over/);
  });

  it("fails a group with failover but not Multi-AZ", async () => {
    assert.match((await violations(enableAutomaticFailover, [changed(cacheGroup, "multiAzEnabled", false)]))[0], /set multiAzEnabled: true/);
  });
});
