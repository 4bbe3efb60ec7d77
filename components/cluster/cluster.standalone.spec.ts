/**
 * The Cluster on its own, as another team's program would build it: a VPC, its private subnets and
 * their AZs; the account from its provider, everything else from CLUSTER_DEFAULTS. @pulumi/eks v4 is a remote component,
 * so under mocks its arguments are what is asserted; the launch templates and log groups are ours.
 */
import { strict as assert } from "node:assert";
import { MOCK_ACCOUNT_ID } from "../../offline/ids";
import { Planned, one, ofType } from "../../test/helpers";
import { REGION, keyByArn, standalone } from "../../test/standalone";
import { Cluster } from "./cluster";
import { CLUSTER_DEFAULTS } from "./presets";

const privateSubnetIds = ["subnet-p1", "subnet-p2", "subnet-p3"];

describe("Cluster standalone", () => {
  let p: Planned;
  before(async () => {
    p = await standalone((opts) => new Cluster("orders", {
      vpcId: "vpc-0123456789abcdef0",
      privateSubnetIds,
      availabilityZones: ["us-west-2a", "us-west-2b", "us-west-2c"],
    }, opts));
    assert.equal(p.error, undefined, p.error?.message);
  });
  const eks = () => one(p, "eks:index:Cluster").inputs;

  it("keeps the API endpoint private, in the private subnets, authenticated through access entries", () => {
    const c = eks();
    assert.deepEqual([c.endpointPrivateAccess, c.endpointPublicAccess, c.publicAccessCidrs], [true, false, undefined]);
    assert.deepEqual([c.privateSubnetIds, c.authenticationMode, c.name], [privateSubnetIds, "API", "orders"]);
  });

  it("envelope-encrypts Kubernetes secrets with a rotating customer-managed key of its own", () => {
    const key = keyByArn(p, eks().encryptionConfigKeyArn);
    assert.deepEqual([key.inputs.tags.DataClass, key.inputs.enableKeyRotation, key.protect], ["data", true, true]);
  });

  it("sends all five control-plane log types to a group it creates first, encrypted and kept 400 days", () => {
    assert.deepEqual(eks().enabledClusterLogTypes, ["api", "audit", "authenticator", "controllerManager", "scheduler"]);
    const group = ofType(p, "aws:cloudwatch/logGroup:LogGroup").find((g) => g.inputs.name === "/aws/eks/orders/cluster")!;
    assert.equal(group.inputs.retentionInDays, 400);
    assert.equal(keyByArn(p, group.inputs.kmsKeyId).inputs.tags.DataClass, "logs");
    assert.ok(one(p, "eks:index:Cluster").dependencies.includes(group.urn));
  });

  it("launches nodes with IMDSv2 only and encrypted gp3 root volumes under the data key", () => {
    const templates = ofType(p, "aws:ec2/launchTemplate:LaunchTemplate");
    assert.equal(templates.length, 2, "system and application groups");
    for (const t of templates) {
      assert.equal(t.inputs.metadataOptions.httpTokens, "required");
      const ebs = t.inputs.blockDeviceMappings[0].ebs;
      assert.deepEqual([ebs.encrypted, ebs.volumeType, ebs.kmsKeyId], ["true", "gp3", eks().encryptionConfigKeyArn]);
    }
  });

  it("is highly available by default: three on-demand system nodes and three application nodes, deletion protection, standard support only", () => {
    const groups = ofType(p, "eks:index:ManagedNodeGroup").map((g) => [g.inputs.capacityType, g.inputs.scalingConfig.desiredSize]);
    assert.deepEqual(groups.sort(), [["ON_DEMAND", 3], ["ON_DEMAND", 3]]);
    assert.deepEqual([eks().deletionProtection, eks().upgradePolicy], [CLUSTER_DEFAULTS.deletionProtection, { supportType: "STANDARD" }]);
    assert.equal(eks().deletionProtection, true);
  });

  it("names the provider's account, partition and region in the ARNs it builds when given no account", () => {
    const asg = `arn:aws:iam::${MOCK_ACCOUNT_ID}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`;
    assert.equal(one(p, "aws:kms/grant:Grant").inputs.granteePrincipal, asg);
    const scaler = JSON.parse(one(p, "aws:iam/rolePolicy:RolePolicy", "orders-irsa-autoscaler").inputs.policy);
    assert.ok(JSON.stringify(scaler).includes(`arn:aws:autoscaling:${REGION}:${MOCK_ACCOUNT_ID}:autoScalingGroup:*`));
    const ebs = JSON.parse(one(p, "aws:iam/rolePolicy:RolePolicy", "orders-irsa-ebs-csi").inputs.policy);
    assert.ok(JSON.stringify(ebs).includes(`"kms:ViaService":"ec2.${REGION}.amazonaws.com"`));
    const managed = ofType(p, "aws:iam/rolePolicyAttachment:RolePolicyAttachment").map((a) => a.inputs.policyArn);
    assert.ok(managed.includes("arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy"), managed.join());
  });

  it("uses an account given explicitly, not the provider's", async () => {
    const other = await standalone((opts) => new Cluster("orders", {
      account: { accountId: "210987654321", partition: "aws", region: REGION }, vpcId: "vpc-1", privateSubnetIds, availabilityZones: ["us-west-2a", "us-west-2b"],
    }, opts));
    assert.equal(other.error, undefined, other.error?.message);
    assert.equal(one(other, "aws:kms/grant:Grant").inputs.granteePrincipal, "arn:aws:iam::210987654321:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling");
  });

  it("refuses an instance type the AZs' region does not offer, though it was given no account", async () => {
    const bad = await standalone((opts) => new Cluster("orders", {
      vpcId: "vpc-1", privateSubnetIds, availabilityZones: ["us-west-2a", "us-west-2b"], nodeGroups: { application: { ...CLUSTER_DEFAULTS.nodeGroups.application, instanceTypes: ["t3.larg"] } },
    }, opts));
    assert.match(bad.error!.message, /orders: nodeGroups\.application\.instanceTypes\[0\]: got "t3\.larg"; allowed: an EC2 instance type offered in us-west-2/);
    assert.equal(ofType(bad, "eks:index:Cluster").length, 0);
  });

  it("refuses a public endpoint without allow-listed networks before creating anything", async () => {
    const bad = await standalone((opts) => new Cluster("orders", {
      vpcId: "vpc-1", privateSubnetIds, availabilityZones: ["a", "b"], endpoint: { publicAccess: true },
    }, opts));
    assert.match(bad.error!.message, /orders: endpoint\.publicAccessCidrs: got \[\]; allowed: at least one CIDR/);
    assert.equal(ofType(bad, "eks:index:Cluster").length, 0);
  });
});
