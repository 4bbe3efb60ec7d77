/**
 * Checks on the Monitoring component's arguments that AWS would otherwise reject mid-deployment,
 * or that would build an alarm that can never fire. Config validation runs the same checks with
 * full config keys; these protect direct callers. Pure.
 */
import { LOG_RETENTION_DAYS } from "../logs";
import { endpointProblems } from "./endpoints";
import type { MonitoringArgs } from "./monitoring";
import { nameProblems, namePrefix } from "./naming";
import { alarmConfigProblems } from "./settings";

const KEY = "platform:monitoring";
/** A service's name in platform:services: it becomes part of alarm names, which stay kebab-case. */
const SERVICE_KEY = /^[a-z]([a-z0-9-]*[a-z0-9])?$/;

const fmt = (p: { key: string; value: unknown; allowed: string }) => `${p.key}: got ${JSON.stringify(p.value)}; allowed: ${p.allowed}`;

function targetProblems(a: MonitoringArgs): string[] {
  const t = a.targets;
  const problems: string[] = [];
  if (t.database && !(t.database.maxConnections > 0)) problems.push(`targets.database.maxConnections: got ${t.database.maxConnections}; allowed: the instance's max_connections, above 0`);
  if (t.database && !(t.database.allocatedStorageGiB > 0)) problems.push(`targets.database.allocatedStorageGiB: got ${t.database.allocatedStorageGiB}; allowed: the allocated storage in GiB, above 0`);
  if (t.kafka && !t.kafka.brokerIds.every((b) => Number.isInteger(b) && b >= 1)) problems.push(`targets.kafka.brokerIds: got ${JSON.stringify(t.kafka.brokerIds)}; allowed: MSK broker numbers, integers from 1`);
  const badServiceKeys = Object.keys(t.ecs?.serviceNames ?? {}).filter((k) => !SERVICE_KEY.test(k));
  if (badServiceKeys.length > 0) problems.push(`targets.ecs.serviceNames: got keys ${JSON.stringify(badServiceKeys)}; allowed: service names of platform:services, lowercase DNS labels (they name the service's alarms)`);
  if (a.cloudTrail && !t.buckets?.logsBucket) problems.push(`${KEY}.cloudTrail.enabled: got true; allowed: true only with the storage tier's log bucket in targets.buckets.logsBucket`);
  if (a.cloudTrail?.documentDataEvents && !t.buckets?.documentsBucketArn) problems.push(`${KEY}.cloudTrail.documentDataEvents: got true; allowed: true only with targets.buckets.documentsBucketArn`);
  if (a.logs.archive && !t.buckets?.logsBucket) problems.push(`${KEY}.logs.archiveToS3: got true; allowed: true only with the storage tier's log bucket in targets.buckets.logsBucket`);
  return problems;
}

/** Every problem, each naming the config key it comes from. */
export function monitoringArgProblems(a: MonitoringArgs): string[] {
  const prefix = namePrefix(a.system, a.stack);
  const problems = [
    ...alarmConfigProblems(a.alarms, `${KEY}.alarms`).map(fmt),
    ...endpointProblems(a.notifications.critical, `${KEY}.notifications.critical`).map(fmt),
    ...endpointProblems(a.notifications.warning, `${KEY}.notifications.warning`).map(fmt),
    ...nameProblems(prefix, { tracing: a.tracing !== undefined, cloudTrail: a.cloudTrail !== undefined, archive: a.logs.archive, dailyReport: a.dailyReport !== undefined, budget: a.budget !== undefined })
      .map((p) => `platform:name / stack: ${p}`),
    ...targetProblems(a),
  ];
  if (!(LOG_RETENTION_DAYS as readonly number[]).includes(a.logs.retentionDays)) {
    problems.push(`platform:logging.retentionDays: got ${a.logs.retentionDays}; allowed: one of ${LOG_RETENTION_DAYS.join(", ")}`);
  }
  if (a.tracing && !(a.tracing.samplingRate >= 0 && a.tracing.samplingRate <= 1)) problems.push(`${KEY}.tracing.samplingRate: got ${a.tracing.samplingRate}; allowed: a fraction from 0 to 1`);
  if (a.budget && !(a.budget.monthlyLimitUsd > 0)) problems.push(`${KEY}.budget.monthlyLimitUsd: got ${a.budget.monthlyLimitUsd}; allowed: USD above 0`);
  return problems;
}
