/**
 * Values CloudWatch Logs accepts, shared by every tier that creates a log group.
 */

/**
 * CloudWatch Logs retention values, in days.
 * https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html
 */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;
export type LogRetentionDays = (typeof LOG_RETENTION_DAYS)[number];

/**
 * Days a component keeps its operational log groups when its caller names no retention: 90, the
 * least the policy pack accepts in prod (cloudwatch-configure-log-group-retention, prod.json), so a
 * log group is never kept forever by accident nor lost within a quarter.
 */
export const DEFAULT_LOG_RETENTION_DAYS: LogRetentionDays = 90;

/** The problem with a retention CloudWatch Logs does not accept, or undefined. */
export function retentionProblem(field: string, days: number): string | undefined {
  if ((LOG_RETENTION_DAYS as readonly number[]).includes(days)) return undefined;
  return `${field}: got ${days}; allowed: one of ${LOG_RETENTION_DAYS.join(", ")}`;
}
