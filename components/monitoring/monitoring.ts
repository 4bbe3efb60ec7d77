import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { LogRetentionDays } from "../logs";
import { childName } from "../naming";
import type { AccountContext } from "../account";
import { tierTags } from "../tags";
import { alertTopics } from "./alerting";
import { auditTrail } from "./audit";
import type { Severity } from "./catalogue";
import { dashboardBody } from "./dashboard";
import { AlarmInstance, alarmInstances, metricAlarmArgs } from "./instances";
import { appLogs, logsKey } from "./logs";
import { monitoringNames, namePrefix } from "./naming";
import type { MonitoringSettings } from "./presets";
import { budgetArgs, reportMessage } from "./reporting";
import type { MonitoringTargets, MonitoringTargetsOf } from "./targets";
import { samplingRuleArgs, xrayCollectorPolicy } from "./tracing";
import { ResolvedMonitoring, resolveMonitoringArgs } from "./validate";

/**
 * What Monitoring needs: the account and what to watch, plus its settings (MonitoringSettings, each
 * optional with MONITORING_DEFAULTS, the prod preset). Everything else has a default; encrypted
 * topics, alarm actions, the trail's multi-region coverage, log-file validation and KMS key are not
 * knobs.
 */
export interface MonitoringArgs extends Partial<MonitoringSettings> {
  /** Account, partition and region of the stack (key and topic policies name them). */
  account: AccountContext;
  /**
   * The resources to watch. Alarms and dashboard rows exist only for the tiers given; the log bucket
   * (targets.buckets.logsBucket) receives the trail and the log archive.
   */
  targets: MonitoringTargets;
  /**
   * First part of every physical name (`<system>-<stack>-…`); with `stack`, at most the lengths
   * the trail, sampling rule, EventBridge rule and Firehose stream names allow.
   * @default the component's name
   */
  system?: string;
  /**
   * Second part of every physical name, so two stacks in one account never collide.
   * @default the Pulumi stack's name
   */
  stack?: string;
  /**
   * Days the application log groups keep events; one of the CloudWatch Logs retention values.
   * https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html
   * @default 90 (DEFAULT_LOG_RETENTION_DAYS)
   */
  logRetentionDays?: LogRetentionDays;
  /**
   * KMS key of the log groups and their S3 archive; its policy must admit logs.<region>.amazonaws.com.
   * https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
   * @default a customer-managed key of its own (rotation on), created when a log group or the archive needs one
   */
  logsKmsKeyArn?: pulumi.Input<string>;
  /**
   * Log groups other components own, by a DNS-label key that no namespace uses: archived with the
   * namespaces' groups (the ECS services write to their own). Not created here.
   * @default {}
   */
  otherLogGroups?: Record<string, pulumi.Input<string>>;
  /**
   * Cost-allocation tags that pick the spend the budget measures (all of them, AND). They must be
   * activated as cost allocation tags in the Billing console first.
   * https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/activating-tags.html
   * @default {} (the budget measures the whole account)
   */
  budgetCostAllocationTags?: Record<string, string>;
  /**
   * What must exist before the trail: CreateTrail fails unless the bucket policy already admits
   * CloudTrail, so pass the log bucket's policy, or the component that creates it (a dependency on
   * a component waits for all its children).
   * @default []
   */
  cloudTrailDependsOn?: pulumi.Resource[];
  /**
   * Deletion window (days, 7 to 30) and Pulumi `protect` of the tier's own KMS keys.
   * https://docs.aws.amazon.com/kms/latest/APIReference/API_ScheduleKeyDeletion.html
   * @default { deletionWindowDays: 30, protect: true } (MONITORING_KEY_DEFAULTS)
   */
  keys?: { deletionWindowDays: number; protect: boolean };
}

/**
 * The monitoring tier: alert topics, alarms derived from the other tiers' outputs, one dashboard,
 * application log groups (archived to S3 in prod), a budget, the daily report, tracing and the
 * audit trail.
 */
export class Monitoring extends pulumi.ComponentResource {
  readonly topicArns: Record<Severity, pulumi.Output<string>>;
  readonly dashboardName: pulumi.Output<string>;
  /** Alarm names, by child role (e.g. database-cpu-1). */
  readonly alarmNames: Record<string, pulumi.Output<string>>;
  readonly logGroupNames: Record<string, pulumi.Output<string>>;
  readonly trailArn?: pulumi.Output<string>;
  /** IAM policy JSON for the ADOT collector's role (cluster tier); undefined when tracing is off. */
  readonly xrayCollectorPolicy?: string;

