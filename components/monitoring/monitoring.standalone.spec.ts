/**
 * Monitoring on its own, as another team's program would create it: the account and a log bucket
 * to watch over, nothing else. Asserts the secure defaults on what it registers.
 */
import { strict as assert } from "node:assert";
import { requireAlertSubscriptions } from "../../policy-pack/policies/sns/requireAlertSubscriptions";
import { MOCK_ACCOUNT_ID } from "../../offline/ids";
import { runPolicies } from "../../offline/policyRunner";
import { StackRun, runComponent } from "../../offline/runStack";
import { Monitoring, MonitoringArgs } from "./monitoring";
import { MONITORING_DEFAULTS } from "./presets";

const REGION = "us-west-2";
const LOG_BUCKET = { name: `audit-logs-${MOCK_ACCOUNT_ID}`, arn: `arn:aws:s3:::audit-logs-${MOCK_ACCOUNT_ID}` };
const MINIMAL: MonitoringArgs = {
  account: { accountId: MOCK_ACCOUNT_ID, partition: "aws", region: REGION },
  targets: { buckets: { names: {}, logsBucket: LOG_BUCKET } },
};

const build = (args: MonitoringArgs) => runComponent(async () => {
  new Monitoring("orders", args);
});
const ofType = (run: StackRun, type: string) => run.resources.filter((r) => r.type === type);
const keyOf = (run: StackRun, arn: string) => ofType(run, "aws:kms/key:Key").find((k) => k.outputs.arn === arn)!;

describe("Monitoring standalone: minimal arguments", () => {
  let run: StackRun;
  before(async () => {
    run = await build(MINIMAL);
    assert.equal(run.error, undefined, run.error?.message);
  });

  it("names everything <component>-<stack>", () => {
    assert.deepEqual(ofType(run, "aws:sns/topic:Topic").map((t) => t.inputs.name), ["orders-test-critical", "orders-test-warning"]);
    assert.equal(ofType(run, "aws:cloudwatch/dashboard:Dashboard")[0].inputs.dashboardName, "orders-test");
  });

  it("encrypts both topics with its own rotating, protected key, and admits only CloudWatch, EventBridge and Budgets", () => {
    for (const topic of ofType(run, "aws:sns/topic:Topic")) {
      const key = keyOf(run, topic.inputs.kmsMasterKeyId);
      assert.deepEqual([key.inputs.enableKeyRotation, key.inputs.deletionWindowInDays, key.protect], [true, 30, true], topic.name);
      const policy = ofType(run, "aws:sns/topicPolicy:TopicPolicy").find((p) => p.inputs.arn === topic.outputs.arn)!;
      assert.deepEqual(JSON.parse(policy.inputs.policy).Statement.map((s: any) => s.Principal.Service), ["cloudwatch.amazonaws.com", "events.amazonaws.com", "budgets.amazonaws.com"]);
    }
  });

  it("records every region to the log bucket: multi-region, global events, log-file validation, its own KMS key", () => {
    const [trail] = ofType(run, "aws:cloudtrail/trail:Trail");
    assert.deepEqual(
      [trail.inputs.s3BucketName, trail.inputs.isMultiRegionTrail, trail.inputs.includeGlobalServiceEvents, trail.inputs.enableLogFileValidation, trail.inputs.enableLogging],
      [LOG_BUCKET.name, true, true, true, true],
    );
    const key = keyOf(run, trail.inputs.kmsKeyId);
    assert.deepEqual([key.inputs.enableKeyRotation, key.protect, key.inputs.tags.DataClass], [true, true, "audit"]);
  });

  it("archives logs to the log bucket, SSE-KMS with a logs key of its own, since none was given", () => {
    const [stream] = ofType(run, "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream");
    assert.equal(stream.inputs.extendedS3Configuration.bucketArn, LOG_BUCKET.arn);
    const key = keyOf(run, stream.inputs.extendedS3Configuration.kmsKeyArn);
    assert.deepEqual([key.inputs.enableKeyRotation, key.protect, key.inputs.tags.DataClass], [true, true, "logs"]);
    assert.ok(JSON.parse(key.inputs.policy).Statement.some((s: any) => s.Principal.Service === `logs.${REGION}.amazonaws.com`));
  });

  it("traces at the default rate, budgets the whole account and reports daily to the warning topic", () => {
    assert.equal(ofType(run, "aws:xray/samplingRule:SamplingRule")[0].inputs.fixedRate, MONITORING_DEFAULTS.tracing.samplingRate);
    const [budget] = ofType(run, "aws:budgets/budget:Budget");
    assert.deepEqual([budget.inputs.limitAmount, budget.inputs.filterExpression], ["1000.00", undefined]);
    const [report] = ofType(run, "aws:cloudwatch/eventTarget:EventTarget");
    assert.equal(report.inputs.arn, ofType(run, "aws:sns/topic:Topic").find((t) => t.inputs.tags.Severity === "warning")!.outputs.arn);
  });

  it("has no alarms for nothing, and the policy pack rejects a critical topic that pages nobody", async () => {
    assert.deepEqual(ofType(run, "aws:cloudwatch/metricAlarm:MetricAlarm"), []);
    const vs = await runPolicies([requireAlertSubscriptions], run.resources, {});
    assert.deepEqual(vs.map((v) => v.urn), [ofType(run, "aws:sns/topic:Topic").find((t) => t.inputs.tags.Severity === "critical")!.urn]);
  });

  it("pages on-call once a critical endpoint is given, and then passes that policy", async () => {
    const paged = await build({ ...MINIMAL, notifications: { critical: { emails: ["oncall@example.com"], httpsUrls: [] }, warning: { emails: [], httpsUrls: [] } } });
    const [sub] = ofType(paged, "aws:sns/topicSubscription:TopicSubscription");
    assert.deepEqual([sub.inputs.protocol, sub.inputs.endpoint], ["email", "oncall@example.com"]);
    assert.deepEqual(await runPolicies([requireAlertSubscriptions], paged.resources, {}), []);
  });

  it("refuses the trail and the archive without a log bucket, naming the Args fields", async () => {
    const bare = await build({ ...MINIMAL, targets: {} });
    assert.match(bare.error?.message ?? "", /^orders: cloudTrail\.enabled: got true; allowed: true only with a log bucket.*; logs\.archiveToS3: got true/);
  });
});
