import { strict as assert } from "node:assert";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { T } from "../../lib/types";
import { taskVariants } from "../../test/ecsFixtures";
import { assertOneViolation, check } from "../../test/fixtures";
import { requireLogConfiguration as policy } from "./requireLogConfiguration";

const AWSX_TYPES: string[] = [T.awsxEc2Service, T.awsxFargateService, T.awsxEc2TaskDefinition, T.awsxFargateTaskDefinition];
const noLogConfiguration = { container: (c: Record<string, any>) => delete c.logConfiguration };

describe("ecs-require-log-configuration (FSBP ECS.9)", () => {
  for (const r of taskVariants()) {
    it(`passes ${r.type} whose container logs through awslogs`, async () => {
      assert.deepEqual(await check(policy, [r]), []);
    });
  }

  for (const r of taskVariants(noLogConfiguration)) {
    it(`fails ${r.type} with a container without logConfiguration where nothing adds one`, async () => {
      assertOneViolation(await check(policy, [r]), policy, [/no log configuration for container backend/, /logDriver awslogs or awsfirelens/]);
    });
  }

  it("passes awsx containers without logConfiguration when awsx gives them awslogs (logGroup not skipped)", async () => {
    for (const logGroup of [undefined, { existing: { name: "/ecs/ecs-ai" } }, { args: { retentionInDays: 7 } }]) {
      const variants = taskVariants({ ...noLogConfiguration, task: { logGroup } }).filter((r) => AWSX_TYPES.includes(r.type));
      for (const r of variants) assert.deepEqual(await check(policy, [r]), [], `${r.type} with logGroup ${JSON.stringify(logGroup)}`);
    }
  });

  for (const r of taskVariants({ container: (c) => (c.logConfiguration = { logDriver: "json-file" }) })) {
    it(`fails ${r.type} logging to the instance's disk (json-file)`, async () => {
      assertOneViolation(await check(policy, [r]), policy, [/driver the pack does not allow \(backend: json-file\)/]);
    });
  }

  it("passes FireLens, and takes its allowed drivers from the config", async () => {
    const [firelens] = taskVariants({ container: (c) => (c.logConfiguration = { logDriver: "awsfirelens", options: { Name: "cloudwatch_logs" } }) });
    assert.deepEqual(await check(policy, [firelens]), []);
    const config = { all: "mandatory" as const, [policy.name]: { allowedLogDrivers: ["awslogs"] } };
    assertOneViolation(await check(policy, [firelens], config), policy, [/backend: awsfirelens/, /use logDriver awslogs\./]);
  });

  it("says it can't run during preview when a real run's containerDefinitions JSON is unknown", async () => {
    const td = taskVariants().find((r) => r.type === T.ecsTaskDefinition)!;
    const preview = { ...td, inputs: { ...td.inputs, containerDefinitions: unknownValue } };
    assertOneViolation(await check(policy, [preview]), policy, [/during preview/, /\.containerDefinitions/], "advisory");
  });

  it("decides in preview when only the log group's name is unknown", async () => {
    const [service] = taskVariants({ container: (c) => (c.logConfiguration.options["awslogs-group"] = unknownValue) });
    assert.deepEqual(await check(policy, [service]), []);
  });
});
