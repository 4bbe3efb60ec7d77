/**
 * The knobs of the Monitoring component, its secure defaults and its per-profile presets. A direct
 * caller gets MONITORING_DEFAULTS for every field it omits; the platform's stacks start from
 * MONITORING_PRESETS[profile] (stacks/config/sections/monitoring.ts) and override them from the
 * stack file. Pure.
 *
 * Not knobs, because no profile may turn them off: KMS-encrypted topics admitting only CloudWatch,
 * EventBridge and Budgets; alarm actions on; a multi-region trail with log-file validation and its
 * own KMS key; encrypted log groups and archive (see README.md).
 */
import type * as pulumi from "@pulumi/pulumi";
import type { Profile } from "../profiles";
import type { Severity } from "./catalogue";
import type { Endpoints } from "./endpoints";
import { AlarmSettingsConfig, DEFAULT_ALARM_SETTINGS } from "./settings";

/** The monthly AWS Budget's limit and alert thresholds. */
export interface BudgetLimits {
  /** Create the budget; turn it off only where the organization budgets the account already. */
  enabled: boolean;
  /** Monthly limit in USD, above 0. https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_budgets_Budget.html */
  monthlyLimitUsd: number;
  /** Notify the warning topic when actual spend passes this percentage of the limit, above 0. */
  actualPercent: number;
  /** Notify the warning topic when the month's forecast passes this percentage of the limit, above 0. */
  forecastPercent: number;
}

export interface MonitoringSettings {
  /**
   * Who is told, per topic: e-mail addresses and HTTPS URLs (plain HTTP is refused). critical pages
   * on-call; warning notifies the team of warnings, budget alerts and the daily report. SNS sends
   * each a confirmation first. https://docs.aws.amazon.com/sns/latest/dg/sns-create-subscribe-endpoint-to-topic.html
   * Endpoints belong to the system, so no preset brings any: the policy pack's
   * sns-require-alert-subscriptions rejects a critical topic that pages nobody. A URL that carries
   * a token may be a secret Output (`pulumi.secret(url)`); only a plain URL can be checked here.
   * @default { critical: { emails: [], httpsUrls: [] }, warning: { emails: [], httpsUrls: [] } }
   */
  notifications: Record<Severity, Endpoints<pulumi.Input<string>>>;
  /**
   * Per alarm of the catalogue (alarms.<tier>.<name>): threshold (in the alarm's unit), periodSeconds
   * (a multiple of 60, 60 to 86400), evaluationPeriods (N) and datapointsToAlarm (M of N); period × N
   * at most 1 day under an hour's period, else 7 days.
   * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html
   * @default DEFAULT_ALARM_SETTINGS (the reference system's, from catalogue.ts)
   */
  alarms: AlarmSettingsConfig;
  /**
   * A monthly cost budget with actual and forecast alerts to the warning topic.
   * @default { enabled: true, monthlyLimitUsd: 1000, actualPercent: 80, forecastPercent: 100 }
   */
  budget: BudgetLimits;
  /**
   * The daily usage report (links to the dashboard and the budget) to the warning topic, when, in
   * UTC, as an EventBridge cron(...) or rate(...) expression.
   * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html
   * @default { enabled: true, scheduleExpression: "cron(0 8 * * ? *)" }
   */
  dailyReport: { enabled: boolean; scheduleExpression: string };
  /**
   * An X-Ray sampling rule and the ADOT collector's IAM policy; samplingRate is the fraction, 0 to 1,
   * of requests traced beyond the first each second. https://docs.aws.amazon.com/xray/latest/devguide/xray-console-sampling.html
   * @default { enabled: true, samplingRate: 0.05 }
   */
  tracing: { enabled: boolean; samplingRate: number };
  /**
   * The audit trail (needs targets.buckets.logsBucket, whose policy admits CloudTrail); turn it off
   * only where an organization trail already records the account. documentDataEvents records object
   * reads and writes on targets.buckets.documentsBucketArn, when the targets name one.
   * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-data-events-with-cloudtrail.html
   * @default { enabled: true, documentDataEvents: true }
   */
  cloudTrail: { enabled: boolean; documentDataEvents: boolean };
  /**
   * Application namespaces (lowercase DNS labels, each once) that get a log group
   * /<system>/<stack>/<namespace>, and whether every group is streamed to targets.buckets.logsBucket
   * (Firehose, SSE-KMS with the logs key).
   * @default { namespaces: [], archiveToS3: true }
   */
  logs: { namespaces: string[]; archiveToS3: boolean };
  /**
   * Whether the buckets publish S3 request metrics (the storage tier's requestMetrics): adds the
   * Requests panel to the dashboard.
   * @default true
   */
  s3RequestMetrics: boolean;
}

const none: Endpoints = { emails: [], httpsUrls: [] };
const common = {
  notifications: { critical: none, warning: none },
  alarms: DEFAULT_ALARM_SETTINGS,
  dailyReport: { enabled: true, scheduleExpression: "cron(0 8 * * ? *)" },
};
const budget = (monthlyLimitUsd: number): BudgetLimits => ({ enabled: true, monthlyLimitUsd, actualPercent: 80, forecastPercent: 100 });

/**
 * dev: no tracing, no data events, no archive, no request metrics (cost); a $200 budget (the
 * reference dev costs ~$135). prod: all of them, a $1,000 budget (reference ~$705). Endpoints belong
 * to the system, so no profile brings any.
 */
export const MONITORING_PRESETS: Record<Profile, MonitoringSettings> = {
  dev: {
    ...common, budget: budget(200), tracing: { enabled: false, samplingRate: 0.05 }, cloudTrail: { enabled: true, documentDataEvents: false },
    logs: { namespaces: [], archiveToS3: false }, s3RequestMetrics: false,
  },
  staging: {
    ...common, budget: budget(500), tracing: { enabled: true, samplingRate: 0.05 }, cloudTrail: { enabled: true, documentDataEvents: false },
    logs: { namespaces: [], archiveToS3: false }, s3RequestMetrics: false,
  },
  prod: {
    ...common, budget: budget(1000), tracing: { enabled: true, samplingRate: 0.05 }, cloudTrail: { enabled: true, documentDataEvents: true },
    logs: { namespaces: [], archiveToS3: true }, s3RequestMetrics: true,
  },
};

/** What a direct caller gets: the prod preset (tracing, the audit trail with data events, the log archive). */
export const MONITORING_DEFAULTS: MonitoringSettings = MONITORING_PRESETS.prod;

/**
 * The tier's own KMS keys (topics, trail, logs when none is given) when the caller says nothing:
 * the longest deletion window AWS allows and Pulumi `protect`, as the platform's prod key ring.
 * https://docs.aws.amazon.com/kms/latest/APIReference/API_ScheduleKeyDeletion.html
 */
export const MONITORING_KEY_DEFAULTS = { deletionWindowDays: 30, protect: true } as const;
