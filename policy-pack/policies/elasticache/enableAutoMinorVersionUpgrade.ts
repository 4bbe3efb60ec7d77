import { fsbp, type PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";
import { known } from "../../lib/unknowns";

/**
 * ElastiCache.2: Redis OSS and Valkey caches apply minor engine versions (security fixes) in their
 * maintenance window. A replication group's member clusters (replicationGroupId set) take the
 * group's setting and are not checked on their own; serverless caches are always kept current by
 * AWS and have no setting.
 * https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html#elasticache-2
 */
export const enableAutoMinorVersionUpgrade: PackResourcePolicy = {
  name: "elasticache-enable-auto-minor-version-upgrade",
  resourceTypes: [T.replicationGroup, T.cacheCluster],
  description: "ElastiCache replication groups and standalone Redis OSS or Valkey clusters take minor engine versions (security fixes) automatically in their maintenance window.",
  severity: "high",
  framework: fsbp("ElastiCache.2"),
  remediationSteps: "Leave autoMinorVersionUpgrade unset or set it to true on the aws.elasticache.ReplicationGroup (or on a standalone aws.elasticache.Cluster).",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== T.replicationGroup && args.type !== T.cacheCluster) return;
    if (args.type === T.cacheCluster && (known(args.props, "replicationGroupId") || known(args.props, "engine") === "memcached")) return;
    // The group takes a boolean, the cluster a "true"/"false" string (provider schema); unknown during preview is undecided.
    const setting = known(args.props, "autoMinorVersionUpgrade");
    if (setting === false || setting === "false") {
      const kind = args.type === T.replicationGroup ? "Replication group" : "Cache cluster";
      reportViolation(`${kind} has automatic minor version upgrades off, so engine security fixes wait for a manual upgrade; set autoMinorVersionUpgrade to true.`);
    }
  },
};
