import { fsbp, type PackResourcePolicy } from "../../lib/metadata";
import { isReadReplica } from "../../lib/rds";
import { T } from "../../lib/types";

export interface BackupRetentionConfig {
  /** Fewest days of automated backups a DB instance may keep. */
  minRetentionDays: number;
}

/**
 * Read replicas are exempt: RDS for PostgreSQL replicas take no automated backups, and the source's
 * backups hold the same data. https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ReadRepl.html
 */
export const configureBackupRetention: PackResourcePolicy = {
  name: "rds-configure-backup-retention",
  resourceTypes: [T.rdsInstance],
  description: "RDS DB instances keep automated backups (point-in-time recovery) for at least the configured number of days.",
  severity: "high",
  framework: fsbp("RDS.11"),
  remediationSteps: "Set backupRetentionPeriod on the aws.rds.Instance to at least minRetentionDays (platform config: database.backupRetentionDays).",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: { minRetentionDays: { type: "integer", minimum: 1, maximum: 35, default: 7, description: "Fewest days of automated backups." } },
  },
  validateResource: (args, reportViolation) => {
    if (args.type !== T.rdsInstance || isReadReplica(args.props)) return;
    const { minRetentionDays } = args.getConfig<BackupRetentionConfig>();
    const days = args.props.backupRetentionPeriod ?? 0;
    if (days < minRetentionDays) {
      reportViolation(`DB instance keeps ${days} days of automated backups; set backupRetentionPeriod to at least ${minRetentionDays}.`);
    }
  },
};
