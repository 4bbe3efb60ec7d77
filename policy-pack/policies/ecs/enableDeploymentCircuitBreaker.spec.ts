import { strict as assert } from "node:assert";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { T } from "../../lib/types";
import { serviceVariants } from "../../test/ecsFixtures";
import { assertOneViolation, check } from "../../test/fixtures";
import { enableDeploymentCircuitBreaker as policy } from "./enableDeploymentCircuitBreaker";

describe("ecs-enable-deployment-circuit-breaker (no FSBP control)", () => {
  for (const r of serviceVariants()) {
    it(`passes ${r.type} ${r.name} with the circuit breaker and rollback on`, async () => {
      assert.deepEqual(await check(policy, [r]), []);
    });
  }

  for (const r of serviceVariants({ deploymentCircuitBreaker: { enable: true, rollback: false } })) {
    it(`fails ${r.type} ${r.name} with rollback off`, async () => {
      assertOneViolation(await check(policy, [r]), policy, [/circuit breaker on without rollback/, /deploymentCircuitBreaker \{ enable: true, rollback: true \}/]);
    });
  }

  for (const r of serviceVariants({ deploymentCircuitBreaker: undefined })) {
    it(`fails ${r.type} ${r.name} without a circuit breaker`, async () => {
      assertOneViolation(await check(policy, [r]), policy, [/circuit breaker off/]);
    });
  }

  it("leaves services deployed by CodeDeploy or an external controller alone (the breaker is for rolling updates only)", async () => {
    for (const type of ["CODE_DEPLOY", "EXTERNAL"]) {
      for (const r of serviceVariants({ deploymentCircuitBreaker: undefined, deploymentController: { type } })) assert.deepEqual(await check(policy, [r]), [], `${r.name} ${type}`);
    }
  });

  it("checks a service whose controller is named ECS explicitly", async () => {
    const r = serviceVariants({ deploymentCircuitBreaker: undefined, deploymentController: { type: "ECS" } }).find((x) => x.type === T.ecsService)!;
    assert.equal((await check(policy, [r])).length, 1);
  });

  it("says it can't run during preview when rollback is unknown", async () => {
    const [r] = serviceVariants({ deploymentCircuitBreaker: { enable: true, rollback: unknownValue } });
    assertOneViolation(await check(policy, [r]), policy, [/during preview/, /\.deploymentCircuitBreaker\.rollback/], "advisory");
  });
});
