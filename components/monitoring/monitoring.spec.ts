/**
 * The Monitoring component under the mock cloud with fake targets for every tier (the cluster, data
 * and edge tiers are not wired yet), and the policy pack over what it records.
 */
import { strict as assert } from "node:assert";
import { join } from "node:path";
import { policies } from "../../policy-pack/policies";
import { requireCriticalAlarms } from "../../policy-pack/policies/cloudwatch/requireCriticalAlarms";
import { fixture } from "../../policy-pack/test/fixtures";
import { ALL_TIERS, DEV_TIERS, ECS_TIERS, targetIdentifiers } from "../../test/fixtures/monitoringTargets";
import { readPackConfig, runPolicies } from "../../offline/policyRunner";
import type { RecordedResource } from "../../offline/recorder";
import { StackRun, runComponent } from "../../offline/runStack";
import { Monitoring, MonitoringArgs } from "./monitoring";
import { DEFAULT_ALARM_SETTINGS } from "./settings";

/**
 * The pack without tags-require-tags: the component alone runs without the stack provider whose
 * defaultTags carry Environment, Owner and CostCenter; test/stacks/tags.spec.ts checks that policy
 * on the whole program, this tier included.
 */
const packWithoutTags = policies.filter((p) => p.name !== "tags-require-tags");

const ACCOUNT = "123456789012";
const LOGS_KEY = `arn:aws:kms:us-west-2:${ACCOUNT}:key/logs`;
const prodPack = readPackConfig(join(__dirname, "..", "..", "policy-pack", "config", "prod.json"));

function args(o: Partial<MonitoringArgs> = {}): MonitoringArgs {
  return {
    system: "medsearch",
    stack: "prod",
    account: { accountId: ACCOUNT, partition: "aws", region: "us-west-2" },
    targets: ALL_TIERS,
    notifications: { critical: { emails: ["oncall@example.com"], httpsUrls: ["https://paging.example.com/sns"] }, warning: { emails: ["team@example.com"], httpsUrls: [] } },
    alarms: DEFAULT_ALARM_SETTINGS,
    budget: { enabled: true, monthlyLimitUsd: 1000, actualPercent: 80, forecastPercent: 100 },
    budgetCostAllocationTags: { System: "medsearch", Environment: "prod" },
    dailyReport: { enabled: true, scheduleExpression: "cron(0 8 * * ? *)" },
    logs: { namespaces: ["apps", "ml"], archiveToS3: true },
    logRetentionDays: 90,
    logsKmsKeyArn: LOGS_KEY,
    tracing: { enabled: true, samplingRate: 0.05 },
    cloudTrail: { enabled: true, documentDataEvents: true },
    s3RequestMetrics: true,
    keys: { deletionWindowDays: 30, protect: true },
    ...o,
  };
}

async function build(a: MonitoringArgs): Promise<StackRun> {
  const run = await runComponent(async () => {
    new Monitoring("mon", a);
  });
  assert.equal(run.error, undefined, run.error?.message);
  return run;
}

const ofType = (run: StackRun, type: string) => run.resources.filter((r) => r.type === type);
const alarmsOf = (run: StackRun) => ofType(run, "aws:cloudwatch/metricAlarm:MetricAlarm");
const topic = (run: StackRun, severity: string, region = "us-west-2") =>
  ofType(run, "aws:sns/topic:Topic").find((t) => t.inputs.tags.Severity === severity && t.outputs.arn.includes(`:${region}:`))!;
const countBy = (rs: RecordedResource[], f: (r: RecordedResource) => string) => rs.reduce<Record<string, number>>((m, r) => ({ ...m, [f(r)]: (m[f(r)] ?? 0) + 1 }), {});

