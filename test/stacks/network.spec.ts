/**
 * The network tier as the dev and prod stacks build it, asserted property by property.
 */
import { strict as assert } from "node:assert";
import { Planned, byUrn, mandatory, ofType, one, planStackFile } from "../helpers";

const VPC = "awsx:ec2:Vpc";

for (const stack of ["dev", "prod"] as const) {
  describe(`network tier (${stack})`, () => {
    let p: Planned;
    before(async () => {
      p = await planStackFile(`Pulumi.${stack}.yaml`);
      assert.equal(p.error, undefined, p.error?.message);
    });

    it("plans with zero mandatory policy violations", () => {
      assert.deepEqual(mandatory(p), []);
    });

    it("lays subnets out with the Exact strategy, every spec pinned with one CIDR per AZ", () => {
      const vpc = one(p, VPC).inputs;
      assert.equal(vpc.subnetStrategy, "Exact");
      assert.equal(vpc.cidrBlock, "10.0.0.0/16");
      for (const spec of vpc.subnetSpecs) assert.equal(spec.cidrBlocks.length, vpc.availabilityZoneNames.length);
      assert.deepEqual(
        vpc.subnetSpecs.filter((s: any) => s.type !== "Unused").map((s: any) => [s.type, s.name]),
        [["Private", "private"], ["Public", "public"], ["Isolated", "database"]],
      );
    });

    it("hands awsx the explicit provider, so its children get the stack's region and default tags", () => {
      const vpc = one(p, VPC);
      const provider = one(p, "pulumi:providers:aws", "medsearch");
      assert.equal(vpc.provider?.urn, provider.urn);
      assert.equal(vpc.provider?.region, "us-west-2");
      const tags = JSON.parse(provider.inputs.defaultTags).tags;
      assert.deepEqual(Object.keys(tags).sort(), ["CostCenter", "Environment", "ManagedBy", "Owner", "Profile", "System"]);
      assert.equal(tags.Profile, stack);
    });

    it("tags public and private subnets for load balancer discovery", () => {
      const specs = one(p, VPC).inputs.subnetSpecs;
      assert.equal(specs.find((s: any) => s.name === "public").tags["kubernetes.io/role/elb"], "1");
      assert.equal(specs.find((s: any) => s.name === "private").tags["kubernetes.io/role/internal-elb"], "1");
    });

    it("adds the free S3 gateway endpoint, attached by awsx to its route tables", () => {
      const vpc = one(p, VPC).inputs;
      assert.equal(vpc.vpcEndpointStrategy, "Auto");
      assert.deepEqual(vpc.vpcEndpointSpecs, [{ serviceName: "com.amazonaws.us-west-2.s3", vpcEndpointType: "Gateway" }]);
    });

    it("locks the default security group down to no rules, on this VPC", () => {
      const sg = one(p, "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup");
      assert.deepEqual([sg.inputs.ingress, sg.inputs.egress], [[], []]);
      assert.equal(sg.inputs.vpcId, one(p, VPC).outputs.vpcId);
    });

    it("sends all VPC traffic to a flow-log group encrypted with the logs key and kept for the audit retention", () => {
      const flow = one(p, "aws:ec2/flowLog:FlowLog");
      const group = one(p, "aws:cloudwatch/logGroup:LogGroup", "medsearch-network-flow-logs");
      const logsKey = one(p, "aws:kms/key:Key", "medsearch-keys-logs");
      assert.equal(flow.inputs.vpcId, one(p, VPC).outputs.vpcId);
      assert.equal(flow.inputs.trafficType, "ALL");
      assert.equal(flow.inputs.logDestinationType, "cloud-watch-logs");
      assert.equal(flow.inputs.logDestination, group.outputs.arn);
      assert.equal(group.inputs.kmsKeyId, logsKey.outputs.arn);
      assert.equal(group.inputs.retentionInDays, stack === "prod" ? 400 : 7);
    });

    it("lets the flow-log role write only to its own log group, assumed only by VPC Flow Logs of this account", () => {
      const role = one(p, "aws:iam/role:Role", "medsearch-network-flow-logs");
      const trust = JSON.parse(role.inputs.assumeRolePolicy).Statement[0];
      assert.deepEqual(trust.Principal, { Service: "vpc-flow-logs.amazonaws.com" });
      assert.deepEqual(trust.Condition.StringEquals, { "aws:SourceAccount": "123456789012" });
      const policy = JSON.parse(one(p, "aws:iam/rolePolicy:RolePolicy", "medsearch-network-flow-logs").inputs.policy).Statement[0];
      const arn = one(p, "aws:cloudwatch/logGroup:LogGroup", "medsearch-network-flow-logs").outputs.arn;
      assert.deepEqual(policy.Resource, [arn, `${arn}:*`]);
      assert.ok(policy.Action.every((a: string) => a.startsWith("logs:") && !a.includes("*")));
    });

    it("parents every network resource to the Network component", () => {
      const network = one(p, "platform:network:Network");
      const children = p.resources.filter((r) => r.parent === network.urn);
      assert.ok(children.length > 0);
      for (const r of p.resources.filter((x) => (x.type.startsWith("aws:ec2") && x.name.startsWith("medsearch-network-")) || x.type === VPC)) assert.equal(byUrn(p, r.parent)?.type, "platform:network:Network", r.name);
    });
  });
}

