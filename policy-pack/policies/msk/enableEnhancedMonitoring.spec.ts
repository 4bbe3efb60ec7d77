import { strict as assert } from "node:assert";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { changed, mskCluster, violations } from "../../test/dataFixtures";
import { enableEnhancedMonitoring } from "./enableEnhancedMonitoring";

describe("msk-enable-enhanced-monitoring", () => {
  it("passes per-broker metrics and every finer level", async () => {
    const finer = ["PER_TOPIC_PER_BROKER", "PER_TOPIC_PER_PARTITION"].map((l) => changed(mskCluster, "enhancedMonitoring", l));
    assert.deepEqual(await violations(enableEnhancedMonitoring, [mskCluster, ...finer]), []);
  });

  it("fails DEFAULT, cluster-level metrics only", async () => {
    assert.deepEqual(await violations(enableEnhancedMonitoring, [changed(mskCluster, "enhancedMonitoring", "DEFAULT")]), [
      "MSK cluster publishes only DEFAULT cluster-level metrics; set enhancedMonitoring to PER_BROKER or finer.",
    ]);
  });

  it("fails a cluster that leaves it unset, which MSK treats as DEFAULT", async () => {
    assert.match((await violations(enableEnhancedMonitoring, [changed(mskCluster, "enhancedMonitoring", undefined)]))[0], /enhancedMonitoring unset/);
  });

  it("decides nothing during preview while the level is unknown", async () => {
    assert.deepEqual(await violations(enableEnhancedMonitoring, [changed(mskCluster, "enhancedMonitoring", unknownValue)]), []);
  });
});
