/**
 * The monitoring tier as the dev and prod stacks build it, property by property. This branch wires
 * only the storage tier's buckets into it; the alarm assertions hold for any set of wired tiers.
 */
import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { ALARM_TIERS } from "../../components/monitoring/catalogue";
import type { RecordedResource } from "../../offline/recorder";
import { Planned, byUrn, mandatory, ofType, one, planStackFile } from "../helpers";

const ACCOUNT = "123456789012";
const MON = "platform:monitoring:Monitoring";

/** Resource types that mean a tier is in the stack. */
const TIER_TYPES: Record<(typeof ALARM_TIERS)[number], string[]> = {
  cluster: ["eks:index:Cluster", "aws:eks/cluster:Cluster"],
  ecs: ["aws:ecs/cluster:Cluster"],
  alb: ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"],
  database: ["aws:rds/instance:Instance"],
  cache: ["aws:elasticache/replicationGroup:ReplicationGroup"],
  kafka: ["aws:msk/cluster:Cluster"],
  rabbitmq: ["aws:mq/broker:Broker"],
  waf: ["aws:wafv2/webAcl:WebAcl"],
};

/** Every string a resource's outputs carry (ids, names, ARNs, nested values): what a dashboard may name. */
/**
 * ELB dimensions are ARN suffixes (`app/<name>/<id>`, `targetgroup/<name>/<id>`) of a load balancer
 * or target group in the plan.
 */
const isArnSuffix = (v: string, known: Set<string>): boolean =>
  /^(app|targetgroup)\//.test(v) && [...known].some((k) => k.startsWith("arn:") && (k.endsWith(`:loadbalancer/${v}`) || k.endsWith(`:${v}`)));

function planStrings(p: Planned): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === "string") out.add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  for (const r of p.resources) if (r.type !== MON && r.type !== "aws:cloudwatch/dashboard:Dashboard") walk(r.outputs);
  return out;
}

