import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { throwIfProblems } from "../errors";
import { childName } from "../naming";
import type { AccountContext } from "../security/keyPolicy";
import { tierTags } from "../tags";
import { alertTopics } from "./alerting";
import { auditTrail } from "./audit";
import type { Severity } from "./catalogue";
import { dashboardBody } from "./dashboard";
import type { Endpoints } from "./endpoints";
import { AlarmInstance, alarmInstances, metricAlarmArgs } from "./instances";
import { appLogs } from "./logs";
import { monitoringNames, namePrefix } from "./naming";
import { BudgetSettings, budgetArgs, reportMessage } from "./reporting";
import type { AlarmSettingsConfig } from "./settings";
import type { MonitoringTargets, MonitoringTargetsOf } from "./targets";
import { samplingRuleArgs, xrayCollectorPolicy } from "./tracing";
import { monitoringArgProblems } from "./validate";

export interface MonitoringArgs {
  /** platform:name; first part of every physical name. */
  system: string;
  /** Stack name; second part of every physical name, so two stacks in one account never collide. */
  stack: string;
  /** Account, partition and region of the stack (key and topic policies name them). */
  account: AccountContext;
  /** The other tiers' outputs. Alarms and dashboard rows exist only for the tiers given. */
  targets: MonitoringTargets;
  /** E-mail addresses and HTTPS URLs per topic: critical pages on-call, warning notifies the team. A URL that carries a token may be a secret Output (`pulumi.secret(url)`). */
  notifications: Record<Severity, Endpoints<pulumi.Input<string>>>;
  /** Threshold, period (multiple of 60 s), evaluation periods and datapoints per alarm (settings.ts). */
  alarms: AlarmSettingsConfig;
  /** A monthly AWS Budget with actual and forecast alerts to the warning topic; none when undefined. */
  budget?: BudgetSettings;
  /** An EventBridge schedule (cron or rate expression, UTC) for the daily usage report to the warning topic. */
  dailyReport?: { scheduleExpression: string };
  logs: {
    /** Application namespaces; each gets /<system>/<stack>/<namespace>. */
    namespaces: string[];
    /** Days, one of the CloudWatch Logs retention values. https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html */
    retentionDays: number;
    /** The platform's logs key; encrypts the groups and the S3 archive. */
    kmsKeyArn: pulumi.Input<string>;
    /** Stream every group to the log bucket (needs targets.buckets.logsBucket). */
    archive: boolean;
    /**
     * Log groups other tiers own, by a DNS-label key that no namespace uses: archived with the
     * namespaces' groups (the ECS services write to their own). Not created here.
     */
    otherGroups?: Record<string, pulumi.Input<string>>;
  };
  /** X-Ray sampling for the ADOT collector; undefined turns tracing off. samplingRate: 0 to 1. */
  tracing?: { samplingRate: number };
  /**
   * The audit trail; undefined where an organization trail already records the account.
   * documentDataEvents records object access on the documents bucket (needs documentsBucketArn).
   */
  cloudTrail?: {
    documentDataEvents: boolean;
    /**
     * What must exist before the trail: CreateTrail fails unless the bucket policy already admits
     * CloudTrail, so pass the log bucket's policy, or the storage component (a dependency on a
     * component waits for all its children).
     */
    after?: pulumi.Resource[];
  };
  /** Whether the storage tier publishes S3 request metrics (StorageArgs.requestMetrics): adds the Requests panel. */
  requestMetrics: boolean;
  /** Deletion window (7-30 days) and `protect` of the tier's own KMS keys, as for the key ring. */
  keys: { deletionWindowDays: number; protect: boolean };
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
    const problems = monitoringArgProblems(args);
    throwIfProblems(name, problems);
    const prefix = namePrefix(args.system, args.stack);
    const names = monitoringNames(prefix);
    const keys = { keyDeletionWindowDays: args.keys.deletionWindowDays, protectKey: args.keys.protect };

    this.topicArns = alertTopics(this, { component: name, role: "", prefix, account: args.account, severities: ["critical", "warning"], endpoints: args.notifications, ...keys });
    const instances = alarmInstances(args.targets, args.alarms);
    const alarms = this.alarms(name, prefix, args, instances);
    this.alarmNames = Object.fromEntries(alarms.map(({ role, alarm }) => [role, alarm.name]));