  constructor(name: string, args: MonitoringArgs, opts?: pulumi.ComponentResourceOptions) {
    super("platform:monitoring:Monitoring", name, {}, opts);
    const r = resolveMonitoringArgs(name, args, pulumi.getStack());
    const prefix = namePrefix(r.system, r.stack);
    const names = monitoringNames(prefix);
    const keys = { keyDeletionWindowDays: r.keys.deletionWindowDays, protectKey: r.keys.protect };

    this.topicArns = alertTopics(this, { component: name, role: "", prefix, account: args.account, severities: ["critical", "warning"], endpoints: r.notifications, ...keys });
    const instances = alarmInstances(args.targets, r.alarms);
    const alarms = this.alarms(name, prefix, args.account, r, instances);
    this.alarmNames = Object.fromEntries(alarms.map(({ role, alarm }) => [role, alarm.name]));

    const dashboard = new aws.cloudwatch.Dashboard(childName(name, "dashboard"), {
      dashboardName: names.dashboard,
      dashboardBody: pulumi.all([pulumi.output(args.targets) as pulumi.Output<unknown>, pulumi.all(alarms.map((a) => a.alarm.arn))]).apply(([targets, arns]) => JSON.stringify(dashboardBody({
        title: `${r.system} / ${r.stack}`,
        region: args.account.region,
        targets: targets as MonitoringTargetsOf<string>,
        settings: r.alarms,
        alarms: arns.map((arn, i) => ({ arn, region: alarms[i].region })),
        requestMetrics: r.s3RequestMetrics,
      }))),
    }, { parent: this });
    this.dashboardName = dashboard.dashboardName;

    this.reports(name, prefix, args.account, r);
    const archive = r.logs.archiveToS3 ? { streamName: names.firehose, bucketArn: args.targets.buckets!.logsBucket!.arn } : undefined;
    // Without log groups of its own and without the archive, the tier encrypts no logs.
    const groups = r.logs.namespaces.length === 0 && !archive ? {} : appLogs(this, {
      component: name, system: r.system, stack: r.stack, namespaces: r.logs.namespaces, retentionDays: r.logRetentionDays,
      kmsKeyArn: args.logsKmsKeyArn ?? logsKey(this, { component: name, prefix, account: args.account, ...keys }),
      account: args.account, otherGroups: args.otherLogGroups, archive,
    });
    this.logGroupNames = Object.fromEntries(Object.entries(groups).map(([ns, g]) => [ns, g.name]));

    if (r.tracing.enabled) {
      new aws.xray.SamplingRule(childName(name, "sampling"), { ...samplingRuleArgs(names.samplingRule, r.tracing.samplingRate), tags: tierTags("monitoring") }, { parent: this });
      this.xrayCollectorPolicy = JSON.stringify(xrayCollectorPolicy());
    }
    if (r.cloudTrail.enabled) {
      const documentsBucketArn = args.targets.buckets?.documentsBucketArn;
      this.trailArn = auditTrail(this, {
        component: name, trailName: names.trail, account: args.account, bucketName: args.targets.buckets!.logsBucket!.name,
        documentsBucketArn: r.cloudTrail.documentDataEvents ? documentsBucketArn : undefined,
        keyDeletionWindowDays: r.keys.deletionWindowDays, protect: r.keys.protect, after: args.cloudTrailDependsOn,
      }).arn;
    }
    this.registerOutputs({ topicArns: this.topicArns, dashboardName: this.dashboardName, alarmNames: this.alarmNames, logGroupNames: this.logGroupNames, trailArn: this.trailArn });
  }

  /**
   * One MetricAlarm per catalogue entry and watched resource. Alarms on metrics in another region
   * (CloudFront WAF, us-east-1) live there, with topics there: an alarm can only notify a topic in
   * its own region.
   */
  private alarms(name: string, prefix: string, account: AccountContext, r: ResolvedMonitoring, instances: AlarmInstance<pulumi.Input<string>>[]) {
    const regions = [...new Set(instances.map((i) => i.subject.region).filter((x): x is string => !!x && x !== account.region))];
    const topicsIn = new Map<string, Record<Severity, pulumi.Output<string>>>([[account.region, this.topicArns]]);
    for (const region of regions) {
      const severities = [...new Set(instances.filter((i) => i.subject.region === region).map((i) => i.def.severity))];
      topicsIn.set(region, alertTopics(this, {
        component: name, role: `${region}-`, prefix, account: { ...account, region }, region, severities, endpoints: r.notifications,
        keyDeletionWindowDays: r.keys.deletionWindowDays, protectKey: r.keys.protect,
      }));
    }
    return instances.map((i) => {
      const region = i.subject.region ?? account.region;
      const { tags, ...alarmArgs } = metricAlarmArgs(i, prefix, topicsIn.get(region)!);
      const alarm = new aws.cloudwatch.MetricAlarm(childName(name, i.role), {
        ...alarmArgs,
        ...(region !== account.region ? { region } : {}),
        alarmDescription: pulumi.interpolate`${alarmArgs.alarmDescription} Resource: ${i.subject.label}.`,
        tags: tierTags("monitoring", tags),
      }, { parent: this });
      return { role: i.role, region, alarm };
    });
  }

  /** The monthly budget and the daily report, both to the warning topic. */
  private reports(name: string, prefix: string, account: AccountContext, r: ResolvedMonitoring): void {
    const names = monitoringNames(prefix);
    if (r.budget.enabled) {
      const budget = { ...r.budget, costAllocationTags: r.budgetCostAllocationTags };
      new aws.budgets.Budget(childName(name, "budget"), { ...budgetArgs(names.budget, budget, this.topicArns.warning), tags: tierTags("monitoring") }, { parent: this });
    }
    if (r.dailyReport.enabled) {
      const rule = new aws.cloudwatch.EventRule(childName(name, "daily-report"), {
        name: names.reportRule,
        description: `${prefix}: daily usage report to the warning topic`,
        scheduleExpression: r.dailyReport.scheduleExpression,
        tags: tierTags("monitoring"),
      }, { parent: this });
      new aws.cloudwatch.EventTarget(childName(name, "daily-report"), {
        rule: rule.name,
        arn: this.topicArns.warning,
        inputTransformer: reportMessage(prefix, account.region, names.dashboard),
      }, { parent: this });
    }
  }
}
