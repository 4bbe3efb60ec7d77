import { fsbp, type PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

/** "preferred" accepts plaintext clients too; only "required" refuses them. */
export const requireEncryptionInTransit: PackResourcePolicy = {
  name: "elasticache-require-encryption-in-transit",
  resourceTypes: [T.replicationGroup],
  description: "ElastiCache replication groups require TLS from every client and between nodes.",
  severity: "high",
  framework: fsbp("ElastiCache.5"),
  remediationSteps: "Set transitEncryptionEnabled: true and transitEncryptionMode: \"required\" on the aws.elasticache.ReplicationGroup.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== T.replicationGroup) return;
    if (args.props.transitEncryptionEnabled !== true) {
      reportViolation("Replication group accepts unencrypted connections; set transitEncryptionEnabled: true.");
    } else if (args.props.transitEncryptionMode === "preferred") {
      reportViolation("Replication group still accepts plaintext clients (transitEncryptionMode preferred); set transitEncryptionMode: \"required\".");
    }
  },
};
