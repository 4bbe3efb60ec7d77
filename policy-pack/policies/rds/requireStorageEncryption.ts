import { fsbp, type PackResourcePolicy } from "../../lib/metadata";
import { isReadReplica } from "../../lib/rds";
import { T } from "../../lib/types";

/**
 * A same-Region read replica inherits its source's KMS key, and RDS rejects a key for it
 * (CreateDBInstanceReadReplica, KmsKeyId), so only a source instance must name its key.
 */
export const requireStorageEncryption: PackResourcePolicy = {
  name: "rds-require-storage-encryption",
  resourceTypes: [T.rdsInstance],
  description: "RDS DB instances encrypt storage, snapshots and replicas at rest with a customer-managed KMS key.",
  severity: "high",
  framework: fsbp("RDS.3"),
  remediationSteps: "Set storageEncrypted: true and kmsKeyId to the platform's data key on the aws.rds.Instance (a replica inherits the source's key). Encryption cannot be added later: restore an encrypted snapshot copy.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== T.rdsInstance) return;
    if (args.props.storageEncrypted !== true) {
      reportViolation("DB instance storage is not encrypted; set storageEncrypted: true with a customer-managed kmsKeyId.");
    } else if (!isReadReplica(args.props) && !args.props.kmsKeyId) {
      reportViolation("DB instance is encrypted with the AWS-managed key; set kmsKeyId to a customer-managed KMS key.");
    }
  },
};
