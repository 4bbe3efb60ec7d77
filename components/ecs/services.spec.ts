import { strict as assert } from "node:assert";
import fc from "fast-check";
import { AI_APP_SERVICES } from "../../test/fixtures/ecsAiApp";
import {
  EcsService, ServiceContext, assertServices, autoscalingProblems, checkEcsServicesArgs, deploymentPercents, imageTagProblem, logGroupName, resolveEcsServicesArgs,
  roleLogicalNames, scalingResourceId, secretEnvName, serviceProblems, taskFamily,
} from "./services";
import { ECS_SERVICES_DEFAULTS } from "./presets";

const PARENT = "ecsai-test-services";
const svc = (name: string) => AI_APP_SERVICES.find((s) => s.name === name)!;
const ctx: ServiceContext = { buckets: ["ml-artifacts"], secrets: ["mongodb"], queues: [], targetGroups: ["frontend", "backend", "qdrant"], accessPoints: ["qdrant"] };

describe("ECS service names", () => {
  const envNames: Array<[string, string]> = [["mongodb", "MONGODB_SECRET"], ["api-keys", "API_KEYS_SECRET"], ["database", "DATABASE_SECRET"], ["a1-b2", "A1_B2_SECRET"]];
  for (const [secret, env] of envNames) it(`inject secret "${secret}" as ${env}`, () => assert.equal(secretEnvName(secret), env));

  it("always derive a valid environment variable name from a secret name", () => {
    fc.assert(fc.property(fc.stringMatching(/^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/), (secret) => {
      assert.match(secretEnvName(secret), /^[A-Z][A-Z0-9_]*_SECRET$/);
    }));
  });

  it("name log groups, task families and scaling targets after the cluster and service", () => {
    assert.equal(logGroupName("ecsai-prod", "backend"), "/ecs/ecsai-prod/backend");
    assert.equal(taskFamily("ecsai-prod", "backend"), "ecsai-prod-backend");
    assert.equal(scalingResourceId("ecsai-prod", "backend"), "service/ecsai-prod/backend");
    assert.deepEqual(roleLogicalNames(PARENT, "backend"), { execution: `${PARENT}-exec-backend`, task: `${PARENT}-task-backend` });
  });

  it("roll stateless services start-first (100/200) and EFS-backed ones stop-first (0/100)", () => {
    assert.deepEqual(deploymentPercents(svc("backend")), { minimumHealthyPercent: 100, maximumPercent: 200 });
    assert.deepEqual(deploymentPercents(svc("qdrant")), { minimumHealthyPercent: 0, maximumPercent: 100 });
  });
});

describe("ECS service validation", () => {
  it("accept the AI app's five services", () => {
    for (const s of AI_APP_SERVICES) assert.deepEqual(serviceProblems(PARENT, s, ctx), [], s.name);
    assertServices(PARENT, AI_APP_SERVICES, ctx);
  });

  it("reject a secret no tier provides, naming the service and the secret", () => {
    assert.throws(() => assertServices(PARENT, AI_APP_SERVICES, { ...ctx, secrets: [] }), /service backend references secret "mongodb", which no tier provides an ARN for/);
  });

  it("reject a bucket no tier provides", () => {
    assert.throws(() => assertServices(PARENT, AI_APP_SERVICES, { ...ctx, buckets: [] }), /service ai-service references bucket "ml-artifacts"/);
  });

  const cases: Array<[string, EcsService, Partial<ServiceContext>, RegExp]> = [
    ["a volume without a file system", svc("qdrant"), { accessPoints: undefined }, /service qdrant mounts volume "qdrant", but the stack has no EFS file system/],
    ["a volume with no access point of its name", svc("qdrant"), { accessPoints: ["other"] }, /service qdrant mounts volume "qdrant", which is not an access point of the file system \(other\)/],
    ["a routed service without a target group", svc("frontend"), { targetGroups: ["backend", "qdrant"] }, /service frontend is routed \(\/\) but the edge tier gave it no target group/],
    ["a target group for an internal service", svc("redis"), { targetGroups: [...ctx.targetGroups, "redis"] }, /service redis has a target group but no routePath/],
    ["a plain variable shadowing a secret", { ...svc("backend"), environment: { MONGODB_SECRET: "hunter2" } }, {}, /service backend sets environment MONGODB_SECRET, the variable its secret "mongodb" arrives in/],
    ["replicas with min above max", { ...svc("frontend"), replicas: { min: 3, max: 2 } }, {}, /service frontend has replicas \{"min":3,"max":2\}; needs 1 ≤ min ≤ max/],
    ["a service name too long for its role names", { ...svc("redis"), name: "r".repeat(32) }, {}, /over IAM's 64 characters; shorten the system or service name/],
  ];
  for (const [what, s, change, message] of cases) {
    it(`reject ${what}`, () => assert.throws(() => assertServices(PARENT, [s], { ...ctx, ...change }), message));
  }

  it("reject a service listed twice", () => {
    assert.throws(() => assertServices(PARENT, [svc("redis"), svc("redis")], ctx), /service redis is listed twice/);
  });

  it("accept autoscaling targets of 1 to 100 percent only", () => {
    assert.deepEqual(autoscalingProblems({ cpuTargetPercent: 70, memoryTargetPercent: 80 }), []);
    assert.deepEqual(autoscalingProblems({ cpuTargetPercent: 0, memoryTargetPercent: 101 }), [
      "cpuTargetPercent (0) must be an integer from 1 to 100 (percent of the tasks' reservation)",
      "memoryTargetPercent (101) must be an integer from 1 to 100 (percent of the tasks' reservation)",
    ]);
  });

  it("accept image tags Docker accepts", () => {
    for (const tag of ["latest", "v1.2.3", "2026-05-01_abc"]) assert.equal(imageTagProblem(tag), undefined);
    for (const tag of ["", "-x", ".x", "a b", "x".repeat(129)]) assert.match(imageTagProblem(tag) ?? "", /is not a valid tag/);
  });
});

describe("resolveEcsServicesArgs", () => {
  it("fills every omitted setting from the prod preset and keeps logs 90 days", () => {
    assert.deepEqual(resolveEcsServicesArgs({}), { ...ECS_SERVICES_DEFAULTS, logRetentionDays: 90 });
    assert.deepEqual(resolveEcsServicesArgs({ imageTag: "v2", logRetentionDays: 7 }), { ...ECS_SERVICES_DEFAULTS, imageTag: "v2", logRetentionDays: 7 });
  });

  it("reports every problem at once: tag, targets, registry limits, retention", () => {
    const problems = checkEcsServicesArgs({
      imageTag: "-bad", autoscaling: { cpuTargetPercent: 0, memoryTargetPercent: 80 }, registry: { immutableTags: true, keepImages: 0, untaggedExpiryDays: 400 }, logRetentionDays: 10,
    });
    assert.deepEqual(problems.map((p) => p.replace(/:.*/, "")), ["ECS services", "ECS services", "registry.keepImages", "registry.untaggedExpiryDays", "logRetentionDays"]);
    assert.throws(() => resolveEcsServicesArgs({ imageTag: "-bad", logRetentionDays: 10 }), /image tag "-bad" is not a valid tag.*; logRetentionDays: got 10/);
  });
});
