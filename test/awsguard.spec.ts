/**
 * A third-party pack through the offline runner: @pulumi/awsguard (Pulumi's AWS Guard, written for
 * @pulumi/aws v4) over the dev plan. Constructing `AwsGuard` starts a policy server, so its policies
 * come from its per-service modules, which export each policy object. Every expectation below is
 * derived from reading its rules (node_modules/@pulumi/awsguard/*.js) against the dev stack, and
 * the run must report exactly those: no more, no fewer.
 */
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Policy } from "@pulumi/policy";
import { Violation, runPolicies } from "../offline/policyRunner";
import { Planned, ofType, one, planStackFile } from "./helpers";

/** AwsGuard's per-service modules (its index.js requires the same list). */
const MODULES = ["apiGateway", "compute", "database", "elasticsearch", "network", "security", "storage"];

const isPolicy = (v: unknown): v is Policy =>
  typeof v === "object" && v !== null && typeof (v as Policy).name === "string" &&
  ("validateResource" in v || "validateStack" in v);

/** The package's own require, so its modules resolve its nested @pulumi/aws v4 as it would. */
const load = createRequire(require.resolve("@pulumi/awsguard/package.json"));

function awsGuardPolicies(): Policy[] {
  // aws-sdk v2, which its security rules import, prints a maintenance notice on load.
  process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE = "1";
  return MODULES.flatMap((m) => Object.values(load(`./${m}`) as Record<string, unknown>).filter(isPolicy));
}

/** The type token a class of awsguard's @pulumi/aws v4 registers under. */
const v4Type = (path: string): string => {
  const [mod, cls] = path.split(".");
  return (load("@pulumi/aws")[mod][cls] as { __pulumiType: string }).__pulumiType;
};

