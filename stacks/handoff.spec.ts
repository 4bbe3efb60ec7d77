import { strict as assert } from "node:assert";
import { join } from "node:path";
import { readStackFile } from "../offline/stackFile";
import { readPlatformConfig } from "./config/load";
import type { PlatformConfig } from "./config/schema";
import { HANDOFF_VERSION, KubernetesStepHandoff, apiRoutes, handoffProblems, kubernetesStepProblems } from "./handoff";

const ROOT = join(__dirname, "..");
const AWS_STACK = "organization/platform/dev";

/** The dev stack file with sections replaced (structured values, as in the YAML). */
function dev(over: Record<string, unknown> = {}): PlatformConfig {
  const raw = readStackFile(join(ROOT, "Pulumi.dev.yaml"));
  const cluster = JSON.parse(raw["platform:cluster"]);
  const sections: Record<string, unknown> = { "platform:cluster": cluster, ...over };
  for (const [k, v] of Object.entries(sections)) raw[k] = JSON.stringify(v);
  return readPlatformConfig(raw, "dev");
}
const endpoint = (e: Partial<{ publicAccess: boolean; publicAccessCidrs: string[]; privateAccessCidrs: string[] }>) => {
  const cluster = JSON.parse(readStackFile(join(ROOT, "Pulumi.dev.yaml"))["platform:cluster"]);
  return { "platform:cluster": { ...cluster, endpoint: { publicAccess: false, publicAccessCidrs: [], privateAccessCidrs: [], ...e } } };
};
const noRunner = { "platform:deploy": { runner: { enabled: false } } };

function handoff(config: PlatformConfig, over: Partial<KubernetesStepHandoff> = {}): KubernetesStepHandoff {
  return {
    version: HANDOFF_VERSION, clusterName: "medsearch-dev", vpcId: "vpc-1", privateSubnetIds: ["subnet-a", "subnet-b"], nodeSecurityGroupId: "sg-1", dataKeyArn: "arn:key",
    apiRoutes: apiRoutes(config), controllerRoleArns: { loadBalancerController: "arn:lbc", autoscaler: "arn:ca" },
    serviceRoleArns: Object.fromEntries(config.services.map((s) => [s.name, `arn:role/${s.name}`])),
    edge: { albSecurityGroupId: "sg-alb", targetGroupArns: Object.fromEntries(config.services.filter((s) => s.routePath).map((s) => [s.name, `arn:tg/${s.name}`])) },
    ...over,
  };
}

describe("deployment order rules", () => {
  it("derives the routes to the API from the runner, the allow-listed networks and the public endpoint", () => {
    const table: Array<[Record<string, unknown>, string[]]> = [
      [{}, ["runner"]],
      [{ ...noRunner }, []],
      [{ ...noRunner, ...endpoint({ privateAccessCidrs: ["10.20.0.0/16"] }) }, ["privateAccessCidrs"]],
      [{ ...noRunner, ...endpoint({ publicAccess: true, publicAccessCidrs: ["203.0.113.0/24"] }) }, ["publicAccess"]],
      [{ ...endpoint({ privateAccessCidrs: ["10.20.0.0/16"] }) }, ["runner", "privateAccessCidrs"]],
    ];
    for (const [over, routes] of table) assert.deepEqual(apiRoutes(dev(over)), routes, JSON.stringify(over));
  });

  it("rejects a Kubernetes step with a private endpoint, no runner and no allow-listed network, naming the key and the next step", () => {
    const [p, ...rest] = kubernetesStepProblems(dev(noRunner));
    assert.deepEqual(rest, []);
    assert.equal(p.key, "platform:deploy.runner.enabled");
    assert.equal(p.value, false);
    assert.match(p.allowed, /Next: enable the runner \(repository, connectionArn\), run the AWS step \(`npm run up -- --stack dev`\), then `npm run up -- --stack dev --step kubernetes` on the runner$/);
  });

  it("accepts a Kubernetes step with any route", () => {
    assert.deepEqual(kubernetesStepProblems(dev()), []);
    assert.deepEqual(kubernetesStepProblems(dev({ ...noRunner, ...endpoint({ privateAccessCidrs: ["10.20.0.0/16"] }) })), []);
  });

  it("rejects a Kubernetes step for a stack without EKS: its AWS step is the whole deployment", () => {
    const [p] = kubernetesStepProblems(dev({ "platform:cluster": { enabled: false }, ...noRunner }));
    assert.equal(p.key, "platform:cluster.enabled");
    assert.match(p.allowed, /this stack creates no Kubernetes objects, so `npm run up -- --stack dev` is its whole deployment/);
  });

  it("accepts the AWS step's handoff when it has deployed what the config names", () => {
    const c = dev();
    assert.deepEqual(handoffProblems(c, handoff(c), AWS_STACK), []);
  });

  it("names what the AWS step has not deployed yet, each with the next step", () => {
    const c = dev();
    const first = (h: KubernetesStepHandoff | undefined) => handoffProblems(c, h, AWS_STACK).map((p) => `${p.key}: ${p.allowed}`);
    const table: Array<[KubernetesStepHandoff | undefined, RegExp]> = [
      [undefined, /^platform:cluster\.enabled: .*has no `kubernetesStep` output/],
      [handoff(c, { version: 2 }), /^platform:cluster\.enabled: .*output of version 2, not 1/],
      [handoff(c, { apiRoutes: [] }), /^platform:deploy\.runner\.enabled: a route to the API the AWS step has created: stack organization\/platform\/dev has none\./],
      [handoff(c, { serviceRoleArns: {} }), /^platform:services\[0\]\.name: a service the AWS step has given an IAM role/],
      [handoff(c, { edge: { albSecurityGroupId: "sg", targetGroupArns: {} } }), /^platform:services\[0\]\.routePath: a route the AWS step has given a target group/],
      [handoff(c, { karpenter: { interruptionQueueName: "q", nodeRoleName: "r" } }), /^platform:cluster\.autoscaler\.kind: the autoscaler the AWS step has made roles for: stack organization\/platform\/dev has karpenter/],
    ];
    for (const [h, expected] of table) {
      const problems = first(h);
      assert.ok(problems.length > 0, String(expected));
      assert.match(problems[0], expected);
      for (const p of problems) assert.ok(p.includes("Next: run the AWS step (`npm run up -- --stack dev`)"), p);
    }
  });
});
