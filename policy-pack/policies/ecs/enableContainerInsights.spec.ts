import { strict as assert } from "node:assert";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { ecsCluster } from "../../test/ecsFixtures";
import { assertOneViolation, check } from "../../test/fixtures";
import { enableContainerInsights as policy } from "./enableContainerInsights";

describe("ecs-enable-container-insights (FSBP ECS.12)", () => {
  it("passes a cluster with Container Insights enhanced, and one with it enabled", async () => {
    assert.deepEqual(await check(policy, [ecsCluster()]), []);
    assert.deepEqual(await check(policy, [ecsCluster([{ name: "containerInsights", value: "enabled" }])]), []);
  });

  it("fails a cluster with Container Insights disabled", async () => {
    assertOneViolation(await check(policy, [ecsCluster([{ name: "containerInsights", value: "disabled" }])]), policy, [/Container Insights set to disabled/, /value enhanced or enabled/]);
  });

  it("fails a cluster without the setting (off unless the account default says otherwise)", async () => {
    assertOneViolation(await check(policy, [ecsCluster(null)]), policy, [/Container Insights unset \(off\)/]);
    assertOneViolation(await check(policy, [ecsCluster([])]), policy, [/unset \(off\)/]);
  });

  it("says it can't run during preview when the setting's value is unknown", async () => {
    assertOneViolation(await check(policy, [ecsCluster([{ name: "containerInsights", value: unknownValue }])]), policy, [/during preview/, /\.settings\.0\.value/], "advisory");
  });
});