describe("Monitoring component: every tier (prod-like)", () => {
  let run: StackRun;
  before(async () => {
    run = await build(args());
  });

  it("passes the whole policy pack with prod.json", async () => {
    assert.deepEqual(await runPolicies(packWithoutTags, run.resources, prodPack), []);
  });

  it("creates the alarm set of every tier: 2 cluster, 6 ECS (2 + 2 per service), 2 ALB, 9 RDS (4 per instance + replica lag), 8 Redis, 6 MSK, 2 RabbitMQ, 1 WAF", () => {
    assert.deepEqual(countBy(alarmsOf(run), (a) => a.inputs.tags.MonitoredTier), { cluster: 2, ecs: 6, alb: 2, database: 9, cache: 8, kafka: 6, rabbitmq: 2, waf: 1 });
  });

  it("sends ALARM and OK of every alarm to the topic of its severity, in the alarm's region", () => {
    for (const a of alarmsOf(run)) {
      const region = a.inputs.region ?? "us-west-2";
      const t = topic(run, a.inputs.tags.Severity, region).outputs.arn;
      assert.deepEqual([a.inputs.alarmActions, a.inputs.okActions], [[t], [t]], a.name);
    }
  });

  it("pages on-call for CPU over 80 % on every database instance, and notifies the team of a 5xx rate over 5 %", () => {
    const critical = topic(run, "critical").outputs.arn;
    const cpu = alarmsOf(run).filter((a) => a.name.startsWith("mon-database-cpu-"));
    assert.deepEqual(cpu.map((a) => [a.inputs.dimensions.DBInstanceIdentifier, a.inputs.threshold, a.inputs.alarmActions[0]]), [
      ["medsearch-db", 80, critical], ["medsearch-db-replica-1", 80, critical],
    ]);
    const errors = alarmsOf(run).find((a) => a.name === "mon-alb-error-rate")!;
    assert.deepEqual([errors.inputs.threshold, errors.inputs.alarmActions[0]], [5, topic(run, "warning").outputs.arn]);
    assert.equal(errors.inputs.metricQueries[0].expression, "100 * (FILL(m1, 0) + FILL(m2, 0)) / m3");
  });

  it("puts the CloudFront WAF alarm in us-east-1 with a warning topic and key there (an alarm can only notify its own region)", () => {
    const waf = alarmsOf(run).find((a) => a.inputs.tags.MonitoredTier === "waf")!;
    assert.equal(waf.inputs.region, "us-east-1");
    assert.deepEqual(waf.inputs.dimensions, { WebACL: "medsearchEdge", Rule: "ALL" });
    const east = ofType(run, "aws:sns/topic:Topic").filter((t) => t.inputs.region === "us-east-1");
    assert.deepEqual(east.map((t) => t.inputs.tags.Severity), ["warning"]);
    const key = ofType(run, "aws:kms/key:Key").find((k) => k.inputs.region === "us-east-1")!;
    assert.equal(east[0].inputs.kmsMasterKeyId, key.outputs.arn);
    for (const r of run.resources.filter((x) => x.name.startsWith("mon-us-east-1-"))) assert.equal(r.inputs.region, "us-east-1", r.name);
  });

  it("encrypts every topic with a rotating, protected notifications key and admits only CloudWatch, EventBridge and Budgets", () => {
    for (const t of ofType(run, "aws:sns/topic:Topic")) {
      const key = ofType(run, "aws:kms/key:Key").find((k) => k.outputs.arn === t.inputs.kmsMasterKeyId)!;
      assert.deepEqual([key.inputs.enableKeyRotation, key.protect, key.inputs.tags.DataClass], [true, true, "notifications"], t.name);
      const policy = ofType(run, "aws:sns/topicPolicy:TopicPolicy").find((p) => p.inputs.arn === t.outputs.arn)!;
      const principals = JSON.parse(policy.inputs.policy).Statement.map((s: any) => s.Principal.Service);
      assert.deepEqual(principals, ["cloudwatch.amazonaws.com", "events.amazonaws.com", "budgets.amazonaws.com"]);
    }
  });

  it("subscribes the configured endpoints: on-call to critical, the team to warning", () => {
    const subs = ofType(run, "aws:sns/topicSubscription:TopicSubscription").filter((s) => !s.inputs.region);
    assert.deepEqual(subs.map((s) => [s.inputs.topic, s.inputs.protocol, s.inputs.endpoint]), [
      [topic(run, "critical").outputs.arn, "email", "oncall@example.com"],
      [topic(run, "critical").outputs.arn, "https", "https://paging.example.com/sns"],
      [topic(run, "warning").outputs.arn, "email", "team@example.com"],
    ]);
  });

  it("draws a dashboard of valid JSON naming only the targets' resources and the recorded alarms", () => {
    const body = JSON.parse(ofType(run, "aws:cloudwatch/dashboard:Dashboard")[0].inputs.dashboardBody);
    const known = targetIdentifiers(ALL_TIERS);
    const fixed = new Set(["StandardStorage", "AllStorageTypes", "EntireBucket", "ALL"]);
    for (const w of body.widgets.filter((x: any) => x.type === "metric")) {
      for (const row of w.properties.metrics.filter((r: any[]) => typeof r[0] === "string")) {
        const values = row.slice(2, -1).filter((_: string, i: number) => i % 2 === 1);
        for (const v of values) assert.ok(known.has(v) || fixed.has(v), `${w.properties.title}: ${v}`);
      }
    }
    const shown = body.widgets.filter((x: any) => x.type === "alarm").flatMap((x: any) => x.properties.alarms).sort();
    assert.deepEqual(shown, alarmsOf(run).map((a) => a.outputs.arn).sort());
  });

  it("records a multi-region, validated, KMS-encrypted trail to the log bucket, with object access on the documents bucket", () => {
    const [trail] = ofType(run, "aws:cloudtrail/trail:Trail");
    assert.deepEqual([trail.inputs.name, trail.inputs.s3BucketName, trail.inputs.s3KeyPrefix, trail.inputs.isMultiRegionTrail, trail.inputs.enableLogFileValidation],
      ["medsearch-prod-audit", ALL_TIERS.buckets.logsBucket!.name, "cloudtrail", true, true]);
    const key = ofType(run, "aws:kms/key:Key").find((k) => k.outputs.arn === trail.inputs.kmsKeyId)!;
    assert.equal(key.inputs.tags.DataClass, "audit");
    const data = trail.inputs.advancedEventSelectors[1].fieldSelectors;
    assert.deepEqual(data.find((f: any) => f.field === "resources.ARN").startsWiths, [`${ALL_TIERS.buckets.documentsBucketArn}/`]);
  });

  it("keeps application logs encrypted for the stack's retention and streams them to the log bucket under cloudwatch-logs/", () => {
    const groups = ofType(run, "aws:cloudwatch/logGroup:LogGroup");
    assert.deepEqual(groups.map((g) => [g.inputs.name, g.inputs.retentionInDays, g.inputs.kmsKeyId]), [
      ["/medsearch/prod/apps", 90, LOGS_KEY], ["/medsearch/prod/ml", 90, LOGS_KEY],
    ]);
    const [stream] = ofType(run, "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream");
    const s3 = stream.inputs.extendedS3Configuration;
    assert.deepEqual([s3.bucketArn, s3.prefix, s3.kmsKeyArn], [ALL_TIERS.buckets.logsBucket!.arn, "cloudwatch-logs/events/", LOGS_KEY]);
    const filters = ofType(run, "aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter");
    assert.deepEqual(filters.map((f) => [f.inputs.logGroup, f.inputs.destinationArn]), groups.map((g) => [g.outputs.name, stream.outputs.arn]));
  });

  it("budgets $1,000 a month of the stack's tagged spend and sends the daily report to the warning topic", () => {
    const [budget] = ofType(run, "aws:budgets/budget:Budget");
    assert.deepEqual([budget.inputs.name, budget.inputs.limitAmount, budget.inputs.notifications.map((n: any) => n.subscriberSnsTopicArns[0])],
      ["medsearch-prod-monthly", "1000.00", [topic(run, "warning").outputs.arn, topic(run, "warning").outputs.arn]]);
    const [rule] = ofType(run, "aws:cloudwatch/eventRule:EventRule");
    const [target] = ofType(run, "aws:cloudwatch/eventTarget:EventTarget");
    assert.deepEqual([rule.inputs.scheduleExpression, target.inputs.rule, target.inputs.arn], ["cron(0 8 * * ? *)", rule.outputs.name, topic(run, "warning").outputs.arn]);
  });

  it("samples 5 % of traces with an X-Ray rule", () => {
    assert.deepEqual(ofType(run, "aws:xray/samplingRule:SamplingRule").map((r) => [r.inputs.ruleName, r.inputs.fixedRate]), [["medsearch-prod", 0.05]]);
  });

  it("parents every resource to the Monitoring component", () => {
    const component = ofType(run, "platform:monitoring:Monitoring")[0];
    for (const r of run.resources.filter((x) => x.custom && !x.type.startsWith("pulumi:"))) assert.equal(r.parent, component.urn, r.name);
  });

  it("satisfies the critical-alarm policy for the stateful resources it was given, and fails it for one it was not", async () => {
    const stateful = [
      fixture("aws:rds/instance:Instance", "db", { outputs: { identifier: "medsearch-db" } }),
      fixture("aws:rds/instance:Instance", "replica", { outputs: { identifier: "medsearch-db-replica-1" } }),
      fixture("aws:elasticache/replicationGroup:ReplicationGroup", "redis", { outputs: { replicationGroupId: "medsearch-redis", memberClusters: ["medsearch-redis-001", "medsearch-redis-002"] } }),
      fixture("aws:mq/broker:Broker", "mq", { outputs: { brokerName: "medsearch-mq" } }),
      fixture("aws:msk/cluster:Cluster", "msk", { outputs: { clusterName: "medsearch-msk" } }),
    ];
    assert.deepEqual(await runPolicies([requireCriticalAlarms], [...run.resources, ...stateful], prodPack), []);
    const unwatched = fixture("aws:rds/instance:Instance", "analytics", { outputs: { identifier: "medsearch-analytics" } });
    const vs = await runPolicies([requireCriticalAlarms], [...run.resources, ...stateful, unwatched], prodPack);
    assert.deepEqual(vs.map((v) => v.urn), [unwatched.urn]);
  });
});

