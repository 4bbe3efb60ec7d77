/**
 * Physical names of the monitoring tier's account-wide resources, each checked against its AWS
 * limit. Names carry the system and the stack, so two stacks in one account never collide. Pure.
 */

/** Characters every name here may use (dashboard names allow only these, and they are the strictest). */
const SAFE = /[^A-Za-z0-9_-]/g;

/** `<system>-<stack>`, with anything a dashboard name forbids turned into "-". */
export function namePrefix(system: string, stack: string): string {
  return `${system}-${stack}`.replace(SAFE, "-");
}

/**
 * AWS limits, in characters:
 * - CloudTrail trail: 3-128 (https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_CreateTrail.html)
 * - X-Ray sampling rule: 1-32 (https://docs.aws.amazon.com/xray/latest/api/API_SamplingRule.html)
 * - EventBridge rule: 1-64 (https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutRule.html)
 * - Firehose stream: 1-64 (https://docs.aws.amazon.com/firehose/latest/APIReference/API_CreateDeliveryStream.html)
 * - Budget: 1-100 (https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_budgets_Budget.html)
 * - Dashboard: 1-255 (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutDashboard.html)
 * - Alarm: 1-255 (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html)
 * - SNS topic: 1-256 (https://docs.aws.amazon.com/sns/latest/api/API_CreateTopic.html)
 */
export const MONITORING_NAME_LIMITS = {
  trail: 128, samplingRule: 32, eventRule: 64, firehose: 64, budget: 100, dashboard: 255, alarm: 255, topic: 256,
} as const;

export function monitoringNames(prefix: string) {
  return {
    dashboard: prefix,
    topic: (severity: string) => `${prefix}-${severity}`,
    trail: `${prefix}-audit`,
    samplingRule: prefix,
    reportRule: `${prefix}-daily-report`,
    firehose: `${prefix}-log-archive`,
    budget: `${prefix}-monthly`,
  };
}

/** `/<system>/<stack>/<namespace>`: where the cluster's log shipper writes a namespace's logs. */
export function appLogGroupName(system: string, stack: string, namespace: string): string {
  return `/${system}/${stack}/${namespace}`;
}

export interface NamedFeatures {
  tracing: boolean;
  cloudTrail: boolean;
  archive: boolean;
  dailyReport: boolean;
  budget: boolean;
}

/** Names of the features in use that would exceed an AWS limit, as "<what> name <name> is N characters; AWS allows M". */
export function nameProblems(prefix: string, on: NamedFeatures): string[] {
  const n = monitoringNames(prefix);
  const checks: [boolean, string, string, number][] = [
    [on.cloudTrail, "trail", n.trail, MONITORING_NAME_LIMITS.trail],
    [on.tracing, "X-Ray sampling rule", n.samplingRule, MONITORING_NAME_LIMITS.samplingRule],
    [on.dailyReport, "EventBridge rule", n.reportRule, MONITORING_NAME_LIMITS.eventRule],
    [on.archive, "Firehose stream", n.firehose, MONITORING_NAME_LIMITS.firehose],
    [on.budget, "budget", n.budget, MONITORING_NAME_LIMITS.budget],
    [true, "dashboard", n.dashboard, MONITORING_NAME_LIMITS.dashboard],
  ];
  return checks.filter(([used, , name, max]) => used && name.length > max).map(([, what, name, max]) => `${what} name ${name} is ${name.length} characters; AWS allows ${max}`);
}