for (const stack of ["dev", "prod"] as const) {
  describe(`monitoring tier (${stack})`, () => {
    let p: Planned;
    const topic = (severity: string) => ofType(p, "aws:sns/topic:Topic").find((t) => t.inputs.tags.Severity === severity && !t.inputs.region)!;
    const alarms = () => ofType(p, "aws:cloudwatch/metricAlarm:MetricAlarm");
    before(async () => {
      p = await planStackFile(`Pulumi.${stack}.yaml`);
      assert.equal(p.error, undefined, p.error?.message);
    });

    it("plans with zero mandatory policy violations", () => {
      assert.deepEqual(mandatory(p), []);
    });

    it("has no alarm for a tier the stack lacks", () => {
      for (const tier of ALARM_TIERS) {
        const present = p.resources.some((r) => TIER_TYPES[tier].includes(r.type));
        if (!present) assert.deepEqual(alarms().filter((a) => a.inputs.tags.MonitoredTier === tier).map((a) => a.name), [], tier);
      }
    });

    it("sends every alarm's ALARM and OK actions to the topic of its severity in the alarm's own region", () => {
      // An alarm can only notify a topic in its region: the CloudFront WAF alarm lives in us-east-1.
      const topicIn = (severity: string, region: string | undefined) =>
        ofType(p, "aws:sns/topic:Topic").find((t) => t.inputs.tags.Severity === severity && t.inputs.region === region)!;
      assert.ok(alarms().some((a) => a.inputs.region === "us-east-1"), "the CloudFront WAF alarm is in us-east-1");
      for (const a of alarms()) {
        const t = topicIn(a.inputs.tags.Severity, a.inputs.region).outputs.arn;
        assert.deepEqual([a.inputs.alarmActions, a.inputs.okActions], [[t], [t]], a.name);
      }
    });

    it("has a critical and a warning topic, encrypted with the tier's rotating notifications key, subscribed to the stack file's placeholder example.com endpoints, webhook URLs as secrets", () => {
      const isSecret = (v: unknown) => typeof v === "object" && v !== null && (v as Record<string, unknown>)[pulumi.runtime.specialSigKey] === pulumi.runtime.specialSecretSig;
      for (const severity of ["critical", "warning"]) {
        const t = topic(severity);
        const key = ofType(p, "aws:kms/key:Key").find((k) => k.outputs.arn === t.inputs.kmsMasterKeyId)!;
        assert.deepEqual([key.inputs.enableKeyRotation, key.protect], [true, stack === "prod"]);
        const subs = ofType(p, "aws:sns/topicSubscription:TopicSubscription").filter((s) => s.inputs.topic === t.outputs.arn);
        // A webhook URL often carries its token: it is passed on as a secret, e-mail addresses as they are.
        for (const s of subs) assert.equal(isSecret(s.inputs.endpoint), s.inputs.protocol === "https", `${severity}: ${s.name}`);
        const endpoints = subs.map((s) => (isSecret(s.inputs.endpoint) ? s.inputs.endpoint.value : s.inputs.endpoint));
        assert.ok(endpoints.length > 0 && endpoints.every((e: string) => /[@.]example\.com(\/|$)/.test(e)), `${severity}: ${endpoints}`);
      }
    });

    it("draws one dashboard of valid JSON that names only resources in the plan", () => {
      const dash = one(p, "aws:cloudwatch/dashboard:Dashboard");
      assert.equal(dash.inputs.dashboardName, `medsearch-${stack}`);
      const body = JSON.parse(dash.inputs.dashboardBody);
      const known = planStrings(p);
      const fixed = new Set(["StandardStorage", "AllStorageTypes", "EntireBucket", "ALL"]);
      const metrics = body.widgets.filter((w: any) => w.type === "metric");
      assert.ok(metrics.length > 0);
      for (const w of metrics) {
        for (const row of w.properties.metrics.filter((r: unknown[]) => typeof r[0] === "string")) {
          for (const v of row.slice(2, -1).filter((_: string, i: number) => i % 2 === 1)) assert.ok(known.has(v) || fixed.has(v) || isArnSuffix(v, known), `${w.properties.title}: ${v}`);
        }
      }
      for (const w of body.widgets.filter((x: any) => x.type === "alarm")) for (const arn of w.properties.alarms) assert.ok(known.has(arn), arn);
    });

    it("shows the S3 row: size and objects of every bucket the storage tier built", () => {
      const body = JSON.parse(one(p, "aws:cloudwatch/dashboard:Dashboard").inputs.dashboardBody);
      const size = body.widgets.find((w: any) => w.properties.title === "Bucket size (Standard class)");
      const buckets = ofType(p, "aws:s3/bucket:Bucket").filter((b) => b.outputs.region === "us-west-2").map((b) => b.outputs.bucket).sort();
      assert.deepEqual(size.properties.metrics.map((r: any[]) => r[3]).sort(), buckets);
      const s3Requests = body.widgets.find((w: any) => w.properties.title === "Requests" && w.properties.metrics.some((r: unknown[]) => r[0] === "AWS/S3"));
      assert.equal(!!s3Requests, stack === "prod");
    });

    it(`keeps application logs /medsearch/${stack}/apps for ${stack === "prod" ? 90 : 7} days, encrypted with the logs key`, () => {
      const group = ofType(p, "aws:cloudwatch/logGroup:LogGroup").find((g) => g.inputs.name === `/medsearch/${stack}/apps`)!;
      assert.deepEqual([group.inputs.retentionInDays, group.inputs.kmsKeyId], [stack === "prod" ? 90 : 7, one(p, "aws:kms/key:Key", "medsearch-keys-logs").outputs.arn]);
    });

    it("records a multi-region, validated, encrypted trail into the log bucket, whose policy admits exactly this trail", () => {
      const trail = one(p, "aws:cloudtrail/trail:Trail");
      const logs = `medsearch-${stack}-logs-${ACCOUNT}-us-west-2`;
      assert.deepEqual([trail.inputs.s3BucketName, trail.inputs.isMultiRegionTrail, trail.inputs.enableLogFileValidation, !!trail.inputs.kmsKeyId], [logs, true, true, true]);
      const policy = ofType(p, "aws:s3/bucketPolicy:BucketPolicy").find((b) => b.inputs.bucket === logs)!;
      const write = JSON.parse(policy.inputs.policy).Statement.find((s: any) => s.Sid === "CloudTrailWrite");
      assert.equal(write.Condition.StringEquals["aws:SourceArn"], trail.outputs.arn);
      assert.ok(trail.dependencies.includes(policy.urn), "the trail waits for the log bucket's policy");
    });

    it(stack === "prod" ? "records object access on the documents bucket" : "records management events only", () => {
      const selectors = one(p, "aws:cloudtrail/trail:Trail").inputs.advancedEventSelectors;
      const docs = `arn:aws:s3:::medsearch-${stack}-documents-${ACCOUNT}-us-west-2/`;
      assert.deepEqual(selectors.map((s: any) => s.fieldSelectors.find((f: any) => f.field === "resources.ARN")?.startsWiths), stack === "prod" ? [undefined, [docs]] : [undefined]);
    });

    it(`budgets $${stack === "prod" ? "1,000" : "200"} a month of spend tagged System=medsearch and Environment=${stack}`, () => {
      const b = one(p, "aws:budgets/budget:Budget").inputs;
      assert.equal(b.limitAmount, stack === "prod" ? "1800.00" : "200.00");
      assert.deepEqual(b.filterExpression.ands.map((a: any) => [a.tags.key, a.tags.values]), [["System", ["medsearch"]], ["Environment", [stack]]]);
    });

    it(stack === "prod" ? "traces, archives logs to S3 and publishes S3 request metrics" : "has no tracing, log archive or S3 request metrics (cost)", () => {
      const on = stack === "prod";
      assert.equal(ofType(p, "aws:xray/samplingRule:SamplingRule").length, on ? 1 : 0);
      assert.equal(ofType(p, "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream").length, on ? 1 : 0);
      const metrics = ofType(p, "aws:s3/bucketMetric:BucketMetric");
      assert.equal(metrics.length, on ? 5 : 0);
      for (const m of metrics) assert.equal(byUrn(p, m.parent)?.type, "platform:storage:Storage");
    });

    it("parents every monitoring resource to the Monitoring component", () => {
      const mon = one(p, MON);
      const mine = (r: RecordedResource) => r.name.startsWith("medsearch-monitoring-");
      for (const r of p.resources.filter(mine).filter((r) => r.custom)) assert.equal(r.parent, mon.urn, r.name);
    });
  });
}