describe("Monitoring component: a dev-like stack", () => {
  let run: StackRun;
  before(async () => {
    run = await build(args({
      stack: "dev", targets: DEV_TIERS, tracing: { enabled: false, samplingRate: 0.05 }, cloudTrail: { enabled: false, documentDataEvents: false },
      budget: { enabled: false, monthlyLimitUsd: 200, actualPercent: 80, forecastPercent: 100 }, dailyReport: { enabled: false, scheduleExpression: "cron(0 8 * * ? *)" },
      s3RequestMetrics: false, logs: { namespaces: ["apps"], archiveToS3: false }, logRetentionDays: 7, keys: { deletionWindowDays: 7, protect: false },
    }));
  });

  it("has no alarms for tiers it lacks: only the cluster and its one database", () => {
    assert.deepEqual(countBy(alarmsOf(run), (a) => a.inputs.tags.MonitoredTier), { cluster: 2, database: 4 });
  });

  it("creates nothing in us-east-1 without a CloudFront WAF", () => {
    assert.deepEqual(run.resources.filter((r) => r.inputs.region), []);
  });

  it("leaves out what is switched off: trail, archive, tracing, budget, report", () => {
    for (const type of ["aws:cloudtrail/trail:Trail", "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream", "aws:xray/samplingRule:SamplingRule", "aws:budgets/budget:Budget", "aws:cloudwatch/eventRule:EventRule"]) {
      assert.deepEqual(ofType(run, type), [], type);
    }
    assert.deepEqual(ofType(run, "aws:kms/key:Key").map((k) => [k.inputs.tags.DataClass, k.protect]), [["notifications", false]]);
  });

  it("passes the policy pack with dev.json (prod.json would reject its 7-day log retention)", async () => {
    const devPack = readPackConfig(join(__dirname, "..", "..", "policy-pack", "config", "dev.json"));
    assert.deepEqual(await runPolicies(packWithoutTags, run.resources, devPack), []);
    assert.deepEqual((await runPolicies(packWithoutTags, run.resources, prodPack)).map((v) => v.policy), ["cloudwatch-configure-log-group-retention"]);
  });
});

