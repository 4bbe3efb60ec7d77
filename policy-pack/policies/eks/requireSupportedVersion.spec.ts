import { strict as assert } from "node:assert";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { resourceViolations } from "../../test/clusterFixtures";
import { resource, violations } from "../../test/dataFixtures";
import { T } from "../../lib/types";
import { requireSupportedVersion as policy } from "./requireSupportedVersion";

const component = (version?: unknown) => ({ type: T.eksComponentCluster, props: version === undefined ? {} : { version } });
const cluster = (version?: unknown) => ({ type: T.eksCluster, props: version === undefined ? {} : { version } });

describe("eks-require-supported-version", () => {
  it("passes the oldest version in standard support and newer ones, on both cluster types", async () => {
    for (const v of ["1.35", "1.36", "2.0"]) {
      assert.deepEqual(await resourceViolations(policy, component(v)), [], v);
      assert.deepEqual(await resourceViolations(policy, cluster(v)), [], v);
    }
  });

  it("passes a cluster that leaves version unset: EKS creates the latest version", async () => {
    assert.deepEqual(await resourceViolations(policy, component()), []);
    assert.deepEqual(await resourceViolations(policy, cluster()), []);
  });

  it("fails a version that has left standard support, naming it and the oldest accepted", async () => {
    assert.deepEqual(await resourceViolations(policy, component("1.34")), [
      "EKS cluster runs Kubernetes 1.34, which is out of EKS standard support; upgrade it to 1.35 or newer.",
    ]);
    assert.equal((await resourceViolations(policy, cluster("1.29"))).length, 1);
  });

  it("compares minor versions as numbers: 1.9 is older than 1.35", async () => {
    assert.match((await resourceViolations(policy, cluster("1.9")))[0], /runs Kubernetes 1\.9/);
  });

  it("follows the configured oldest version", async () => {
    assert.deepEqual(await resourceViolations(policy, component("1.35"), { oldestSupportedVersion: "1.34" }), []);
    assert.match((await resourceViolations(policy, component("1.35"), { oldestSupportedVersion: "1.36" }))[0], /upgrade it to 1\.36 or newer/);
  });

  it("fails a version that is not a minor version", async () => {
    assert.match((await resourceViolations(policy, cluster("latest")))[0], /is not a Kubernetes minor version/);
  });

  it("decides nothing during preview while the version is unknown", async () => {
    assert.deepEqual(await violations(policy, [resource(T.eksCluster, "cluster", { version: unknownValue })]), []);
  });
});
