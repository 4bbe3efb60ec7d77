import { strict as assert } from "node:assert";
import { PROFILES } from "../profiles";
import { REGISTRY_PRESETS } from "../registry";
import { ECS_CLUSTER_DEFAULTS, ECS_CLUSTER_PRESETS, ECS_SERVICES_DEFAULTS, ECS_SERVICES_PRESETS } from "./presets";
import { capacityProblems } from "./settings";
import { checkEcsServicesArgs } from "./services";

describe("ECS presets", () => {
  it("give a direct caller the prod preset: two instances at least, immutable image tags", () => {
    assert.deepEqual(ECS_CLUSTER_DEFAULTS, ECS_CLUSTER_PRESETS.prod);
    assert.deepEqual(ECS_SERVICES_DEFAULTS, ECS_SERVICES_PRESETS.prod);
    assert.ok(ECS_CLUSTER_DEFAULTS.minSize >= 2);
    assert.equal(ECS_SERVICES_DEFAULTS.registry.immutableTags, true);
  });

  it("are valid in every profile", () => {
    for (const p of PROFILES) {
      assert.deepEqual(capacityProblems(ECS_CLUSTER_PRESETS[p]), [], p);
      assert.deepEqual(checkEcsServicesArgs({ ...ECS_SERVICES_PRESETS[p], logRetentionDays: 7 }), [], p);
    }
  });

  it("keep image tags mutable in dev only, with the registry both engines share", () => {
    for (const p of PROFILES) {
      assert.equal(ECS_SERVICES_PRESETS[p].registry, REGISTRY_PRESETS[p]);
      assert.equal(ECS_SERVICES_PRESETS[p].registry.immutableTags, p !== "dev", p);
    }
  });

  it("keep dev cheapest: one burstable instance that may grow, never more than prod", () => {
    assert.deepEqual([ECS_CLUSTER_PRESETS.dev.instanceType, ECS_CLUSTER_PRESETS.dev.minSize], ["t3.large", 1]);
    for (const k of ["minSize", "maxSize", "diskSizeGiB"] as const) assert.ok(ECS_CLUSTER_PRESETS.dev[k] <= ECS_CLUSTER_PRESETS.prod[k], k);
  });
});