describe("Monitoring component: a stack on the ECS engine (only the ECS target)", () => {
  let run: StackRun;
  before(async () => {
    run = await build(args({ system: "ecsai", targets: { ecs: ECS_TIERS.ecs }, cloudTrail: { enabled: false, documentDataEvents: false }, s3RequestMetrics: false, logs: { namespaces: ["app"], archiveToS3: false } }));
  });
  const alarm = (role: string) => alarmsOf(run).find((a) => a.name === `mon-${role}`)!;
  const plain = (a: RecordedResource) => [a.inputs.namespace, a.inputs.metricName, a.inputs.statistic, a.inputs.dimensions, a.inputs.period, a.inputs.comparisonOperator,
    a.inputs.threshold, a.inputs.evaluationPeriods, a.inputs.datapointsToAlarm, a.inputs.treatMissingData];

  it("creates exactly the ECS alarms: CPU and memory on the cluster, tasks missing and CPU on each service", () => {
    assert.deepEqual(alarmsOf(run).map((a) => a.inputs.name).sort(), [
      "ecsai-prod-ecs-cluster-cpu", "ecsai-prod-ecs-cluster-memory",
      "ecsai-prod-ecs-running-tasks-ai-service", "ecsai-prod-ecs-running-tasks-backend", "ecsai-prod-ecs-running-tasks-frontend",
      "ecsai-prod-ecs-service-cpu-ai-service", "ecsai-prod-ecs-service-cpu-backend", "ecsai-prod-ecs-service-cpu-frontend",
    ]);
    assert.ok(alarmsOf(run).every((a) => a.inputs.tags.MonitoredTier === "ecs"));
  });

  it("pages on-call at cluster CPU or memory (AWS/ECS, ClusterName only) above 80 % for 3 of 3 periods of 5 min", () => {
    const critical = topic(run, "critical").outputs.arn;
    for (const [role, metric] of [["ecs-cluster-cpu", "CPUUtilization"], ["ecs-cluster-memory", "MemoryUtilization"]]) {
      const a = alarm(role);
      assert.deepEqual(plain(a), ["AWS/ECS", metric, "Average", { ClusterName: "ecsai-prod" }, 300, "GreaterThanThreshold", 80, 3, 3, "missing"], role);
      assert.deepEqual([a.inputs.alarmActions, a.inputs.okActions, a.inputs.actionsEnabled, a.inputs.tags.Severity], [[critical], [critical], true, "critical"], role);
    }
  });

  it("pages on-call when a service runs fewer tasks than desired (ECS/ContainerInsights) for 8 of 10 one-minute periods", () => {
    const critical = topic(run, "critical").outputs.arn;
    const a = alarm("ecs-running-tasks-ai-service");
    assert.equal(a.inputs.metricName, undefined);
    assert.deepEqual(a.inputs.metricQueries.map((q: any) => [q.id, q.expression, q.returnData, q.metric?.namespace, q.metric?.metricName, q.metric?.stat, q.metric?.dimensions, q.metric?.period]), [
      ["e1", "m1 - FILL(m2, 0)", true, undefined, undefined, undefined, undefined, undefined],
      ["m1", undefined, false, "ECS/ContainerInsights", "DesiredTaskCount", "Average", { ClusterName: "ecsai-prod", ServiceName: "ai-service" }, 60],
      ["m2", undefined, false, "ECS/ContainerInsights", "RunningTaskCount", "Average", { ClusterName: "ecsai-prod", ServiceName: "ai-service" }, 60],
    ]);
    assert.deepEqual([a.inputs.comparisonOperator, a.inputs.threshold, a.inputs.evaluationPeriods, a.inputs.datapointsToAlarm, a.inputs.treatMissingData, a.inputs.alarmActions, a.inputs.okActions],
      ["GreaterThanThreshold", 0, 10, 8, "missing", [critical], [critical]]);
    assert.match(a.inputs.alarmDescription, /^\[critical\] ECS service tasks missing > 0 for 8 of 10 periods of 1 min\. .* Resource: ai-service\.$/);
  });

  it("notifies the team when a service's CPU (AWS/ECS, ClusterName and ServiceName) stays above 90 %, past the 70 % its autoscaling holds", () => {
    const warning = topic(run, "warning").outputs.arn;
    for (const service of ["backend", "ai-service", "frontend"]) {
      const a = alarm(`ecs-service-cpu-${service}`);
      assert.deepEqual(plain(a), ["AWS/ECS", "CPUUtilization", "Average", { ClusterName: "ecsai-prod", ServiceName: service }, 300, "GreaterThanThreshold", 90, 3, 3, "missing"], service);
      assert.deepEqual([a.inputs.alarmActions, a.inputs.okActions, a.inputs.tags.Severity], [[warning], [warning], "warning"], service);
    }
  });

  it("draws an ECS row and no EKS row, naming only the ECS cluster and its services", () => {
    const body = JSON.parse(ofType(run, "aws:cloudwatch/dashboard:Dashboard")[0].inputs.dashboardBody);
    const headings = body.widgets.filter((w: any) => w.type === "text" && w.properties.markdown.startsWith("## ")).map((w: any) => w.properties.markdown);
    assert.deepEqual(headings, ["## ECS cluster"]);
    const known = targetIdentifiers({ ecs: ECS_TIERS.ecs });
    for (const w of body.widgets.filter((x: any) => x.type === "metric")) {
      for (const row of w.properties.metrics.filter((r: any[]) => typeof r[0] === "string")) {
        for (const v of row.slice(2, -1).filter((_: string, i: number) => i % 2 === 1)) assert.ok(known.has(v), `${w.properties.title}: ${v}`);
      }
    }
  });

  it("passes the whole policy pack with prod.json", async () => {
    assert.deepEqual(await runPolicies(packWithoutTags, run.resources, prodPack), []);
  });
});

