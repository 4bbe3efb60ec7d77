/**
 * The cluster tier's presets and how a direct caller's settings are resolved against them: defaults
 * are the prod preset, a field given replaces only itself, and every problem is reported at once.
 */
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { PROFILES } from "../profiles";
import { REGISTRY_PRESETS } from "../registry";
import {
  AUTOSCALER_CHART_VERSIONS, AUTOSCALER_KINDS, CLUSTER_CONTROLLERS_DEFAULTS, CLUSTER_DEFAULTS, CLUSTER_PRESETS, KUBERNETES_WORKLOADS_DEFAULTS,
  KUBERNETES_WORKLOADS_PRESETS, LOAD_BALANCER_CONTROLLER_CHART_VERSION, WORKLOADS_DEFAULTS, WORKLOADS_PRESETS, checkClusterSettings, resolveClusterSettings,
} from "./presets";

describe("cluster presets", () => {
  it("gives a direct caller the prod preset of each component", () => {
    assert.equal(CLUSTER_DEFAULTS, CLUSTER_PRESETS.prod);
    assert.equal(KUBERNETES_WORKLOADS_DEFAULTS, KUBERNETES_WORKLOADS_PRESETS.prod);
    assert.equal(WORKLOADS_DEFAULTS, WORKLOADS_PRESETS.prod);
    assert.deepEqual(CLUSTER_CONTROLLERS_DEFAULTS, { loadBalancerControllerChartVersion: LOAD_BALANCER_CONTROLLER_CHART_VERSION, autoscalerChartVersions: AUTOSCALER_CHART_VERSIONS, retainVolumes: true });
  });

  it("takes the registry from the presets the ECS engine shares, immutable outside dev", () => {
    for (const p of PROFILES) assert.equal(WORKLOADS_PRESETS[p].registry, REGISTRY_PRESETS[p]);
    assert.deepEqual(PROFILES.map((p) => WORKLOADS_PRESETS[p].registry.immutableTags), [false, true, true]);
  });

  it("passes its own checks in every profile", () => {
    for (const p of PROFILES) assert.deepEqual(checkClusterSettings(CLUSTER_PRESETS[p]), [], p);
  });
});

describe("resolveClusterSettings", () => {
  it("fills every field left out from CLUSTER_DEFAULTS", () => {
    assert.deepEqual(resolveClusterSettings("orders", {}), CLUSTER_DEFAULTS);
  });

  it("merges the endpoint field by field and turns a group given on unless it says otherwise", () => {
    const gpu = { ...CLUSTER_DEFAULTS.nodeGroups.gpu, enabled: undefined, minSize: 1, desiredSize: 1 };
    const s = resolveClusterSettings("orders", { endpoint: { privateAccessCidrs: ["10.1.0.0/24"] }, nodeGroups: { gpu, system: { ...CLUSTER_DEFAULTS.nodeGroups.system, enabled: false } } });
    assert.deepEqual(s.endpoint, { publicAccess: false, publicAccessCidrs: [], privateAccessCidrs: ["10.1.0.0/24"] });
    assert.deepEqual([s.nodeGroups.gpu.enabled, s.nodeGroups.system.enabled, s.nodeGroups.application], [true, false, CLUSTER_DEFAULTS.nodeGroups.application]);
  });

  it("gives an autoscaler named by kind alone that kind's pinned chart, and keeps a chart given", () => {
    for (const kind of AUTOSCALER_KINDS) assert.deepEqual(resolveClusterSettings("orders", { autoscaler: { kind } }).autoscaler, { kind, chartVersion: AUTOSCALER_CHART_VERSIONS[kind] });
    assert.equal(resolveClusterSettings("orders", { autoscaler: { kind: "karpenter", chartVersion: "1.9.0" } }).autoscaler.chartVersion, "1.9.0");
  });

  const cases: Array<[string, Parameters<typeof resolveClusterSettings>[1], RegExp]> = [
    ["a public endpoint open to everyone", { endpoint: { publicAccess: true } }, /endpoint\.publicAccessCidrs: got \[\]; allowed: at least one CIDR/],
    ["an application group whose desired size is below its minimum", { nodeGroups: { application: { ...CLUSTER_DEFAULTS.nodeGroups.application, desiredSize: 1 } } }, /nodeGroups\.application\.desiredSize: got 1/],
    ["a retention CloudWatch Logs does not offer", { controlPlaneLogRetentionDays: 100 as never }, /controlPlaneLogRetentionDays: got 100/],
  ];
  for (const [what, given, expected] of cases) {
    it(`refuses ${what}, naming the cluster`, () => {
      assert.throws(() => resolveClusterSettings("orders", given), (e: Error) => e.name === "ComponentArgsError" && /^orders: /.test(e.message) && expected.test(e.message));
    });
  }

  it("reports every problem at once, and none for a disabled group however it is sized", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }), (minSize, maxSize) => {
      const gpu = { ...CLUSTER_DEFAULTS.nodeGroups.gpu, enabled: false, minSize, desiredSize: minSize, maxSize };
      assert.deepEqual(checkClusterSettings({ ...CLUSTER_DEFAULTS, nodeGroups: { ...CLUSTER_DEFAULTS.nodeGroups, gpu } }), []);
    }));
    const problems = checkClusterSettings({ ...CLUSTER_DEFAULTS, endpoint: { ...CLUSTER_DEFAULTS.endpoint, publicAccess: true }, insightsLogRetentionDays: 2 as never });
    assert.deepEqual(problems.map((p) => p.field), ["endpoint.publicAccessCidrs", "insightsLogRetentionDays"]);
  });
});
