import { fsbp, type PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

export const requireEncryptionAtRest: PackResourcePolicy = {
  name: "elasticache-require-encryption-at-rest",
  resourceTypes: [T.replicationGroup],
  description: "ElastiCache replication groups encrypt data on disk (snapshots, swap) with a customer-managed KMS key.",
  severity: "high",
  framework: fsbp("ElastiCache.4"),
  remediationSteps: "Set atRestEncryptionEnabled: true and kmsKeyId to the platform's data key on the aws.elasticache.ReplicationGroup (only possible at creation).",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== T.replicationGroup) return;
    if (args.props.atRestEncryptionEnabled !== true) {
      reportViolation("Replication group is not encrypted at rest; set atRestEncryptionEnabled: true with a customer-managed kmsKeyId.");
    } else if (!args.props.kmsKeyId) {
      reportViolation("Replication group is encrypted at rest with the AWS-managed key; set kmsKeyId to a customer-managed KMS key.");
    }
  },
};
