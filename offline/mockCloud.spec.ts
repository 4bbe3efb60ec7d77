import { strict as assert } from "node:assert";
import { MockCloud, UNKNOWN } from "./mockCloud";

const cloud = () => new MockCloud("us-west-2");
const resource = (type: string, name: string, inputs: Record<string, unknown> = {}, custom = true) =>
  cloud().newResource({ type, name, inputs, custom, provider: "", id: "" } as never);

describe("mock cloud", () => {
  it("returns ARNs and ids in AWS's formats", () => {
    const key = resource("aws:kms/key:Key", "k");
    assert.match(key.state.arn, /^arn:aws:kms:us-west-2:123456789012:key\/[0-9a-f-]{36}$/);
    assert.equal(key.state.keyId, key.id);
    assert.match(resource("aws:ec2/securityGroup:SecurityGroup", "sg").id!, /^sg-[0-9a-f]{17}$/);
  });

  it("auto-names like Pulumi (logical name, '-', 7 hex) and rejects names over the AWS limit", () => {
    assert.match(resource("aws:iam/role:Role", "r".repeat(56)).state.name, /^r{56}-[0-9a-f]{7}$/);
    assert.throws(() => resource("aws:iam/role:Role", "r".repeat(57)), /AWS rejects the name .* \(65 characters; the limit is 64\)/);
    assert.throws(() => resource("aws:iam/role:Role", "x", { name: "n".repeat(65) }), /limit is 64/);
  });

  it("rejects a security group description with a character EC2 refuses (the provider does not check it)", () => {
    assert.throws(() => resource("aws:ec2/securityGroup:SecurityGroup", "sg", { description: "Valkey from the platform's clients" }), /EC2 rejects the description .* may not contain "'"/);
    assert.throws(() => resource("aws:ec2/securityGroup:SecurityGroup", "sg", { description: "d".repeat(256) }), /256 characters; the limit is 255/);
    assert.doesNotMatch(resource("aws:ec2/securityGroup:SecurityGroup", "sg", { description: "HTTPS (443) from the VPC: 10.0.0.0/16, [ALB] & {tasks}; ok!$*#@+=" }).id!, /^$/);
  });

  it("answers awsx.ec2.Vpc with subnet id lists sized by AZs and specs, and no resource-typed outputs", () => {
    const vpc = resource("awsx:ec2:Vpc", "v", {
      availabilityZoneNames: ["a", "b", "c"],
      subnetSpecs: [{ type: "Private", name: "private" }, { type: "Public", name: "public" }, { type: "Unused", name: "u" }],
    }, false);
    assert.match(vpc.state.vpcId, /^vpc-[0-9a-f]{17}$/);
    assert.equal(vpc.state.privateSubnetIds.length, 3);
    assert.equal(vpc.state.publicSubnetIds.length, 3);
    assert.deepEqual(vpc.state.isolatedSubnetIds, []);
    assert.equal(vpc.state.subnets, undefined);
    assert.equal(vpc.state.availabilityZoneNames, undefined, "a component's state holds outputs, not its arguments");
  });

  it("answers the invokes the program uses", () => {
    const c = cloud();
    assert.deepEqual(c.call({ token: "aws:index/getAvailabilityZones:getAvailabilityZones", inputs: {} } as never).names, ["us-west-2a", "us-west-2b", "us-west-2c", "us-west-2d"]);
    assert.equal(c.call({ token: "aws:index/getCallerIdentity:getCallerIdentity", inputs: {} } as never).accountId, "123456789012");
    assert.equal(c.call({ token: "aws:index/getPartition:getPartition", inputs: {} } as never).partition, "aws");
    assert.equal(c.call({ token: "aws:index/getRegion:getRegion", inputs: {} } as never).region, "us-west-2");
  });

  it("renders iam.getPolicyDocument to the JSON AWS sees", () => {
    const doc = cloud().call({
      token: "aws:iam/getPolicyDocument:getPolicyDocument",
      inputs: {
        statements: [{
          sid: "Read",
          actions: ["s3:GetObject"],
          resources: ["arn:aws:s3:::docs/*"],
          principals: [{ type: "AWS", identifiers: ["arn:aws:iam::123456789012:role/app"] }],
          conditions: [{ test: "Bool", variable: "aws:SecureTransport", values: ["true"] }],
        }],
      },
    } as never);
    assert.deepEqual(JSON.parse(doc.json), {
      Version: "2012-10-17",
      Statement: [{
        Sid: "Read",
        Effect: "Allow",
        Principal: { AWS: "arn:aws:iam::123456789012:role/app" },
        Action: "s3:GetObject",
        Resource: "arn:aws:s3:::docs/*",
        Condition: { Bool: { "aws:SecureTransport": "true" } },
      }],
    });
  });

  it("names a CloudWatch Logs resource policy as AWS does, and a Route 53 query logging configuration by UUID", () => {
    const policy = resource("aws:cloudwatch/logResourcePolicy:LogResourcePolicy", "p", { policyName: "edge-route53-query-logs", policyDocument: "{}" });
    assert.deepEqual([policy.id, policy.state.policyScope], ["edge-route53-query-logs", "ACCOUNT"]);
    assert.throws(() => resource("aws:cloudwatch/logResourcePolicy:LogResourcePolicy", "p", { policyDocument: "{}" }), /exactly one of policyName and resourceArn/);
    assert.throws(() => resource("aws:cloudwatch/logResourcePolicy:LogResourcePolicy", "p", { policyName: "a:b", policyDocument: "{}" }), /rejects the policy name "a:b"/);
    assert.throws(() => resource("aws:cloudwatch/logResourcePolicy:LogResourcePolicy", "p", { policyName: "n".repeat(256), policyDocument: "{}" }), /limit is 255/);
    const log = resource("aws:route53/queryLog:QueryLog", "q", { zoneId: "Z1", cloudwatchLogGroupArn: "arn:aws:logs:us-east-1:123456789012:log-group:/aws/route53/example.com" });
    assert.match(log.id!, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(log.state.arn, `arn:aws:route53:::queryloggingconfig/${log.id}`);
  });

  it("refuses invokes it does not know instead of answering with nothing", () => {
    assert.throws(() => cloud().call({ token: "aws:rds/getEngineVersion:getEngineVersion", inputs: {} } as never), /does not answer aws:rds\/getEngineVersion/);
  });

  it("places resources of an explicit provider in that provider's region", () => {
    const c = cloud();
    const p = c.newResource({ type: "pulumi:providers:aws", name: "edge", inputs: { region: "us-east-1" }, custom: true } as never);
    const key = c.newResource({ type: "aws:kms/key:Key", name: "k", inputs: {}, custom: true, provider: `urn:pulumi:s::p::pulumi:providers:aws::edge::${p.id}` } as never);
    assert.match(key.state.arn, /^arn:aws:kms:us-east-1:/);
  });

  describe("in preview", () => {
    const preview = (type: string, name: string, inputs: Record<string, unknown> = {}, custom = true) =>
      new MockCloud("us-west-2", true).newResource({ type, name, inputs, custom, provider: "", id: "" } as never);

    it("leaves the id and every computed output unknown, and keeps inputs and auto-names, as a provider's plan does", () => {
      const key = preview("aws:kms/key:Key", "k", { enableKeyRotation: true });
      assert.equal(key.id, undefined);
      assert.deepEqual(key.state, { enableKeyRotation: true, id: UNKNOWN, keyId: UNKNOWN, arn: UNKNOWN });
      assert.match(preview("aws:iam/role:Role", "r").state.name, /^r-[0-9a-f]{7}$/);
    });

    it("leaves a remote component's outputs unknown: they come from children not yet created", () => {
      const vpc = preview("awsx:ec2:Vpc", "v", { availabilityZoneNames: ["a", "b"], subnetSpecs: [{ type: "Private" }] }, false);
      assert.deepEqual(vpc.state, { vpcId: UNKNOWN, publicSubnetIds: UNKNOWN, privateSubnetIds: UNKNOWN, isolatedSubnetIds: UNKNOWN });
    });
  });
});
