import { fsbp, type PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

export const enableAutomaticFailover: PackResourcePolicy = {
  name: "elasticache-enable-automatic-failover",
  resourceTypes: [T.replicationGroup],
  description: "ElastiCache replication groups fail over automatically to a replica in another AZ (automatic failover and Multi-AZ on).",
  severity: "high",
  framework: fsbp("ElastiCache.3"),
  remediationSteps: "Give every shard at least one replica and set automaticFailoverEnabled: true and multiAzEnabled: true (platform config: cache.automaticFailover, cache.multiAz).",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== T.replicationGroup) return;
    if (args.props.automaticFailoverEnabled !== true) {
      reportViolation("Replication group does not fail over when its primary fails; set automaticFailoverEnabled: true with a replica per shard.");
    } else if (args.props.multiAzEnabled !== true) {
      reportViolation("Replication group may keep its replicas in the primary's AZ; set multiAzEnabled: true.");
    }
  },
};
