/**
 * Values CloudWatch Logs accepts, and the retention classes every tier's log groups draw from.
 */
import type { Profile } from "./profiles";

/**
 * CloudWatch Logs retention values, in days.
 * https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html
 */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;
export type LogRetentionDays = (typeof LOG_RETENTION_DAYS)[number];

/** Retention classes, in days; each one of LOG_RETENTION_DAYS. */
export interface LoggingSettings {
  /**
   * Days operational logs are kept: application, database, cache and broker logs.
   * @default 90 (the policy pack's prod minimum, cloudwatch-configure-log-group-retention)
   */
  retentionDays: LogRetentionDays;
  /**
   * Days audit logs are kept: VPC flow logs, the cluster's control-plane audit.
   * @default 400 (over a year, for a yearly audit cycle)
   */
  auditRetentionDays: LogRetentionDays;
}

/** dev keeps a week; prod keeps audit logs over a year, for a yearly audit cycle. */
export const LOGGING_PRESETS: Record<Profile, LoggingSettings> = {
  dev: { retentionDays: 7, auditRetentionDays: 7 },
  staging: { retentionDays: 30, auditRetentionDays: 90 },
  prod: { retentionDays: 90, auditRetentionDays: 400 },
};

/** What a component uses when it is given no retention: the prod preset. */
export const LOGGING_DEFAULTS: LoggingSettings = LOGGING_PRESETS.prod;

/**
 * Days a component keeps its operational log groups when its caller names no retention: 90, the
 * least the policy pack accepts in prod (cloudwatch-configure-log-group-retention, prod.json), so a
 * log group is never kept forever by accident nor lost within a quarter.
 */
export const DEFAULT_LOG_RETENTION_DAYS: LogRetentionDays = LOGGING_DEFAULTS.retentionDays;

/** True for a retention CloudWatch Logs accepts. */
export const isLogRetention = (days: number): days is LogRetentionDays => (LOG_RETENTION_DAYS as readonly number[]).includes(days);

/** What a retention must be, as problems say it. */
export const LOG_RETENTION_RULE = `one of ${LOG_RETENTION_DAYS.join(", ")}`;

/** The problem with a retention CloudWatch Logs does not accept, or undefined. */
export function retentionProblem(field: string, days: number): string | undefined {
  return isLogRetention(days) ? undefined : `${field}: got ${days}; allowed: ${LOG_RETENTION_RULE}`;
}