describe("network tier: dev is cost first", () => {
  it("runs 2 AZs behind one NAT instance instead of a managed gateway, with no interface endpoints", async () => {
    const p = await planStackFile("Pulumi.dev.yaml");
    const vpc = one(p, VPC).inputs;
    assert.deepEqual(vpc.availabilityZoneNames, ["us-west-2a", "us-west-2b"]);
    assert.deepEqual(vpc.natGateways, { strategy: "None" });
    assert.deepEqual(ofType(p, "aws:ec2/vpcEndpoint:VpcEndpoint"), []);
  });

  it("forwards the private subnets' egress through a t4g.nano NAT instance: public subnet, source/dest check off, IMDSv2, encrypted root", async () => {
    const p = await planStackFile("Pulumi.dev.yaml");
    const nat = one(p, "aws:ec2/instance:Instance", "medsearch-network-nat");
    const i = nat.inputs;
    assert.deepEqual([i.instanceType, i.subnetId, i.associatePublicIpAddress, i.sourceDestCheck], ["t4g.nano", p.outputs.publicSubnetIds[0], true, false]);
    assert.equal(i.metadataOptions.httpTokens, "required");
    assert.deepEqual([i.rootBlockDevice.encrypted, i.rootBlockDevice.volumeType], [true, "gp3"]);
    assert.match(i.userData, /net\.ipv4\.ip_forward = 1[\s\S]*-j MASQUERADE/);
    const sg = one(p, "aws:ec2/securityGroup:SecurityGroup", "medsearch-network-nat");
    assert.deepEqual(i.vpcSecurityGroupIds, [sg.outputs.id]);
    assert.deepEqual(sg.inputs.ingress.map((r: any) => r.cidrBlocks), [["10.0.0.0/16"]], "only the VPC may send traffic to forward");
    const routes = ofType(p, "aws:ec2/route:Route");
    assert.equal(routes.length, 2, "one default route per private subnet");
    for (const r of routes) assert.deepEqual([r.inputs.destinationCidrBlock, r.inputs.networkInterfaceId], ["0.0.0.0/0", nat.outputs.primaryNetworkInterfaceId]);
    assert.equal(new Set(routes.map((r) => r.inputs.routeTableId)).size, 2);
  });

  it("reports the Multi-AZ shortfall as advisories, not failures", async () => {
    const p = await planStackFile("Pulumi.dev.yaml");
    assert.deepEqual([...new Set(p.violations.map((v) => `${v.level} ${v.policy}`))].sort(), [
      "advisory ec2-require-nat-gateway-per-az",
      "advisory ec2-require-subnets-across-azs",
      // The data tier's single-AZ, unprotected dev stores (see test/stacks/data.spec.ts).
      "advisory elasticache-enable-automatic-failover",
      "advisory elb-enable-deletion-protection",
      // dev's internal ALB relies on CloudFront's web ACL (platform:edge.waf.regionalWebAcl false).
      "advisory elb-require-waf-association",
      "advisory rds-enable-deletion-protection",
      "advisory rds-require-multi-az",
    ]);
  });
});

describe("network tier: prod survives the loss of an AZ", () => {
  let p: Planned;
  before(async () => {
    p = await planStackFile("Pulumi.prod.yaml");
  });

  it("spreads over 3 AZs with a NAT gateway in each", () => {
    const vpc = one(p, VPC).inputs;
    assert.deepEqual(vpc.availabilityZoneNames, ["us-west-2a", "us-west-2b", "us-west-2c"]);
    assert.deepEqual(vpc.natGateways, { strategy: "OnePerAz" });
    assert.equal(p.outputs.privateSubnetIds.length, 3);
    assert.equal(p.outputs.databaseSubnetIds.length, 3);
  });

  it("gives each interface endpoint its own group admitting only HTTPS from the VPC, in the private subnets", () => {
    const endpoints = ofType(p, "aws:ec2/vpcEndpoint:VpcEndpoint");
    assert.deepEqual(endpoints.map((e) => e.inputs.serviceName.replace("com.amazonaws.us-west-2.", "")).sort(), [
      "autoscaling", "ec2", "ecr.api", "ecr.dkr", "elasticloadbalancing", "kms", "logs", "secretsmanager", "sts",
    ]);
    const groups = new Map(ofType(p, "aws:ec2/securityGroup:SecurityGroup").map((g) => [g.outputs.id, g]));
    for (const e of endpoints) {
      assert.equal(e.inputs.vpcEndpointType, "Interface");
      assert.equal(e.inputs.privateDnsEnabled, true);
      assert.deepEqual(e.inputs.subnetIds, p.outputs.privateSubnetIds);
      assert.equal(e.inputs.securityGroupIds.length, 1);
      const sg = groups.get(e.inputs.securityGroupIds[0])!;
      assert.deepEqual(sg.inputs.ingress.map((r: any) => [r.protocol, r.fromPort, r.toPort, r.cidrBlocks]), [["tcp", 443, 443, ["10.0.0.0/16"]]]);
      assert.deepEqual(sg.inputs.egress, []);
    }
    assert.equal(new Set(endpoints.map((e) => e.inputs.securityGroupIds[0])).size, endpoints.length, "one group per endpoint, none shared");
  });
});
