/**
 * EcsServices on its own, as another team's program would create it: an EcsCluster, the private
 * subnets, the keys and one service, nothing else. Asserts the secure defaults on what it registers.
 */
import { strict as assert } from "node:assert";
import { MOCK_ACCOUNT_ID, hex } from "../../offline/ids";
import type { RecordedResource } from "../../offline/recorder";
import { StackRun, runComponent } from "../../offline/runStack";
import { EcsCluster } from "./ecsCluster";
import { EcsServices } from "./ecsServices";
import { ECS_SERVICES_DEFAULTS } from "./presets";
import type { EcsService } from "./services";

const REGION = "us-west-2";
const SUBNETS = [`subnet-${hex("a", 17)}`, `subnet-${hex("b", 17)}`];
const key = (k: string) => `arn:aws:kms:${REGION}:${MOCK_ACCOUNT_ID}:key/${hex(k, 8)}`;
const KEYS = { data: key("data"), logs: key("logs"), secrets: key("secrets") };
const ACCOUNT = { accountId: MOCK_ACCOUNT_ID, partition: "aws", region: REGION };
const API: EcsService = { name: "api", port: 8080, replicas: { min: 2, max: 4 }, cpu: 512, memory: 1024, volumes: [], buckets: [], secrets: [], queues: [] };

const ofType = (run: StackRun, type: string) => run.resources.filter((r) => r.type === type);
const one = (run: StackRun, type: string): RecordedResource => {
  const found = ofType(run, type).filter((r) => r.parent?.endsWith("::api-services"));
  assert.equal(found.length, 1, type);
  return found[0];
};

function build(services: EcsService[], extra: Partial<ConstructorParameters<typeof EcsServices>[1]> = {}): Promise<StackRun> {
  return runComponent(async () => {
    const c = new EcsCluster("api", { vpcId: `vpc-${hex("vpc", 17)}`, vpcCidr: "10.20.0.0/16", privateSubnetIds: SUBNETS, account: ACCOUNT, kmsKeyArns: KEYS });
    new EcsServices("api-services", {
      cluster: { name: c.clusterName, arn: c.clusterArn, capacityProviderName: c.capacityProviderName, tasksSecurityGroupId: c.tasksSecurityGroupId, namespaceId: c.namespaceId, namespaceName: c.namespaceName },
      account: ACCOUNT,
      privateSubnetIds: SUBNETS,
      kmsKeyArns: KEYS,
      services,
      ...extra,
    });
  });
}

describe("EcsServices standalone: minimal arguments", () => {
  let run: StackRun;
  before(async () => {
    run = await build([API]);
    assert.equal(run.error, undefined, run.error?.message);
  });

  it("runs the tasks in the private subnets given, with no public IP, on the cluster's capacity provider", () => {
    const svc = one(run, "awsx:ecs:EC2Service");
    assert.deepEqual(svc.inputs.networkConfiguration.subnets, SUBNETS);
    assert.equal(svc.inputs.networkConfiguration.assignPublicIp, false);
    assert.equal(svc.inputs.capacityProviderStrategies.length, 1);
  });

  it("deploys with the circuit breaker and rollback, and no interactive shell (ECS Exec off)", () => {
    const svc = one(run, "awsx:ecs:EC2Service");
    assert.deepEqual(svc.inputs.deploymentCircuitBreaker, { enable: true, rollback: true });
    assert.equal(svc.inputs.enableExecuteCommand, false);
    assert.equal(svc.inputs.taskDefinitionArgs.container.privileged, false);
  });

  it("logs to its own log group, encrypted with the logs key and kept 90 days; awsx creates none", () => {
    const group = one(run, "aws:cloudwatch/logGroup:LogGroup");
    assert.deepEqual([group.inputs.name, group.inputs.kmsKeyId, group.inputs.retentionInDays], ["/ecs/api/api", KEYS.logs, 90]);
    assert.deepEqual(one(run, "awsx:ecs:EC2Service").inputs.taskDefinitionArgs.logGroup, { skip: true });
  });

  it("pulls its image from its own repository: immutable tags, scanned on push, KMS-encrypted, at the default tag", () => {
    const repo = one(run, "aws:ecr/repository:Repository");
    assert.equal(repo.inputs.imageTagMutability, "IMMUTABLE");
    assert.deepEqual(repo.inputs.imageScanningConfiguration, { scanOnPush: true });
    assert.deepEqual(repo.inputs.encryptionConfigurations, [{ encryptionType: "KMS", kmsKey: KEYS.data }]);
    assert.equal(one(run, "awsx:ecs:EC2Service").inputs.taskDefinitionArgs.container.image, `${repo.outputs.repositoryUrl}:${ECS_SERVICES_DEFAULTS.imageTag}`);
  });

  it("scales between the replica bounds on CPU 70 % and memory 80 %", () => {
    const target = one(run, "aws:appautoscaling/target:Target");
    assert.deepEqual([target.inputs.minCapacity, target.inputs.maxCapacity], [2, 4]);
    const policies = ofType(run, "aws:appautoscaling/policy:Policy").map((p) => p.inputs.targetTrackingScalingPolicyConfiguration.targetValue);
    assert.deepEqual(policies, [70, 80]);
  });

  it("gives a service that touches nothing a task role with no policy", () => {
    const roles = ofType(run, "aws:iam/role:Role").map((r) => r.name);
    assert.ok(roles.includes("api-services-task-api") && roles.includes("api-services-exec-api"), roles.join(", "));
    const policies = ofType(run, "aws:iam/rolePolicy:RolePolicy").map((p) => p.name);
    assert.deepEqual(policies.filter((n) => n.startsWith("api-services-")), ["api-services-exec-api"]);
  });

  it("refuses a routed service without a target group, and a secret without an ARN", async () => {
    const bad = await build([{ ...API, routePath: "/api/*", secrets: ["db"] }]);
    assert.match(bad.error?.message ?? "", /service api references secret "db", which no tier provides an ARN for/);
    const routed = await build([{ ...API, routePath: "/api/*" }]);
    assert.match(routed.error?.message ?? "", /service api is routed \(\/api\/\*\) but the edge tier gave it no target group/);
  });
});