    const dashboard = new aws.cloudwatch.Dashboard(childName(name, "dashboard"), {
      dashboardName: names.dashboard,
      dashboardBody: pulumi.all([pulumi.output(args.targets) as pulumi.Output<unknown>, pulumi.all(alarms.map((a) => a.alarm.arn))]).apply(([targets, arns]) => JSON.stringify(dashboardBody({
        title: `${args.system} / ${args.stack}`,
        region: args.account.region,
        targets: targets as MonitoringTargetsOf<string>,
        settings: args.alarms,
        alarms: arns.map((arn, i) => ({ arn, region: alarms[i].region })),
        requestMetrics: args.requestMetrics,
      }))),
    }, { parent: this });
    this.dashboardName = dashboard.dashboardName;

    this.reports(name, prefix, args);
    const groups = appLogs(this, {
      component: name, system: args.system, stack: args.stack, namespaces: args.logs.namespaces, retentionDays: args.logs.retentionDays,
      kmsKeyArn: args.logs.kmsKeyArn, account: args.account, otherGroups: args.logs.otherGroups,
      archive: args.logs.archive ? { streamName: names.firehose, bucketArn: args.targets.buckets!.logsBucket!.arn } : undefined,
    });
    this.logGroupNames = Object.fromEntries(Object.entries(groups).map(([ns, g]) => [ns, g.name]));

    if (args.tracing) {
      new aws.xray.SamplingRule(childName(name, "sampling"), { ...samplingRuleArgs(names.samplingRule, args.tracing.samplingRate), tags: tierTags("monitoring") }, { parent: this });
      this.xrayCollectorPolicy = JSON.stringify(xrayCollectorPolicy());
    }
    if (args.cloudTrail) {
      this.trailArn = auditTrail(this, {
        component: name, trailName: names.trail, account: args.account, bucketName: args.targets.buckets!.logsBucket!.name,
        documentsBucketArn: args.cloudTrail.documentDataEvents ? args.targets.buckets!.documentsBucketArn : undefined,
        keyDeletionWindowDays: args.keys.deletionWindowDays, protect: args.keys.protect, after: args.cloudTrail.after,
      }).arn;
    }
    this.registerOutputs({ topicArns: this.topicArns, dashboardName: this.dashboardName, alarmNames: this.alarmNames, logGroupNames: this.logGroupNames, trailArn: this.trailArn });
  }

  /**
   * One MetricAlarm per catalogue entry and watched resource. Alarms on metrics in another region
   * (CloudFront WAF, us-east-1) live there, with topics there: an alarm can only notify a topic in
   * its own region.
   */
  private alarms(name: string, prefix: string, args: MonitoringArgs, instances: AlarmInstance<pulumi.Input<string>>[]) {
    const regions = [...new Set(instances.map((i) => i.subject.region).filter((r): r is string => !!r && r !== args.account.region))];
    const topicsIn = new Map<string, Record<Severity, pulumi.Output<string>>>([[args.account.region, this.topicArns]]);
    for (const region of regions) {
      const severities = [...new Set(instances.filter((i) => i.subject.region === region).map((i) => i.def.severity))];
      topicsIn.set(region, alertTopics(this, {
        component: name, role: `${region}-`, prefix, account: { ...args.account, region }, region, severities, endpoints: args.notifications,
        keyDeletionWindowDays: args.keys.deletionWindowDays, protectKey: args.keys.protect,
      }));
    }
    return instances.map((i) => {
      const region = i.subject.region ?? args.account.region;
      const { tags, ...alarmArgs } = metricAlarmArgs(i, prefix, topicsIn.get(region)!);
      const alarm = new aws.cloudwatch.MetricAlarm(childName(name, i.role), {
        ...alarmArgs,
        ...(region !== args.account.region ? { region } : {}),
        alarmDescription: pulumi.interpolate`${alarmArgs.alarmDescription} Resource: ${i.subject.label}.`,
        tags: tierTags("monitoring", tags),
      }, { parent: this });
      return { role: i.role, region, alarm };
    });
  }

  /** The monthly budget and the daily report, both to the warning topic. */
  private reports(name: string, prefix: string, args: MonitoringArgs): void {
    const names = monitoringNames(prefix);
    if (args.budget) {
      new aws.budgets.Budget(childName(name, "budget"), { ...budgetArgs(names.budget, args.budget, this.topicArns.warning), tags: tierTags("monitoring") }, { parent: this });
    }
    if (args.dailyReport) {
      const rule = new aws.cloudwatch.EventRule(childName(name, "daily-report"), {
        name: names.reportRule,
        description: `${prefix}: daily usage report to the warning topic`,
        scheduleExpression: args.dailyReport.scheduleExpression,
        tags: tierTags("monitoring"),
      }, { parent: this });
      new aws.cloudwatch.EventTarget(childName(name, "daily-report"), {
        rule: rule.name,
        arn: this.topicArns.warning,
        inputTransformer: reportMessage(prefix, args.account.region, names.dashboard),
      }, { parent: this });
    }
  }
}
