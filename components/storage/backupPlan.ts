/**
 * AWS Backup plan rules. Pure; no Pulumi imports.
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/creating-a-backup-plan.html
 */

export interface BackupRetention {
  /** Days a daily recovery point is kept. */
  dailyRetentionDays: number;
  /** Days a monthly recovery point is kept. */
  monthlyRetentionDays: number;
}

/** 05:00 UTC, after the reference system's nightly batch and before the working day. */
export const DAILY_SCHEDULE = "cron(0 5 ? * * *)";
/** The first of each month, same hour. */
export const MONTHLY_SCHEDULE = "cron(0 5 1 * ? *)";

/**
 * The daily and monthly rules, each copied to `copyVaultArn` (a vault in the second region) with the
 * same retention when one is given. `N` and `A` are however the caller holds the vault name and ARN.
 */
export function backupRules<N, A>(vaultName: N, retention: BackupRetention, copyVaultArn?: A) {
  const rule = (ruleName: string, schedule: string, deleteAfter: number) => ({
    ruleName,
    schedule,
    targetVaultName: vaultName,
    // AWS Backup's defaults, stated: start within an hour, finish within a day.
    startWindow: 60,
    completionWindow: 1440,
    lifecycle: { deleteAfter },
    ...(copyVaultArn ? { copyActions: [{ destinationVaultArn: copyVaultArn, lifecycle: { deleteAfter } }] } : {}),
  });
  return [
    rule("daily", DAILY_SCHEDULE, retention.dailyRetentionDays),
    rule("monthly", MONTHLY_SCHEDULE, retention.monthlyRetentionDays),
  ];
}
