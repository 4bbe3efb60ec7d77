import { strict as assert } from "node:assert";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { T } from "../../lib/types";
import { taskVariants } from "../../test/ecsFixtures";
import { assertOneViolation, check, fixture, withInputs } from "../../test/fixtures";
import { disallowPrivilegedContainers as policy } from "./disallowPrivilegedContainers";

describe("ecs-disallow-privileged-containers (FSBP ECS.4)", () => {
  for (const r of taskVariants()) {
    it(`passes ${r.type} whose container sets privileged: false`, async () => {
      assert.deepEqual(await check(policy, [r]), []);
    });
  }

  for (const r of taskVariants({ container: (c) => (c.privileged = true) })) {
    it(`fails ${r.type} with a privileged container, naming it`, async () => {
      assertOneViolation(await check(policy, [r]), policy, [/runs container backend privileged/, /remove privileged: true/]);
    });
  }

  it("passes a container that leaves privileged unset (ECS defaults to false)", async () => {
    for (const r of taskVariants({ container: (c) => delete c.privileged })) assert.deepEqual(await check(policy, [r]), [], r.type);
  });

  it("ignores a service that names a task definition declared elsewhere (that one is checked on its own)", async () => {
    const [service] = taskVariants({ container: (c) => (c.privileged = true) });
    assert.deepEqual(await check(policy, [withInputs(service, { taskDefinitionArgs: undefined, taskDefinition: "ecs-ai-backend:3" })]), []);
  });

  it("says it can't run during preview when a real run's containerDefinitions JSON is unknown, and raises nothing mandatory", async () => {
    const td = fixture(T.ecsTaskDefinition, "backend", { inputs: { family: "ecs-ai-backend", containerDefinitions: unknownValue } });
    assertOneViolation(await check(policy, [td]), policy, [/can't run policy 'ecs-disallow-privileged-containers' during preview/, /\.containerDefinitions/], "advisory");
  });

  it("says it can't run during preview when privileged itself is unknown", async () => {
    const [service] = taskVariants({ container: (c) => (c.privileged = unknownValue) });
    assertOneViolation(await check(policy, [service]), policy, [/during preview/, /\.taskDefinitionArgs\.containers\.backend\.privileged/], "advisory");
  });

  it("decides the known containers of an awsx component whose other values are unknown in preview", async () => {
    const [service] = taskVariants({ container: (c) => ((c.image = unknownValue), (c.secrets[0].valueFrom = unknownValue)) });
    assert.deepEqual(await check(policy, [service]), []);
  });
});
