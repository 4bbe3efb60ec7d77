import { strict as assert } from "node:assert";
import type { PolicyDocument, PolicyStatement } from "../iam/policyDocument";
import { clusterAutoscalerPolicy, ebsKeyStatements, karpenterControllerPolicy, loadBalancerControllerPolicy } from "./controllerPolicies";

const ctx = { partition: "aws", region: "us-west-2", accountId: "123456789012", clusterName: "medsearch-prod" };
const karpenter = karpenterControllerPolicy({
  ...ctx,
  nodeRoleArn: "arn:aws:iam::123456789012:role/medsearch-karpenter-node",
  interruptionQueueArn: "arn:aws:sqs:us-west-2:123456789012:medsearch-prod-interruptions",
  dataKeyArn: "arn:aws:kms:us-west-2:123456789012:key/data",
});
const list = (v: string | string[] | undefined) => (v === undefined ? [] : [v].flat());
const withAction = (doc: PolicyDocument, action: string): PolicyStatement[] => doc.Statement.filter((s) => list(s.Action).includes(action));

describe("controller policies", () => {
  const all: Array<[string, PolicyDocument]> = [["load balancer controller", loadBalancerControllerPolicy()], ["cluster autoscaler", clusterAutoscalerPolicy(ctx)], ["karpenter", karpenter]];
  for (const [name, doc] of all) {
    it(`${name}: names every action exactly (no wildcard actions) and gives every statement a Sid`, () => {
      for (const s of doc.Statement) {
        for (const a of list(s.Action)) assert.ok(!a.includes("*"), `${s.Sid}: ${a}`);
        assert.ok(s.Sid);
      }
      assert.equal(new Set(doc.Statement.map((s) => s.Sid)).size, doc.Statement.length);
    });
  }

  it("load balancer controller: deletes and modifies only load balancers and groups it tagged", () => {
    for (const action of ["elasticloadbalancing:DeleteLoadBalancer", "elasticloadbalancing:DeleteTargetGroup", "ec2:DeleteSecurityGroup"]) {
      for (const s of withAction(loadBalancerControllerPolicy(), action)) assert.deepEqual(s.Condition?.Null, { "aws:ResourceTag/elbv2.k8s.aws/cluster": "false" }, action);
    }
  });

  it("load balancer controller: may register pods in any target group, which TargetGroupBinding needs for Pulumi-owned groups", () => {
    const [s] = withAction(loadBalancerControllerPolicy(), "elasticloadbalancing:RegisterTargets");
    assert.equal(s.Resource, "arn:aws:elasticloadbalancing:*:*:targetgroup/*/*");
  });

  it("cluster autoscaler: resizes only Auto Scaling groups tagged as owned by this cluster", () => {
    const [s] = withAction(clusterAutoscalerPolicy(ctx), "autoscaling:SetDesiredCapacity");
    assert.deepEqual(s.Condition?.StringEquals, { "aws:ResourceTag/k8s.io/cluster-autoscaler/medsearch-prod": "owned" });
    assert.deepEqual(withAction(clusterAutoscalerPolicy(ctx), "autoscaling:TerminateInstanceInAutoScalingGroup"), [s]);
    assert.match(String(s.Resource), /^arn:aws:autoscaling:us-west-2:123456789012:autoScalingGroup:/);
  });

  it("karpenter: terminates only instances this cluster owns and passes only its node role", () => {
    const [del] = withAction(karpenter, "ec2:TerminateInstances");
    assert.deepEqual(del.Condition?.StringEquals, { "aws:ResourceTag/kubernetes.io/cluster/medsearch-prod": "owned" });
    const [pass] = withAction(karpenter, "iam:PassRole");
    assert.equal(pass.Resource, "arn:aws:iam::123456789012:role/medsearch-karpenter-node");
    assert.deepEqual(pass.Condition?.StringEquals, { "iam:PassedToService": "ec2.amazonaws.com" });
    const [queue] = withAction(karpenter, "sqs:ReceiveMessage");
    assert.equal(queue.Resource, "arn:aws:sqs:us-west-2:123456789012:medsearch-prod-interruptions");
  });

  it("karpenter: launches only with this cluster's ownership tag on what it creates", () => {
    const create = karpenter.Statement.find((s) => s.Sid === "CreateTagged")!;
    assert.equal(create.Condition?.StringEquals?.["aws:RequestTag/kubernetes.io/cluster/medsearch-prod"], "owned");
  });

  it("EBS key use is limited to EC2 and to grants for AWS resources", () => {
    const [use, grant] = ebsKeyStatements("arn:aws:kms:us-west-2:123456789012:key/data", "us-west-2");
    assert.deepEqual(use.Condition, { StringEquals: { "kms:ViaService": "ec2.us-west-2.amazonaws.com" } });
    assert.deepEqual(grant.Condition?.Bool, { "kms:GrantIsForAWSResource": "true" });
  });
});
