/**
 * The Monitoring component's arguments with their defaults filled in, and the checks on them that
 * AWS would otherwise reject mid-deployment, or that would build an alarm that can never fire.
 * Each problem names the Args field; the platform's config validation runs the same checks on its
 * stack keys (stacks/config/sections/monitoring.ts). Pure.
 */
import { withDefaults } from "../defaults";
import { throwIfProblems } from "../errors";
import { DEFAULT_LOG_RETENTION_DAYS, retentionProblem } from "../logs";
import { endpointProblems } from "./endpoints";
import type { MonitoringArgs } from "./monitoring";
import { nameProblems, namePrefix } from "./naming";
import { MONITORING_DEFAULTS, MONITORING_KEY_DEFAULTS, MonitoringSettings } from "./presets";
import { alarmConfigProblems } from "./settings";
import type { MonitoringTargets } from "./targets";

/** A service's name: it becomes part of alarm names, which stay kebab-case. */
const SERVICE_KEY = /^[a-z]([a-z0-9-]*[a-z0-9])?$/;
/** An application namespace: it names a log group and a subscription filter. */
const DNS_LABEL = /^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/;
/** EventBridge schedule expressions. https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html */
const SCHEDULE = /^(cron\([^)]+\)|rate\(\d+ (minute|minutes|hour|hours|day|days)\))$/;

const fmt = (p: { key: string; value: unknown; allowed: string }) => `${p.key}: got ${JSON.stringify(p.value)}; allowed: ${p.allowed}`;

/** Monitoring's arguments with every default filled in. */
export interface ResolvedMonitoring extends MonitoringSettings {
  system: string;
  stack: string;
  logRetentionDays: number;
  budgetCostAllocationTags: Record<string, string>;
  keys: { deletionWindowDays: number; protect: boolean };
}

function targetProblems(r: ResolvedMonitoring, t: MonitoringTargets): string[] {
  const problems: string[] = [];
  if (t.database && !(t.database.maxConnections > 0)) problems.push(`targets.database.maxConnections: got ${t.database.maxConnections}; allowed: the instance's max_connections, above 0`);
  if (t.database && !(t.database.allocatedStorageGiB > 0)) problems.push(`targets.database.allocatedStorageGiB: got ${t.database.allocatedStorageGiB}; allowed: the allocated storage in GiB, above 0`);
  if (t.kafka && !t.kafka.brokerIds.every((b) => Number.isInteger(b) && b >= 1)) problems.push(`targets.kafka.brokerIds: got ${JSON.stringify(t.kafka.brokerIds)}; allowed: MSK broker numbers, integers from 1`);
  const badServiceKeys = Object.keys(t.ecs?.serviceNames ?? {}).filter((k) => !SERVICE_KEY.test(k));
  if (badServiceKeys.length > 0) problems.push(`targets.ecs.serviceNames: got keys ${JSON.stringify(badServiceKeys)}; allowed: service names that are lowercase DNS labels (they name the service's alarms)`);
  const bucket = "a log bucket whose policy admits CloudTrail and Firehose in targets.buckets.logsBucket";
  if (r.cloudTrail.enabled && !t.buckets?.logsBucket) problems.push(`cloudTrail.enabled: got true; allowed: true only with ${bucket}, or false where an organization trail records the account`);
  if (r.logs.archiveToS3 && !t.buckets?.logsBucket) problems.push(`logs.archiveToS3: got true; allowed: true only with ${bucket}`);
  return problems;
}

function settingProblems(r: ResolvedMonitoring): string[] {
  const problems: string[] = [];
  if (!(r.tracing.samplingRate >= 0 && r.tracing.samplingRate <= 1)) problems.push(`tracing.samplingRate: got ${r.tracing.samplingRate}; allowed: a fraction from 0 to 1`);
  for (const field of ["monthlyLimitUsd", "actualPercent", "forecastPercent"] as const) {
    if (r.budget.enabled && !(r.budget[field] > 0)) problems.push(`budget.${field}: got ${r.budget[field]}; allowed: ${field === "monthlyLimitUsd" ? "USD" : "a percentage"} above 0`);
  }
  if (r.dailyReport.enabled && !SCHEDULE.test(r.dailyReport.scheduleExpression)) {
    problems.push(`dailyReport.scheduleExpression: got ${JSON.stringify(r.dailyReport.scheduleExpression)}; allowed: an EventBridge cron(...) or rate(...) expression`);
  }
  r.logs.namespaces.forEach((ns, i) => {
    if (!DNS_LABEL.test(ns)) problems.push(`logs.namespaces[${i}]: got ${JSON.stringify(ns)}; allowed: a lowercase DNS label`);
    else if (r.logs.namespaces.indexOf(ns) !== i) problems.push(`logs.namespaces[${i}]: got ${JSON.stringify(ns)}; allowed: a namespace not already listed`);
  });
  const days = r.keys.deletionWindowDays;
  if (!Number.isInteger(days) || days < 7 || days > 30) problems.push(`keys.deletionWindowDays: got ${days}; allowed: an integer from 7 to 30 (KMS)`);
  return problems;
}

/** Every problem with the resolved arguments, each naming its Args field. */
export function checkMonitoringArgs(r: ResolvedMonitoring, targets: MonitoringTargets): string[] {
  const prefix = namePrefix(r.system, r.stack);
  const named = {
    tracing: r.tracing.enabled, cloudTrail: r.cloudTrail.enabled, archive: r.logs.archiveToS3, dailyReport: r.dailyReport.enabled, budget: r.budget.enabled,
  };
  return [
    ...alarmConfigProblems(r.alarms, "alarms").map(fmt),
    ...endpointProblems(r.notifications.critical, "notifications.critical").map(fmt),
    ...endpointProblems(r.notifications.warning, "notifications.warning").map(fmt),
    ...nameProblems(prefix, named).map((p) => `system / stack: ${p}`),
    ...targetProblems(r, targets),
    ...[retentionProblem("logRetentionDays", r.logRetentionDays)].filter((p): p is string => p !== undefined),
    ...settingProblems(r),
  ];
}

/**
 * Monitoring's arguments with MONITORING_DEFAULTS (the prod preset) for the settings its caller left
 * out, the component's `name` for system and the Pulumi `stack`, 90 days of logs, the whole
 * account's spend for the budget and MONITORING_KEY_DEFAULTS for its keys. Throws once, naming the
 * component and every problem.
 */
export function resolveMonitoringArgs(name: string, args: MonitoringArgs, stack: string): ResolvedMonitoring {
  const resolved: ResolvedMonitoring = {
    ...withDefaults(MONITORING_DEFAULTS, args),
    system: args.system ?? name,
    stack: args.stack ?? stack,
    logRetentionDays: args.logRetentionDays ?? DEFAULT_LOG_RETENTION_DAYS,
    budgetCostAllocationTags: args.budgetCostAllocationTags ?? {},
    keys: args.keys ?? { ...MONITORING_KEY_DEFAULTS },
  };
  const problems = checkMonitoringArgs(resolved, args.targets);
  throwIfProblems(name, problems);
  return resolved;
}
