/**
 * The Network on its own, as another program declares it: only the region's AZ names and the region.
 * What it must get is the prod layout: three AZs, a NAT gateway in each, isolated database subnets,
 * flow logs to an encrypted group, endpoints reachable only from the VPC.
 */
import { strict as assert } from "node:assert";
import { runComponent } from "../../offline/runStack";
import { MOCK_ACCOUNT_ID } from "../../offline/ids";
import { Planned, mandatory, one, ofType } from "../../test/helpers";
import { keyByArn, standalone } from "../../test/standalone";
import { Network } from "./network";
import { ALL_NODE_ENDPOINTS } from "./presets";

const REGION_AZS = ["us-west-2a", "us-west-2b", "us-west-2c", "us-west-2d"];

describe("Network standalone", () => {
  let run: Planned;
  before(async () => {
    run = await standalone((opts) => new Network("net", { availabilityZoneNames: REGION_AZS, region: "us-west-2" }, opts));
    assert.equal(run.error, undefined, run.error?.message);
  });

  it("spreads over the first three AZs with a NAT gateway in each, and private, public and isolated subnets in every AZ", () => {
    const vpc = one(run, "awsx:ec2:Vpc").inputs;
    assert.deepEqual(vpc.availabilityZoneNames, REGION_AZS.slice(0, 3));
    assert.equal(vpc.natGateways.strategy, "OnePerAz");
    // Unused specs only reserve address space between tiers (subnets.ts).
    const used = vpc.subnetSpecs.filter((s: any) => s.type !== "Unused");
    assert.deepEqual(used.map((s: any) => [s.type, s.cidrBlocks.length]), [["Private", 3], ["Public", 3], ["Isolated", 3]]);
    assert.deepEqual([vpc.enableDnsHostnames, vpc.enableDnsSupport], [true, true]);
  });

  it("records ALL traffic each minute to a log group kept 400 days and encrypted with its own rotating key, which only this account's CloudWatch Logs may use", () => {
    const flow = one(run, "aws:ec2/flowLog:FlowLog").inputs;
    const group = one(run, "aws:cloudwatch/logGroup:LogGroup");
    assert.deepEqual([flow.trafficType, flow.maxAggregationInterval, flow.logDestination], ["ALL", 60, group.outputs.arn]);
    assert.equal(group.inputs.retentionInDays, 400);
    const key = keyByArn(run, group.inputs.kmsKeyId);
    assert.equal(key.inputs.enableKeyRotation, true);
    const logs = JSON.parse(key.inputs.policy).Statement.find((s: any) => s.Sid === "AllowCloudWatchLogs");
    assert.deepEqual(logs.Principal, { Service: "logs.us-west-2.amazonaws.com" });
    assert.equal(logs.Condition.ArnLike["kms:EncryptionContext:aws:logs:arn"], `arn:aws:logs:us-west-2:${MOCK_ACCOUNT_ID}:log-group:*`);
  });

  it("lets only VPC Flow Logs of the provider's account assume the flow-log role", () => {
    const trust = JSON.parse(one(run, "aws:iam/role:Role").inputs.assumeRolePolicy).Statement[0];
    assert.deepEqual([trust.Principal, trust.Condition.StringEquals], [{ Service: "vpc-flow-logs.amazonaws.com" }, { "aws:SourceAccount": MOCK_ACCOUNT_ID }]);
  });

  it("strips the default security group and admits only HTTPS from the VPC to each node endpoint", () => {
    const def = one(run, "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup").inputs;
    assert.deepEqual([def.ingress, def.egress], [[], []]);
    const endpoints = ofType(run, "aws:ec2/vpcEndpoint:VpcEndpoint");
    assert.deepEqual(endpoints.map((e) => e.inputs.serviceName), ALL_NODE_ENDPOINTS.map((s) => `com.amazonaws.us-west-2.${s}`));
    assert.ok(endpoints.every((e) => e.inputs.privateDnsEnabled === true));
    for (const sg of ofType(run, "aws:ec2/securityGroup:SecurityGroup")) {
      assert.deepEqual(sg.inputs.ingress.map((r: any) => [r.protocol, r.fromPort, r.toPort, r.cidrBlocks]), [["tcp", 443, 443, ["10.0.0.0/16"]]]);
      assert.deepEqual(sg.inputs.egress, []);
    }
  });

  it("passes every mandatory policy of the prod pack", () => {
    assert.deepEqual(mandatory(run), []);
  });

  it("uses the key it is given and makes none of its own", async () => {
    const given = await runComponent(async () => {
      new Network("net", { availabilityZoneNames: REGION_AZS, region: "us-west-2", keys: { logs: "arn:aws:kms:us-west-2:123456789012:key/logs" } });
    });
    assert.equal(given.error, undefined, given.error?.message);
    assert.deepEqual(ofType(given, "aws:kms/key:Key"), []);
    assert.equal(one(given, "aws:cloudwatch/logGroup:LogGroup").inputs.kmsKeyId, "arn:aws:kms:us-west-2:123456789012:key/logs");
  });

  it("refuses settings AWS or awsx would refuse, every one in one error, before any resource", async () => {
    const bad = await runComponent(async () => {
      new Network("net", { availabilityZoneNames: REGION_AZS.slice(0, 2), region: "us-west-2", cidr: "10.0.0.0/28", flowLogs: { trafficType: "ALL", maxAggregationIntervalSeconds: 60, retentionDays: 8 as never } });
    });
    const message = String(bad.error?.message);
    assert.match(message, /^net: /);
    assert.match(message, /availabilityZoneNames: got \["us-west-2a","us-west-2b"\]; allowed: at least azCount \(3\) AZ names/);
    assert.match(message, /cidr: got "10\.0\.0\.0\/28"; allowed: an IPv4 CIDR block from \/16 to \/24/);
    assert.match(message, /flowLogs\.retentionDays: got 8; allowed: one of 1, 3, 5, 7/);
    assert.deepEqual(bad.resources.filter((r) => r.custom || r.type.startsWith("awsx:")), []);
  });
});
