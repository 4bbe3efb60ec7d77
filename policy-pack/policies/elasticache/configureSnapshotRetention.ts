import { fsbp, type PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

export interface SnapshotRetentionConfig {
  /** Fewest days of automatic snapshots a replication group may keep. */
  minRetentionDays: number;
}

export const configureSnapshotRetention: PackResourcePolicy = {
  name: "elasticache-configure-snapshot-retention",
  resourceTypes: [T.replicationGroup],
  description: "ElastiCache replication groups take daily automatic snapshots and keep them at least the configured number of days.",
  severity: "high",
  framework: fsbp("ElastiCache.1"),
  remediationSteps: "Set snapshotRetentionLimit on the aws.elasticache.ReplicationGroup to at least minRetentionDays (platform config: cache.snapshotRetentionDays).",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: { minRetentionDays: { type: "integer", minimum: 1, maximum: 35, default: 1, description: "Fewest days of automatic snapshots." } },
  },
  validateResource: (args, reportViolation) => {
    if (args.type !== T.replicationGroup) return;
    const { minRetentionDays } = args.getConfig<SnapshotRetentionConfig>();
    const days = args.props.snapshotRetentionLimit ?? 0;
    if (days < minRetentionDays) {
      reportViolation(`Replication group keeps ${days} days of snapshots; set snapshotRetentionLimit to at least ${minRetentionDays}.`);
    }
  },
};
