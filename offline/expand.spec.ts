import { strict as assert } from "node:assert";
import { EXPANDERS, SynthesizedResource, expandRemoteComponents, regionOf, unexpandedComponents } from "./expand";
import { containerDefinitions } from "./expand/ecs";
import { natGatewayCount } from "./expand/network";
import { UNKNOWN } from "./ids";
import type { RecordedResource } from "./recorder";

const STACK = "urn:pulumi:t::platform::";

function recorded(type: string, name: string, inputs: Record<string, any>, outputs: Record<string, any> = {}, region = "us-west-2"): RecordedResource {
  return {
    urn: `${STACK}${type}::${name}`, type, name, custom: false, inputs, outputs, dependencies: [], propertyDependencies: {}, protect: false, retainOnDelete: false,
    provider: { urn: `${STACK}pulumi:providers:aws::p`, name: "p", region },
  };
}

const ofType = (xs: SynthesizedResource[], type: string) => xs.filter((x) => x.type === type);

const spec = (type: string, name: string, cidrBlocks: string[]) => ({ type, name, cidrBlocks, tags: { Tier: "network" } });

function vpc(strategy: string | undefined, azs: string[], outputs: Record<string, any> = {}) {
  const cidrs = (base: number) => azs.map((_, i) => `10.0.${base + i}.0/24`);
  return recorded("awsx:ec2:Vpc", "net", {
    availabilityZoneNames: azs, cidrBlock: "10.0.0.0/16", natGateways: strategy ? { strategy } : undefined, tags: { Tier: "network" },
    subnetSpecs: [spec("Private", "private", cidrs(0)), spec("Public", "public", cidrs(10)), spec("Isolated", "database", cidrs(20)), spec("Unused", "spare", cidrs(30))],
    vpcEndpointSpecs: [{ serviceName: "com.amazonaws.us-west-2.s3", vpcEndpointType: "Gateway" }],
  }, outputs);
}

describe("expandRemoteComponents: awsx:ec2:Vpc", () => {
  const examples: Array<[string | undefined, number, number]> = [["None", 3, 0], ["Single", 3, 1], ["OnePerAz", 3, 3], [undefined, 2, 2]];
  for (const [strategy, azs, nats] of examples) {
    it(`creates ${nats} NAT gateway(s) for strategy ${strategy ?? "(default)"} over ${azs} AZs`, () => {
      assert.equal(natGatewayCount(strategy, azs), nats);
      const out = EXPANDERS["awsx:ec2:Vpc"](vpc(strategy, ["a", "b", "c"].slice(0, azs).map((l) => `us-west-2${l}`)), { region: "us-west-2", account: "1", resources: [] });
      assert.equal(ofType(out, "aws:ec2/natGateway:NatGateway").length, nats);
      assert.equal(ofType(out, "aws:ec2/eip:Eip").length, nats);
      // One default route per public subnet, and one per private subnet only when NAT exists.
      assert.equal(ofType(out, "aws:ec2/route:Route").length, azs + (nats > 0 ? azs : 0));
    });
  }

  it("creates a subnet, route table and association per AZ and spec, skipping Unused, with the CIDRs passed", () => {
    const out = expandRemoteComponents([vpc("Single", ["us-west-2a", "us-west-2b"])]);
    const subnets = ofType(out, "aws:ec2/subnet:Subnet");
    assert.deepEqual(subnets.map((s) => s.name).sort(), ["net-database-1", "net-database-2", "net-private-1", "net-private-2", "net-public-1", "net-public-2"]);
    assert.equal(subnets.find((s) => s.name === "net-database-2")!.inputs.cidrBlock, "10.0.21.0/24");
    assert.equal(subnets.find((s) => s.name === "net-public-1")!.inputs.mapPublicIpOnLaunch, true);
    assert.equal(ofType(out, "aws:ec2/routeTable:RouteTable").length, 6);
    assert.equal(ofType(out, "aws:ec2/routeTableAssociation:RouteTableAssociation").length, 6);
    assert.equal(ofType(out, "aws:ec2/internetGateway:InternetGateway").length, 1);
    assert.equal(ofType(out, "aws:ec2/vpcEndpoint:VpcEndpoint")[0].inputs.serviceName, "com.amazonaws.us-west-2.s3");
  });

  it("routes every private subnet through the single NAT gateway, which sits in the first public subnet", () => {
    const out = expandRemoteComponents([vpc("Single", ["us-west-2a", "us-west-2b"])]);
    const nat = ofType(out, "aws:ec2/natGateway:NatGateway")[0];
    const firstPublic = ofType(out, "aws:ec2/subnet:Subnet").find((s) => s.name === "net-public-1")!;
    assert.equal(nat.inputs.subnetId, firstPublic.outputs.id);
    const privateRoutes = ofType(out, "aws:ec2/route:Route").filter((r) => r.inputs.natGatewayId);
    assert.deepEqual(privateRoutes.map((r) => r.inputs.natGatewayId), [nat.outputs.id, nat.outputs.id]);
  });

  it("gives subnets the ids the component reported, so references to them resolve", () => {
    const out = expandRemoteComponents([vpc("Single", ["us-west-2a", "us-west-2b"], {
      vpcId: "vpc-1", privateSubnetIds: ["subnet-p1", "subnet-p2"], publicSubnetIds: ["subnet-u1", "subnet-u2"], isolatedSubnetIds: ["subnet-i1", "subnet-i2"],
    })]);
    const id = (n: string) => ofType(out, "aws:ec2/subnet:Subnet").find((s) => s.name === n)!.outputs.id;
    assert.deepEqual([id("net-private-2"), id("net-public-1"), id("net-database-2")], ["subnet-p2", "subnet-u1", "subnet-i2"]);
    assert.ok(ofType(out, "aws:ec2/subnet:Subnet").every((s) => s.inputs.vpcId === "vpc-1"));
  });

  it("still expands during a preview, when the component's outputs are unknown", () => {
    const out = expandRemoteComponents([vpc("OnePerAz", ["us-west-2a"], { vpcId: UNKNOWN, privateSubnetIds: UNKNOWN })]);
    assert.match(ofType(out, "aws:ec2/vpc:Vpc")[0].outputs.id, /^vpc-[0-9a-f]{17}$/);
    assert.ok(ofType(out, "aws:ec2/subnet:Subnet").every((s) => /^subnet-[0-9a-f]{17}$/.test(s.outputs.id)));
  });
});

