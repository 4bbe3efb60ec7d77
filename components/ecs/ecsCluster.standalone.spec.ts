/**
 * EcsCluster on its own, as another team's program would create it: the network and keys it must be
 * given, nothing else. Asserts the secure, highly available defaults on what it registers.
 */
import { strict as assert } from "node:assert";
import { MOCK_ACCOUNT_ID, hex } from "../../offline/ids";
import type { RecordedResource } from "../../offline/recorder";
import { StackRun, runComponent } from "../../offline/runStack";
import { EcsCluster } from "./ecsCluster";
import { ECS_CLUSTER_DEFAULTS } from "./presets";

const REGION = "us-west-2";
const SUBNETS = [`subnet-${hex("a", 17)}`, `subnet-${hex("b", 17)}`];
const key = (k: string) => `arn:aws:kms:${REGION}:${MOCK_ACCOUNT_ID}:key/${hex(k, 8)}`;
const KEYS = { data: key("data"), logs: key("logs") };

const ofType = (run: StackRun, type: string) => run.resources.filter((r) => r.type === type);
const one = (run: StackRun, type: string): RecordedResource => {
  const found = ofType(run, type);
  assert.equal(found.length, 1, type);
  return found[0];
};

describe("EcsCluster standalone: minimal arguments", () => {
  let run: StackRun;
  before(async () => {
    run = await runComponent(async () => {
      new EcsCluster("orders", {
        vpcId: `vpc-${hex("vpc", 17)}`,
        vpcCidr: "10.20.0.0/16",
        privateSubnetIds: SUBNETS,
        account: { accountId: MOCK_ACCOUNT_ID, partition: "aws", region: REGION },
        kmsKeyArns: KEYS,
      });
    });
    assert.equal(run.error, undefined, run.error?.message);
  });

  it("names the cluster after the component and turns Container Insights (enhanced) on", () => {
    const cluster = one(run, "aws:ecs/cluster:Cluster");
    assert.deepEqual([cluster.inputs.name, cluster.inputs.settings], ["orders", [{ name: "containerInsights", value: "enhanced" }]]);
  });

  it("writes Container Insights to a log group encrypted with the logs key and kept 90 days", () => {
    const group = one(run, "aws:cloudwatch/logGroup:LogGroup");
    assert.deepEqual([group.inputs.name, group.inputs.kmsKeyId, group.inputs.retentionInDays], ["/aws/ecs/containerinsights/orders/performance", KEYS.logs, 90]);
  });

  it("requires IMDSv2 with a hop limit of 1, so no task reaches the instance role", () => {
    const lt = one(run, "aws:ec2/launchTemplate:LaunchTemplate");
    assert.equal(lt.inputs.metadataOptions.httpTokens, "required");
    assert.equal(lt.inputs.metadataOptions.httpPutResponseHopLimit, 1);
  });

  it("boots from an encrypted gp3 root volume on the data key, of the default size", () => {
    const [mapping] = one(run, "aws:ec2/launchTemplate:LaunchTemplate").inputs.blockDeviceMappings;
    assert.deepEqual(mapping.ebs, { volumeSize: ECS_CLUSTER_DEFAULTS.diskSizeGiB, volumeType: "gp3", encrypted: "true", kmsKeyId: KEYS.data, deleteOnTermination: "true" });
    // The Auto Scaling service-linked role launches the instances, so it needs a grant on the data key.
    const grant = one(run, "aws:kms/grant:Grant");
    assert.equal(grant.inputs.keyId, KEYS.data);
    assert.match(grant.inputs.granteePrincipal, /:role\/aws-service-role\/autoscaling\.amazonaws\.com\/AWSServiceRoleForAutoScaling$/);
  });

  it("gives instances no public IP and keeps them in the private subnets given", () => {
    const lt = one(run, "aws:ec2/launchTemplate:LaunchTemplate");
    assert.equal(lt.inputs.networkInterfaces[0].associatePublicIpAddress, "false");
    assert.deepEqual(one(run, "aws:autoscaling/group:Group").inputs.vpcZoneIdentifiers, SUBNETS);
  });

  it("runs the prod capacity by default: m6i.large, 2 to 10 instances, protected from scale-in", () => {
    const asg = one(run, "aws:autoscaling/group:Group");
    assert.equal(one(run, "aws:ec2/launchTemplate:LaunchTemplate").inputs.instanceType, "m6i.large");
    assert.deepEqual([asg.inputs.minSize, asg.inputs.maxSize, asg.inputs.protectFromScaleIn], [2, 10, true]);
    assert.equal(one(run, "aws:ecs/capacityProvider:CapacityProvider").inputs.autoScalingGroupProvider.managedScaling.targetCapacity, 100);
  });

  it("opens nothing: tasks admit no traffic until service ports are given, instances admit none", () => {
    for (const sg of ofType(run, "aws:ec2/securityGroup:SecurityGroup")) assert.deepEqual(sg.inputs.ingress ?? [], [], sg.name);
  });

  it("names the Cloud Map namespace after the cluster", () => {
    assert.equal(one(run, "aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace").inputs.name, "orders.local");
  });

  it("rejects every bad setting at once, naming each field", async () => {
    const bad = await runComponent(async () => {
      new EcsCluster("Bad_Name", {
        vpcId: "vpc-1", vpcCidr: "10.0.0.0/16", privateSubnetIds: [SUBNETS[0]], minSize: 3, maxSize: 2,
        account: { accountId: MOCK_ACCOUNT_ID, partition: "aws", region: REGION }, kmsKeyArns: KEYS, insightsLogRetentionDays: 10 as 7,
      });
    });
    const message = bad.error?.message ?? "";
    for (const part of [/at least 2 AZs .*; got 1/, /minSize \(3\) must be at most maxSize \(2\)/, /insightsLogRetentionDays: got 10; allowed: one of 1, 3, 5, 7/]) assert.match(message, part);
  });
});