describe("Monitoring component: argument checks", () => {
  const rejects = async (a: MonitoringArgs, pattern: RegExp) => {
    const run = await runComponent(async () => {
      new Monitoring("mon", a);
    });
    assert.match(run.error?.message ?? "", pattern);
  };

  it("rejects a percentage threshold over 100, naming the key", async () => {
    const alarms = structuredClone(DEFAULT_ALARM_SETTINGS);
    alarms.kafka.diskUsed.threshold = 185;
    await rejects(args({ alarms }), /: alarms\.kafka\.diskUsed\.threshold: got 185; allowed: a percentage above 0 and at most 100/);
  });

  it("rejects a period that is not a multiple of 60, naming the key", async () => {
    const alarms = structuredClone(DEFAULT_ALARM_SETTINGS);
    alarms.cluster.nodeCpu.periodSeconds = 90;
    await rejects(args({ alarms }), /: alarms\.cluster\.nodeCpu\.periodSeconds: got 90; allowed: a multiple of 60 seconds/);
  });

  it("rejects an e-mail address that is not one", async () => {
    await rejects(args({ notifications: { critical: { emails: ["oncall"], httpsUrls: [] }, warning: { emails: [], httpsUrls: [] } } }), /: notifications\.critical\.emails\[0\]: got "oncall"/);
  });

  it("rejects a trail or an archive without the log bucket", async () => {
    await rejects(args({ targets: { cluster: ALL_TIERS.cluster } }), /cloudTrail\.enabled: got true; allowed: true only with a log bucket whose policy admits CloudTrail and Firehose in targets\.buckets\.logsBucket.*; logs\.archiveToS3: got true/);
  });

  it("rejects a retention CloudWatch does not accept", async () => {
    await rejects(args({ logRetentionDays: 10 as 7 }), /: logRetentionDays: got 10; allowed: one of 1, 3, 5, 7/);
  });

  it("rejects an ECS service key that cannot name an alarm", async () => {
    await rejects(args({ targets: { ...ALL_TIERS, ecs: { clusterName: "c", serviceNames: { Api_1: "Api_1" } } } }), /targets\.ecs\.serviceNames: got keys \["Api_1"\]; allowed: service names that are lowercase DNS labels/);
  });

  it("rejects a database target without max_connections", async () => {
    await rejects(args({ targets: { ...ALL_TIERS, database: { ...ALL_TIERS.database, maxConnections: 0 } } }), /targets\.database\.maxConnections: got 0/);
  });
});