const eksArgs = {
  name: "medsearch-dev", version: "1.35", vpcId: "vpc-1", privateSubnetIds: ["subnet-p1", "subnet-p2"], endpointPrivateAccess: true, endpointPublicAccess: false,
  authenticationMode: "API", encryptionConfigKeyArn: "arn:aws:kms:us-west-2:1:key/k", enabledClusterLogTypes: ["api", "audit"], createOidcProvider: true,
  skipDefaultNodeGroup: true, skipDefaultSecurityGroups: true, useDefaultVpcCni: false, vpcCniOptions: { addonVersion: "v1.20.4-eksbuild.2", enableNetworkPolicy: true },
  kubeProxyAddonOptions: { enabled: true, version: "v1.35.0-eksbuild.2" }, corednsAddonOptions: { enabled: false }, deletionProtection: true, tags: { Tier: "cluster" },
  accessEntries: { "admin-1": { principalArn: "arn:aws:iam::1:role/admin", accessPolicies: { admin: { policyArn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy", accessScope: { type: "cluster" } } } } },
};
const eksOutputs = { clusterSecurityGroupId: "sg-eks", oidcProviderArn: "arn:aws:iam::1:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/X", oidcProviderUrl: "https://oidc.eks.us-west-2.amazonaws.com/id/X" };

describe("expandRemoteComponents: eks:index:Cluster and ManagedNodeGroup", () => {
  const cluster = recorded("eks:index:Cluster", "eks", eksArgs, eksOutputs);
  const group = recorded("eks:index:ManagedNodeGroup", "app-nodes", {
    cluster: { __pulumiResource: true, __pulumiType: "eks:index:Cluster", __name: "eks" }, nodeRoleArn: "arn:aws:iam::1:role/node", subnetIds: ["subnet-p1"],
    scalingConfig: { desiredSize: 2, minSize: 1, maxSize: 4 }, instanceTypes: ["t3.large"], capacityType: "SPOT", amiType: "AL2023_x86_64_STANDARD",
    launchTemplate: { id: "lt-1", version: "1" }, ignoreScalingChanges: true, labels: { workload: "application" },
  });
  const out = expandRemoteComponents([cluster, group]);

  it("creates the cluster from the arguments: subnets, private endpoint, secrets encryption, API access, logs", () => {
    const [c] = ofType(out, "aws:eks/cluster:Cluster");
    assert.equal(c.inputs.name, "medsearch-dev");
    assert.deepEqual(c.inputs.vpcConfig, { subnetIds: ["subnet-p1", "subnet-p2"], endpointPrivateAccess: true, endpointPublicAccess: false, publicAccessCidrs: undefined, securityGroupIds: undefined });
    assert.deepEqual(c.inputs.encryptionConfig, { provider: { keyArn: "arn:aws:kms:us-west-2:1:key/k" }, resources: ["secrets"] });
    assert.deepEqual(c.inputs.accessConfig, { authenticationMode: "API", bootstrapClusterCreatorAdminPermissions: true });
    assert.equal(c.inputs.deletionProtection, true);
    assert.equal(c.outputs.clusterSecurityGroupId, "sg-eks");
  });

  it("creates the service role with the cluster policy and passes it to the cluster", () => {
    const [role] = ofType(out, "aws:iam/role:Role");
    assert.deepEqual(JSON.parse(role.inputs.assumeRolePolicy).Statement[0].Principal, { Service: "eks.amazonaws.com" });
    assert.equal(ofType(out, "aws:eks/cluster:Cluster")[0].inputs.roleArn, role.outputs.arn);
    assert.deepEqual(ofType(out, "aws:iam/rolePolicyAttachment:RolePolicyAttachment").map((a) => a.inputs.policyArn), ["arn:aws:iam::aws:policy/AmazonEKSClusterPolicy"]);
  });

  it("creates kube-proxy and the VPC CNI with network policy, not CoreDNS when disabled", () => {
    const addons = ofType(out, "aws:eks/addon:Addon");
    assert.deepEqual(addons.map((a) => a.inputs.addonName), ["kube-proxy", "vpc-cni"]);
    assert.equal(JSON.parse(addons[1].inputs.configurationValues).enableNetworkPolicy, "true");
    assert.equal(addons[0].inputs.addonVersion, "v1.35.0-eksbuild.2");
  });

  it("creates the OIDC provider for the sts audience, and each access entry with its policy", () => {
    const [oidc] = ofType(out, "aws:iam/openIdConnectProvider:OpenIdConnectProvider");
    assert.deepEqual(oidc.inputs.clientIdLists, ["sts.amazonaws.com"]);
    assert.equal(oidc.outputs.arn, eksOutputs.oidcProviderArn);
    assert.equal(ofType(out, "aws:eks/accessEntry:AccessEntry")[0].inputs.principalArn, "arn:aws:iam::1:role/admin");
    assert.equal(ofType(out, "aws:eks/accessPolicyAssociation:AccessPolicyAssociation")[0].inputs.accessScope.type, "cluster");
  });

  it("creates no role when one is given, and the component's own security group without skipDefaultSecurityGroups", () => {
    const own = expandRemoteComponents([recorded("eks:index:Cluster", "eks", { ...eksArgs, serviceRole: { arn: "r" }, skipDefaultSecurityGroups: undefined })]);
    assert.equal(ofType(own, "aws:iam/role:Role").length, 0);
    const [sg] = ofType(own, "aws:ec2/securityGroup:SecurityGroup");
    assert.deepEqual(ofType(own, "aws:eks/cluster:Cluster")[0].inputs.vpcConfig.securityGroupIds, [sg.outputs.id]);
  });

  it("creates one node group in the referenced cluster, with the instance types, capacity and scaling passed", () => {
    const [ng] = ofType(out, "aws:eks/nodeGroup:NodeGroup");
    assert.equal(ng.inputs.clusterName, "medsearch-dev");
    assert.deepEqual(ng.inputs.instanceTypes, ["t3.large"]);
    assert.equal(ng.inputs.capacityType, "SPOT");
    assert.deepEqual(ng.inputs.scalingConfig, { desiredSize: 2, minSize: 1, maxSize: 4 });
    assert.equal(ng.inputs.ignoreScalingChanges, undefined, "a component-only argument is not a NodeGroup input");
    assert.equal(ng.componentUrn, group.urn);
  });

  it("gives a node group without scalingConfig the component's default (2 desired, 1 to 2)", () => {
    const [ng] = ofType(expandRemoteComponents([cluster, recorded("eks:index:ManagedNodeGroup", "g", { cluster: cluster.urn, nodeRoleArn: "r" })]), "aws:eks/nodeGroup:NodeGroup");
    assert.deepEqual(ng.inputs.scalingConfig, { desiredSize: 2, minSize: 1, maxSize: 2 });
    assert.deepEqual(ng.inputs.subnetIds, ["subnet-p1", "subnet-p2"]);
  });
});

describe("expandRemoteComponents: awsx ECS services", () => {
  const args = (extra: Record<string, any>): Record<string, any> => ({
    name: "redis", cluster: "arn:aws:ecs:us-east-1:1:cluster/c", desiredCount: 1, networkConfiguration: { subnets: ["s"], securityGroups: ["g"], assignPublicIp: false },
    taskDefinitionArgs: {
      family: "c-redis", cpu: "256", memory: "512", logGroup: { skip: true }, executionRole: { roleArn: "arn:exec" }, taskRole: { roleArn: "arn:task" },
      container: { name: "redis", image: "redis:7", essential: true, portMappings: [{ containerPort: 6379, protocol: "tcp" }] },
    },
    ...extra,
  });

  it("omits the launch type when a capacity provider strategy is given (ECS refuses both) and sets it otherwise", () => {
    const withStrategy = expandRemoteComponents([recorded("awsx:ecs:EC2Service", "svc", args({ capacityProviderStrategies: [{ capacityProvider: "cp", weight: 1 }] }))]);
    assert.equal(ofType(withStrategy, "aws:ecs/service:Service")[0].inputs.launchType, undefined);
    const plain = expandRemoteComponents([recorded("awsx:ecs:EC2Service", "svc", args({}))]);
    assert.equal(ofType(plain, "aws:ecs/service:Service")[0].inputs.launchType, "EC2");
    const fargate = expandRemoteComponents([recorded("awsx:ecs:FargateService", "svc", args({}))]);
    assert.equal(ofType(fargate, "aws:ecs/service:Service")[0].inputs.launchType, "FARGATE");
    assert.deepEqual(ofType(fargate, "aws:ecs/taskDefinition:TaskDefinition")[0].inputs.requiresCompatibilities, ["FARGATE"]);
  });

  it("builds the task definition from taskDefinitionArgs and points the service at it; given roles and a skipped log group add nothing", () => {
    const out = expandRemoteComponents([recorded("awsx:ecs:EC2Service", "svc", args({}))]);
    assert.deepEqual(out.map((r) => r.type), ["aws:ecs/taskDefinition:TaskDefinition", "aws:ecs/service:Service"]);
    const [td, svc] = out;
    assert.equal(svc.inputs.taskDefinition, td.outputs.arn);
    assert.equal(svc.inputs.taskDefinitionArgs, undefined);
    assert.deepEqual({ family: td.inputs.family, networkMode: td.inputs.networkMode, exec: td.inputs.executionRoleArn, task: td.inputs.taskRoleArn }, { family: "c-redis", networkMode: "awsvpc", exec: "arn:exec", task: "arn:task" });
    assert.deepEqual(JSON.parse(td.inputs.containerDefinitions).map((c: any) => c.name), ["redis"]);
  });

  it("creates the log group and both roles awsx makes when the arguments name none", () => {
    const a = args({});
    a.taskDefinitionArgs = { ...a.taskDefinitionArgs, logGroup: undefined, executionRole: undefined, taskRole: undefined };
    const types = expandRemoteComponents([recorded("awsx:ecs:EC2Service", "svc", a)]).map((r) => r.type);
    assert.equal(types.filter((t) => t === "aws:iam/role:Role").length, 2);
    assert.ok(types.includes("aws:cloudwatch/logGroup:LogGroup"));
    assert.ok(types.includes("aws:iam/rolePolicyAttachment:RolePolicyAttachment"));
  });

  it("names a single container by its own name and drops target groups from port mappings", () => {
    assert.deepEqual(containerDefinitions({ containers: { web: { image: "x", portMappings: [{ containerPort: 80, targetGroup: { arn: "tg" } }] } } }), [{ image: "x", name: "web", portMappings: [{ containerPort: 80 }] }]);
  });
});

describe("expandRemoteComponents: bookkeeping", () => {
  it("lists remote components no expander covers, and ignores our own components", () => {
    const unknown = recorded("awsx:lb:ApplicationLoadBalancer", "alb", {});
    const ours = recorded("platform:network:Network", "net", {});
    assert.deepEqual(unexpandedComponents([unknown, ours, vpc("Single", ["us-west-2a"])]).map((r) => r.type), ["awsx:lb:ApplicationLoadBalancer"]);
  });

  it("places each resource in its own region, else its component's provider region, else the stack's, else the first aws provider's", () => {
    const replica = vpc("None", ["us-east-2a"]);
    replica.provider = { urn: "p", name: "replica", region: "us-east-2" };
    assert.ok(expandRemoteComponents([replica]).every((r) => r.region === "us-east-2"));
    const bare = { ...vpc("None", ["a"]), provider: undefined };
    const provider = { ...recorded("pulumi:providers:aws", "main", { region: "eu-west-1" }), custom: true };
    assert.equal(regionOf(bare, [provider, bare]), "eu-west-1");
    assert.equal(regionOf(bare, [provider, bare], "us-west-2"), "us-west-2", "the stack's region wins over another provider's");
    const pinned = { ...recorded("aws:kms/key:Key", "k", { region: "us-east-1" }), custom: true };
    assert.equal(regionOf(pinned, [provider, pinned]), "us-east-1", "a resource's own region input wins over its provider's");
  });
});
