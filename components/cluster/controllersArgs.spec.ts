/**
 * ClusterControllers' arguments resolved against CLUSTER_CONTROLLERS_DEFAULTS, Karpenter's pool
 * derived from a node group, and every rule they are held to, each with a failing case.
 */
import { strict as assert } from "node:assert";
import fc from "fast-check";
import type { AutoscalerRelease, ClusterControllersArgs } from "./clusterControllers";
import { CHART_VERSION, KARPENTER_VCPUS_PER_NODE, karpenterPoolOf, resolveClusterControllersArgs } from "./controllersArgs";
import { AUTOSCALER_CHART_VERSIONS, CLUSTER_CONTROLLERS_DEFAULTS, CLUSTER_DEFAULTS } from "./presets";
import { problemFields } from "../../test/argProblems";

const karpenter: AutoscalerRelease = { kind: "karpenter", roleArn: "r", interruptionQueueName: "q", nodeRoleName: "n", privateSubnetIds: ["s"], nodeSecurityGroupId: "sg" };
const base: ClusterControllersArgs = {
  clusterName: "orders", region: "us-west-2", vpcId: "vpc", provider: {} as never,
  loadBalancerController: { roleArn: "lbc" }, autoscaler: { kind: "cluster-autoscaler", roleArn: "ca" }, storageClass: { dataKeyArn: "key" },
};

describe("karpenterPoolOf", () => {
  it("takes the group's families, architecture, capacity type and disk, with a vCPU ceiling of maxSize nodes", () => {
    assert.deepEqual(karpenterPoolOf(CLUSTER_DEFAULTS.nodeGroups.application), { instanceFamilies: ["t3"], architectures: ["amd64"], spot: false, diskSizeGiB: 50, cpuLimit: 80 });
    assert.deepEqual(karpenterPoolOf({ instanceTypes: ["t4g.large", "m6g.large"], capacityType: "SPOT", diskSizeGiB: 30, maxSize: 4 }), {
      instanceFamilies: ["t4g", "m6g"], architectures: ["arm64"], spot: true, diskSizeGiB: 30, cpuLimit: 32,
    });
  });

  it("scales the ceiling with maxSize and allows Spot exactly for a Spot group", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 450 }), fc.constantFrom("ON_DEMAND", "SPOT") as fc.Arbitrary<"ON_DEMAND" | "SPOT">, (maxSize, capacityType) => {
      const pool = karpenterPoolOf({ ...CLUSTER_DEFAULTS.nodeGroups.application, maxSize, capacityType });
      assert.equal(pool.cpuLimit, maxSize * KARPENTER_VCPUS_PER_NODE);
      assert.equal(pool.spot, capacityType === "SPOT");
    }));
  });
});

describe("resolveClusterControllersArgs", () => {
  it("pins the charts, retains volumes and waits for nothing by default", () => {
    const r = resolveClusterControllersArgs("c", base);
    assert.deepEqual([r.loadBalancerController.chartVersion, r.autoscaler.chartVersion, r.storageClass.retainVolumes, r.dependsOn], [
      CLUSTER_CONTROLLERS_DEFAULTS.loadBalancerControllerChartVersion, AUTOSCALER_CHART_VERSIONS["cluster-autoscaler"], true, [],
    ]);
  });

  it("gives Karpenter its own chart and the default application group's pool, field by field", () => {
    const r = resolveClusterControllersArgs("c", { ...base, autoscaler: { ...karpenter, spot: undefined, cpuLimit: 16 } });
    assert.equal(r.autoscaler.chartVersion, AUTOSCALER_CHART_VERSIONS.karpenter);
    assert.ok(r.autoscaler.kind === "karpenter");
    assert.deepEqual({ ...karpenterPoolOf(CLUSTER_DEFAULTS.nodeGroups.application), cpuLimit: 16 }, {
      instanceFamilies: r.autoscaler.instanceFamilies, architectures: r.autoscaler.architectures, spot: r.autoscaler.spot, diskSizeGiB: r.autoscaler.diskSizeGiB, cpuLimit: r.autoscaler.cpuLimit,
    });
  });

  it("gives families given without architectures their own (Graviton is arm64)", () => {
    const r = resolveClusterControllersArgs("c", { ...base, autoscaler: { ...karpenter, instanceFamilies: ["m7g", "c7g"] } });
    assert.deepEqual(r.autoscaler.kind === "karpenter" && r.autoscaler.architectures, ["arm64"]);
  });

  it("keeps what the caller gives", () => {
    const r = resolveClusterControllersArgs("c", { ...base, loadBalancerController: { roleArn: "lbc", chartVersion: "1.13.0" }, storageClass: { dataKeyArn: "key", retainVolumes: false } });
    assert.deepEqual([r.loadBalancerController.chartVersion, r.storageClass.retainVolumes], ["1.13.0", false]);
  });

  const cases: Array<[string, Partial<ClusterControllersArgs>, string[]]> = [
    ["a floating load balancer controller chart", { loadBalancerController: { roleArn: "lbc", chartVersion: "1.x" } }, ["loadBalancerController.chartVersion"]],
    ["a floating autoscaler chart", { autoscaler: { kind: "cluster-autoscaler", roleArn: "ca", chartVersion: "latest" } }, ["autoscaler.chartVersion"]],
    ["a Karpenter pool of any family", { autoscaler: { ...karpenter, instanceFamilies: [] } }, ["autoscaler.instanceFamilies"]],
    ["an architecture Kubernetes does not name", { autoscaler: { ...karpenter, architectures: ["x86_64" as never] } }, ["autoscaler.architectures"]],
    ["a root volume too small for the AMI", { autoscaler: { ...karpenter, diskSizeGiB: 8 } }, ["autoscaler.diskSizeGiB"]],
    ["a pool with no vCPUs", { autoscaler: { ...karpenter, cpuLimit: 0 } }, ["autoscaler.cpuLimit"]],
  ];
  for (const [what, over, expected] of cases) {
    it(`refuses ${what}`, () => assert.deepEqual(problemFields(() => resolveClusterControllersArgs("c", { ...base, ...over })), expected));
  }

  it("takes exact MAJOR.MINOR.PATCH chart versions only", () => {
    for (const ok of ["1.14.1", "9.52.1", "10.0.0"]) assert.ok(CHART_VERSION.test(ok), ok);
    for (const bad of ["1.14", "v1.14.1", "1.14.1-rc.1", "latest"]) assert.ok(!CHART_VERSION.test(bad), bad);
  });
});
