/**
 * The medical platform's dev stack with the ECS engine instead of EKS: every other tier works
 * unchanged. The data stores and EFS admit the tasks' security group (and nothing else), the edge
 * routes to the ECS services and admits itself to them, services get the data tier's secrets, and
 * the policy pack stays at zero mandatory violations.
 */
import { strict as assert } from "node:assert";
import { join } from "node:path";
import { readStackFile } from "../../offline/stackFile";
import { Planned, ROOT, mandatory, ofType, one, planConfig } from "../helpers";

/** Pulumi.dev.yaml with the cluster switched to ECS (its EKS-only keys and the runner dropped) and Fargate-sized services. */
function ecsDev(): Record<string, string> {
  const base = readStackFile(join(ROOT, "Pulumi.dev.yaml"));
  const services = JSON.parse(base["platform:services"]).map((s: { cpu: number; memory: number }) => ({ ...s, cpu: 256, memory: 512 }));
  // The in-VPC runner reaches an EKS API; an ECS stack deploys in one step and has none.
  const { "platform:deploy": _runner, ...rest } = base;
  return { ...rest, "platform:cluster": JSON.stringify({ enabled: true, engine: "ecs" }), "platform:services": JSON.stringify(services) };
}

describe("stack: the reference platform on the ECS engine (dev)", () => {
  let p: Planned;
  let tasksSg: string;
  before(async () => {
    p = await planConfig("dev", ecsDev());
    assert.equal(p.error, undefined, p.error?.message);
    tasksSg = p.outputs.ecs.tasksSecurityGroupId;
  });

  it("builds ECS, not EKS, and no mandatory violation", () => {
    assert.equal(ofType(p, "eks:index:Cluster").length, 0);
    assert.equal(ofType(p, "awsx:ecs:EC2Service").length, 7);
    assert.deepEqual(mandatory(p), []);
  });

  it("has PostgreSQL and the cache admit exactly the tasks' security group on their ports", () => {
    const sgOf = (port: number) => ofType(p, "aws:ec2/securityGroup:SecurityGroup").find((g) => g.inputs.ingress?.some((r: { fromPort: number }) => r.fromPort === port))!;
    for (const port of [5432, 6379]) {
      assert.deepEqual(sgOf(port).inputs.ingress.map((r: any) => [r.fromPort, r.securityGroups, r.cidrBlocks ?? []]), [[port, [tasksSg], []]]);
    }
  });

  it("grants each service's execution role exactly the data tier's secrets it names", () => {
    const secretArn = one(p, "aws:rds/instance:Instance", "medsearch-database-primary").outputs.masterUserSecrets[0].secretArn;
    const read = JSON.parse(one(p, "aws:iam/rolePolicy:RolePolicy", "medsearch-ecs-services-exec-analytics-service").inputs.policy).Statement
      .filter((s: { Action: string[] }) => [s.Action].flat().includes("secretsmanager:GetSecretValue")).flatMap((s: { Resource: string[] }) => [s.Resource].flat());
    assert.deepEqual(read, [secretArn]);
  });

  it("routes the edge's target groups to the ECS services, with the ALB admitted to the tasks on the service ports", () => {
    const routed = ofType(p, "awsx:ecs:EC2Service").filter((s) => s.inputs.loadBalancers.length > 0);
    assert.equal(routed.length, ofType(p, "aws:lb/targetGroup:TargetGroup").length);
    assert.equal(ofType(p, "kubernetes:elbv2.k8s.aws/v1beta1:TargetGroupBinding").length, 0);
    const fromAlb = ofType(p, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").filter((r) => r.inputs.securityGroupId === tasksSg);
    const ports = (xs: number[]) => [...new Set(xs)].sort((a, b) => a - b);
    assert.deepEqual(ports(fromAlb.map((r) => r.inputs.fromPort)), ports(routed.map((s) => s.inputs.loadBalancers[0].containerPort)));
    assert.deepEqual(ports(fromAlb.map((r) => r.inputs.fromPort)), [3000, 8080]);
  });
});
