/**
 * The renderer on small hand-made plans: folding, references, parameters, delete semantics,
 * regions and companions.
 */
import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { UNKNOWN } from "../ids";
import type { RecordedResource } from "../recorder";
import { render } from "./renderer";

const P = "urn:pulumi:t::platform::";
const PROVIDER = { urn: `${P}pulumi:providers:aws::main`, name: "main", region: "us-west-2" };

function res(type: string, name: string, inputs: Record<string, any>, more: Partial<RecordedResource> = {}): RecordedResource {
  return {
    urn: `${P}${type}::${name}`, type, name, custom: true, inputs, outputs: { ...inputs, ...(more.outputs ?? {}) }, dependencies: [], propertyDependencies: {},
    protect: false, retainOnDelete: false, provider: PROVIDER, ...more, ...(more.outputs ? { outputs: { ...inputs, ...more.outputs } } : {}),
  };
}

const dependsOn = (...rs: RecordedResource[]) => ({ propertyDependencies: { x: rs.map((r) => r.urn) } });
const secret = (value: unknown) => ({ [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig, value });

const bucket = res("aws:s3/bucket:Bucket", "docs", { bucket: "docs-123" }, { outputs: { id: "docs-123", arn: "arn:aws:s3:::docs-123" } });
const versioning = res("aws:s3/bucketVersioning:BucketVersioning", "docs-v", { bucket: "docs-123", versioningConfiguration: { status: "Enabled" } }, dependsOn(bucket));
const logs = res("aws:s3/bucketLogging:BucketLogging", "docs-l", { bucket: "docs-123", targetBucket: "logs-123" }, dependsOn(bucket));
const policy = res("aws:s3/bucketPolicy:BucketPolicy", "docs-p", {
  bucket: "docs-123",
  policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Deny", Principal: "*", Action: "s3:*", Resource: ["arn:aws:s3:::docs-123", "arn:aws:s3:::docs-123/*"] }] }),
}, dependsOn(bucket));

const resourcesOf = (r: ReturnType<typeof render>, region = "us-west-2") => r.templates[region].Resources;

describe("CloudFormation renderer", () => {
  it("folds configuration resources into their parent and counts them as translated", () => {
    const r = render([bucket, versioning, logs], "t");
    const [b] = Object.values(resourcesOf(r));
    assert.equal(Object.keys(resourcesOf(r)).length, 1);
    assert.deepEqual(b.Properties.VersioningConfiguration, { Status: "Enabled" });
    assert.deepEqual(b.Properties.LoggingConfiguration, { DestinationBucketName: "logs-123" });
    assert.deepEqual([r.coverage.translated, r.coverage.total], [3, 3]);
  });

  it("turns a value equal to a dependency's output into Ref/GetAtt, and an ARN with a path into Fn::Sub", () => {
    const r = render([bucket, policy], "t");
    const p = Object.values(resourcesOf(r)).find((x) => x.Type === "AWS::S3::BucketPolicy")!;
    assert.deepEqual(p.Properties.Bucket, { Ref: "DocsBucket" });
    assert.deepEqual(p.Properties.PolicyDocument.Statement[0].Resource, [{ "Fn::GetAtt": ["DocsBucket", "Arn"] }, { "Fn::Sub": "${DocsBucket.Arn}/*" }]);
  });

  it("leaves an equal value literal when the recorder saw no dependency on that resource", () => {
    const unrelated = res("aws:s3/bucketPolicy:BucketPolicy", "other", { bucket: "docs-123", policy: "{}" });
    const p = Object.values(resourcesOf(render([bucket, unrelated], "t"))).find((x) => x.Type === "AWS::S3::BucketPolicy")!;
    assert.equal(p.Properties.Bucket, "docs-123");
  });

  it("never reads a tag value as a reference", () => {
    const tagged = res("aws:s3/bucket:Bucket", "tagged", { bucket: "t-1", tags: { Source: "docs-123" } }, dependsOn(bucket));
    const t = resourcesOf(render([bucket, tagged], "t")).TaggedBucket;
    assert.deepEqual(t.Properties.Tags, [{ Key: "Source", Value: "docs-123" }]);
  });

  it("puts the account, the template's region and the partition of a literal ARN in pseudo parameters", () => {
    const topic = res("aws:sns/topicSubscription:TopicSubscription", "s", { topic: "arn:aws:sns:us-west-2:123456789012:alerts", protocol: "email", endpoint: "a@b.c" });
    const s = resourcesOf(render([topic], "t")).SSubscription;
    assert.deepEqual(s.Properties.TopicArn, { "Fn::Sub": "arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:alerts" });
  });

  it("turns secrets into NoEcho parameters and unknown values into parameters", () => {
    const cache = res("aws:elasticache/replicationGroup:ReplicationGroup", "cache", { description: "d", authToken: secret("s3cr3t-token"), kmsKeyId: UNKNOWN });
    const r = render([cache], "t");
    const t = r.templates["us-west-2"];
    const props = t.Resources.CacheReplicationGroup.Properties;
    assert.equal(t.Parameters![props.AuthToken.Ref].NoEcho, true);
    assert.equal(t.Parameters![props.KmsKeyId.Ref].NoEcho, undefined);
    assert.doesNotMatch(JSON.stringify(t), /s3cr3t-token/);
  });

  it("keeps Pulumi's delete semantics: protect retains, a final snapshot snapshots, otherwise delete", () => {
    const db = (name: string, inputs: Record<string, any>, protect = false) => res("aws:rds/instance:Instance", name, { identifier: name, ...inputs }, { protect });
    const r = resourcesOf(render([db("kept", {}, true), db("snap", { finalSnapshotIdentifier: "f", skipFinalSnapshot: false }), db("gone", { skipFinalSnapshot: true })], "t"));
    assert.deepEqual([r.KeptDBInstance.DeletionPolicy, r.SnapDBInstance.DeletionPolicy, r.GoneDBInstance.DeletionPolicy], ["Retain", "Snapshot", "Delete"]);
    assert.equal(r.SnapDBInstance.UpdateReplacePolicy, "Snapshot");
  });

  it("writes one template per region: the provider's, or the resource's own region input", () => {
    const replica = res("aws:s3/bucket:Bucket", "replica", { bucket: "r-1" }, { provider: { ...PROVIDER, region: "us-east-2" } });
    const pinned = res("aws:sns/topic:Topic", "edge", { name: "edge", region: "us-east-1" });
    const r = render([bucket, replica, pinned], "t");
    assert.deepEqual(Object.keys(r.templates).sort(), ["us-east-1", "us-east-2", "us-west-2"]);
    assert.ok(r.templates["us-east-1"].Resources.EdgeTopic);
    assert.equal(r.templates["us-east-1"].Resources.EdgeTopic.Properties.Region, undefined);
  });

  it("adds the resources CloudFormation needs besides the main one (self-referencing ingress, gateway attachment)", () => {
    const sg = res("aws:ec2/securityGroup:SecurityGroup", "tasks", { description: "d", vpcId: "vpc-1", ingress: [{ protocol: "tcp", fromPort: 80, toPort: 80, self: true }] });
    const r = resourcesOf(render([sg], "t"));
    assert.deepEqual(r.TasksSecurityGroupSelfIngress1.Properties.SourceSecurityGroupId, { "Fn::GetAtt": ["TasksSecurityGroup", "GroupId"] });
  });

  it("routes to a NAT instance by InstanceId: CloudFormation has no attribute for an instance's primary interface", () => {
    const nat = res("aws:ec2/instance:Instance", "nat", { instanceType: "t4g.nano", subnetId: "subnet-1", vpcSecurityGroupIds: ["sg-1"], associatePublicIpAddress: true, sourceDestCheck: false, userData: "#!/bin/bash" },
      { outputs: { id: "i-0123456789abcdef0", primaryNetworkInterfaceId: "eni-0123456789abcdef0" } });
    const route = res("aws:ec2/route:Route", "nat-route", { routeTableId: "rtb-1", destinationCidrBlock: "0.0.0.0/0", networkInterfaceId: "eni-0123456789abcdef0" }, dependsOn(nat));
    const resources = resourcesOf(render([nat, route], "t"));
    const [instanceId, routeId] = Object.keys(resources);
    assert.deepEqual(resources[routeId].Properties, { RouteTableId: "rtb-1", DestinationCidrBlock: "0.0.0.0/0", InstanceId: { Ref: instanceId } });
    // The public address is the primary interface's: subnet and groups move into NetworkInterfaces.
    assert.deepEqual(resources[instanceId].Properties.NetworkInterfaces, [{ DeviceIndex: "0", AssociatePublicIpAddress: true, DeleteOnTermination: true, SubnetId: "subnet-1", GroupSet: ["sg-1"] }]);
    assert.equal(resources[instanceId].Properties.SubnetId, undefined);
    assert.deepEqual(resources[instanceId].Properties.UserData, { "Fn::Base64": "#!/bin/bash" });
  });

  it("renders the resources a remote component creates, referencing each other in creation order", () => {
    const vpc: RecordedResource = {
      ...res("awsx:ec2:Vpc", "net", { availabilityZoneNames: ["us-west-2a"], cidrBlock: "10.0.0.0/16", natGateways: { strategy: "Single" }, subnetSpecs: [{ type: "Public", name: "public", cidrBlocks: ["10.0.0.0/24"] }] }),
      custom: false,
    };
    const r = render([vpc], "t");
    const resources = resourcesOf(r);
    assert.deepEqual(resources.NetPublic1Subnet.Properties.VpcId, { Ref: "NetVPC" });
    assert.deepEqual(resources.Net1NatGateway.Properties.AllocationId, { "Fn::GetAtt": ["Net1EIP", "AllocationId"] });
    assert.deepEqual(resources.NetInternetGatewayAttachment.Properties, { VpcId: { Ref: "NetVPC" }, InternetGatewayId: { Ref: "NetInternetGateway" } });
    assert.equal(r.coverage.total, 8, "vpc, gateway, subnet, route table, association, eip, nat, route");
  });
});
