import { fsbp, type PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";
import { read } from "../../lib/unknowns";

export const requireAuth: PackResourcePolicy = {
  name: "elasticache-require-auth",
  resourceTypes: [T.replicationGroup],
  description: "ElastiCache replication groups authenticate clients, with an AUTH token or RBAC user groups.",
  severity: "high",
  framework: fsbp("ElastiCache.6"),
  remediationSteps: "Set authToken (from a generated secret kept in Secrets Manager) or userGroupIds on the aws.elasticache.ReplicationGroup; both need transit encryption.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== T.replicationGroup) return;
    const groups: unknown[] = args.props.userGroupIds ?? [];
    // A token from a generated secret is unknown during preview, and unknown is still a token.
    const token = read(args.props, "authToken");
    if (!token.unknown && !token.value && groups.length === 0) {
      reportViolation("Replication group lets any client in the network run commands; set an authToken or userGroupIds.");
    }
  },
};
