import type { PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

/** MSK always encrypts at rest; without a key ARN it uses the AWS-managed key. */
export const requireEncryptionAtRest: PackResourcePolicy = {
  name: "msk-require-encryption-at-rest",
  resourceTypes: [T.mskCluster],
  description: "MSK clusters encrypt broker storage with a customer-managed KMS key.",
  severity: "high",
  remediationSteps: "Set encryptionInfo.encryptionAtRestKmsKeyArn to the platform's data key on the aws.msk.Cluster (only possible at creation).",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== T.mskCluster) return;
    if (!args.props.encryptionInfo?.encryptionAtRestKmsKeyArn) {
      reportViolation("MSK cluster storage is encrypted with the AWS-managed key; set encryptionInfo.encryptionAtRestKmsKeyArn to a customer-managed KMS key.");
    }
  },
};
