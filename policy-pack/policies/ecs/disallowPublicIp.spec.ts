import { strict as assert } from "node:assert";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { T } from "../../lib/types";
import { serviceVariants, taskSet } from "../../test/ecsFixtures";
import { assertOneViolation, check, withInputs } from "../../test/fixtures";
import { disallowPublicIp as policy } from "./disallowPublicIp";

const publicNetwork = { networkConfiguration: { subnets: ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0bbbbbbbbbbbbbbb2"], assignPublicIp: true } };

describe("ecs-disallow-public-ip (FSBP ECS.2)", () => {
  for (const r of [...serviceVariants(), taskSet()]) {
    it(`passes ${r.type} ${r.name} with assignPublicIp: false`, async () => {
      assert.deepEqual(await check(policy, [r]), []);
    });
  }

  for (const r of serviceVariants(publicNetwork)) {
    it(`fails ${r.type} ${r.name} that assigns public IPs`, async () => {
      assertOneViolation(await check(policy, [r]), policy, [/ECS service assigns its tasks public IP addresses/, /set assignPublicIp to false/]);
    });
  }

  it("fails a task set that assigns public IPs (FSBP ECS.16)", async () => {
    assertOneViolation(await check(policy, [taskSet(publicNetwork.networkConfiguration)]), policy, [/ECS task set assigns its tasks public IP addresses/]);
  });

  it("fails an awsx Fargate service without networkConfiguration: awsx then uses the default VPC's public subnets with public IPs", async () => {
    const fargate = serviceVariants({ networkConfiguration: undefined }).find((r) => r.type === T.awsxFargateService)!;
    assertOneViolation(await check(policy, [fargate]), policy, [/no networkConfiguration, so awsx runs its tasks in the default VPC's public subnets/]);
  });

  it("fails an awsx Fargate service with assignPublicIp: true at the top level", async () => {
    const fargate = serviceVariants().find((r) => r.type === T.awsxFargateService)!;
    assert.equal((await check(policy, [withInputs(fargate, { assignPublicIp: true })])).length, 1);
  });

  it("passes an EC2 service without networkConfiguration (bridge mode: tasks use the instance's network)", async () => {
    const service = serviceVariants({ networkConfiguration: undefined }).find((r) => r.type === T.ecsService && r.name === "backend")!;
    assert.deepEqual(await check(policy, [service]), []);
  });

  it("decides in preview when only the subnets are unknown, and says it can't run when assignPublicIp is", async () => {
    const [service] = serviceVariants({ networkConfiguration: { subnets: unknownValue, assignPublicIp: false } });
    assert.deepEqual(await check(policy, [service]), []);
    const [unknownAssign] = serviceVariants({ networkConfiguration: { subnets: ["subnet-1"], assignPublicIp: unknownValue } });
    assertOneViolation(await check(policy, [unknownAssign]), policy, [/during preview/, /\.networkConfiguration\.assignPublicIp/], "advisory");
  });
});