describe("@pulumi/awsguard over the dev plan, offline", () => {
  let dev: Planned;
  let policies: Policy[];
  let violations: Violation[];
  before(async () => {
    dev = await planStackFile("Pulumi.dev.yaml");
    policies = awsGuardPolicies();
    // `new AwsGuard()` with no arguments: every policy at the pack's level, advisory (awsGuard.js).
    violations = await runPolicies(policies, dev.resources, {}, { packEnforcementLevel: "advisory" });
  });

  it("loads every policy AwsGuard registers (one registerPolicy call each in its modules), once", () => {
    const registered = MODULES.flatMap((m) => [...readFileSync(load.resolve(`./${m}`), "utf8").matchAll(/registerPolicy\("(\w+)"/g)]);
    assert.equal(registered.length, 26);
    assert.equal(new Set(policies.map((p) => p.name)).size, registered.length);
  });

  it("reports exactly the violations its rules imply for dev", () => {
    const found = violations.map((v) => `${v.level} ${v.policy} ${dev.resources.find((r) => r.urn === v.urn)?.name ?? v.urn}`).sort();
    const expected = [
      // rds-instance-multi-az-enabled: validateResourceOfType(aws.rds.Instance) reports multiAz undefined or
      // false; dev's profile runs one database in a single AZ.
      "advisory rds-instance-multi-az-enabled medsearch-database-primary",
      // s3-bucket-logging-enabled: validateResourceOfType(aws.s3.Bucket) reads v4's inline `loggings`. v4's
      // Bucket and v7's share the token aws:s3/bucket:Bucket, so it runs on every bucket, and v7 sets logging
      // through aws.s3.BucketLogging resources, never `loggings`: faithful behaviour, not a finding to fix.
      ...ofType(dev, "aws:s3/bucket:Bucket").map((b) => `advisory s3-bucket-logging-enabled ${b.name}`),
      // The NAT instance dev uses instead of managed gateways (network.natGateways: instance), under its
      // three instance rules. ec2-instance-no-public-ip: a NAT instance forwards to the internet through
      // its public address, so it must have one. ec2-instance-detailed-monitoring-enabled: `monitoring` is
      // unset; dev keeps basic five-minute metrics (detailed metrics are billed per metric).
      // ec2-volume-inuse: the rule reads only `ebsBlockDevices`; the instance's one volume is its
      // encrypted root, declared as `rootBlockDevice`, which the rule does not look at.
      ...ofType(dev, "aws:ec2/instance:Instance").flatMap((i) => [
        `advisory ec2-instance-detailed-monitoring-enabled ${i.name}`,
        `advisory ec2-instance-no-public-ip ${i.name}`,
        `advisory ec2-volume-inuse ${i.name}`,
      ]),
    ].sort();
    assert.deepEqual(found, expected);
  });

  it("finds a single-AZ database and buckets without `loggings` in dev (the premises of both findings)", () => {
    assert.equal(one(dev, "aws:rds/instance:Instance").inputs.multiAz, false);
    const buckets = ofType(dev, "aws:s3/bucket:Bucket");
    assert.equal(buckets.length, 5);
    assert.ok(buckets.every((b) => b.inputs.loggings === undefined));
  });

  it("finds one NAT instance with a public address, no `monitoring` and only a root volume (the premises of its three findings)", () => {
    const nat = one(dev, "aws:ec2/instance:Instance").inputs;
    assert.deepEqual([nat.associatePublicIpAddress, nat.monitoring, nat.ebsBlockDevices], [true, undefined, undefined]);
    assert.deepEqual([nat.rootBlockDevice.encrypted, nat.rootBlockDevice.deleteOnTermination], [true, true]);
  });

  it("stays silent on the load balancer: its rules match v4 tokens that no v7 resource has, as they would online", () => {
    // elb-deletion-protection-enabled, elb-logging-enabled and alb-http-to-https-redirection check these classes.
    const tokens = ["applicationloadbalancing.LoadBalancer", "elasticloadbalancingv2.LoadBalancer", "elasticloadbalancing.LoadBalancer", "elasticloadbalancingv2.Listener"].map(v4Type);
    assert.deepEqual(tokens, ["aws:applicationloadbalancing/loadBalancer:LoadBalancer", "aws:elasticloadbalancingv2/loadBalancer:LoadBalancer", "aws:elasticloadbalancing/loadBalancer:LoadBalancer", "aws:elasticloadbalancingv2/listener:Listener"]);
    assert.deepEqual(dev.resources.filter((r) => tokens.includes(r.type)), []);
    assert.equal(ofType(dev, "aws:lb/loadBalancer:LoadBalancer").length, 1, "the ALB exists, under v7's token aws:lb/loadBalancer:LoadBalancer");
  });

  it("stays silent on what dev does right: rotating keys, private encrypted databases with backups", () => {
    // cmk-backing-key-rotation-enabled, rds-instance-public-access, rds-storage-encrypted, rds-instance-backup-enabled.
    assert.ok(ofType(dev, "aws:kms/key:Key").every((k) => k.inputs.enableKeyRotation === true));
    const db = one(dev, "aws:rds/instance:Instance").inputs;
    assert.deepEqual([db.publiclyAccessible, db.storageEncrypted, db.backupRetentionPeriod > 0], [false, true, true]);
  });

  it("has nothing to check for its other rules: dev has none of their types", () => {
    // EFS, DynamoDB, Redshift, Elasticsearch, API Gateway, ACM certificates, IAM users and keys.
    // The ACM and IAM rules would call AWS; with no resource of their type they are not applicable and never do.
    const types = ["efs.FileSystem", "dynamodb.Table", "redshift.Cluster", "elasticsearch.Domain", "apigateway.Stage", "apigateway.MethodSettings", "apigateway.RestApi", "acm.Certificate", "iam.AccessKey", "iam.UserLoginProfile"].map(v4Type);
    assert.deepEqual(dev.resources.filter((r) => types.includes(r.type)).map((r) => r.type), []);
  });
});
