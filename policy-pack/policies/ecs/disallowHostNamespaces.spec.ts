import { strict as assert } from "node:assert";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { T } from "../../lib/types";
import { taskVariants } from "../../test/ecsFixtures";
import { assertOneViolation, check } from "../../test/fixtures";
import { disallowHostNamespaces as policy } from "./disallowHostNamespaces";

/** Fargate task definitions take no networkMode (always awsvpc); the EC2 ones and a real run's do. */
const withNetworkMode = (r: { type: string }) => r.type !== T.awsxFargateService && r.type !== T.awsxFargateTaskDefinition;

describe("ecs-disallow-host-namespaces (FSBP ECS.17, ECS.3)", () => {
  for (const r of taskVariants()) {
    it(`passes ${r.type} in awsvpc mode with no shared PID or IPC namespace`, async () => {
      assert.deepEqual(await check(policy, [r]), []);
    });
  }

  for (const r of taskVariants({ task: { networkMode: "host" } }).filter(withNetworkMode)) {
    it(`fails ${r.type} in host network mode`, async () => {
      assertOneViolation(await check(policy, [r]), policy, [/shares its container instance's namespaces \(networkMode: host\)/, /use networkMode awsvpc/]);
    });
  }

  for (const r of taskVariants({ task: { pidMode: "host" } })) {
    it(`fails ${r.type} sharing the host's process namespace`, async () => {
      assertOneViolation(await check(policy, [r]), policy, [/\(pidMode: host\)/]);
    });
  }

  for (const r of taskVariants({ task: { ipcMode: "host" } })) {
    it(`fails ${r.type} sharing the host's IPC namespace`, async () => {
      assertOneViolation(await check(policy, [r]), policy, [/\(ipcMode: host\)/]);
    });
  }

  it("names every shared namespace in one violation", async () => {
    const [service] = taskVariants({ task: { networkMode: "host", pidMode: "host" } });
    assertOneViolation(await check(policy, [service]), policy, [/networkMode: host, pidMode: host/]);
  });

  it("passes bridge networking and task-scoped PID and IPC namespaces", async () => {
    for (const r of taskVariants({ task: { networkMode: "bridge", pidMode: "task", ipcMode: "task" } }).filter(withNetworkMode)) {
      assert.deepEqual(await check(policy, [r]), [], r.type);
    }
  });

  it("says it can't run during preview when pidMode is unknown", async () => {
    const [service] = taskVariants({ task: { pidMode: unknownValue } });
    assertOneViolation(await check(policy, [service]), policy, [/during preview/, /\.taskDefinitionArgs\.pidMode/], "advisory");
  });
});
