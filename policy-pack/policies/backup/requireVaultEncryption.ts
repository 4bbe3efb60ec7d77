import { AWS_MANAGED } from "../../lib/kmsKeys";
import { fsbp, type PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

export const requireVaultEncryption: PackResourcePolicy = {
  name: "backup-require-vault-encryption",
  resourceTypes: [T.backupVault],
  description: "AWS Backup vaults encrypt recovery points with a customer-managed KMS key, so database and file-system backups are under the same key control as the data.",
  severity: "high",
  framework: fsbp("Backup.1"),
  remediationSteps: "Set kmsKeyArn on the aws.backup.Vault to the platform's data key (in a second region, that region's key). The key of a vault cannot change after creation.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== T.backupVault) return;
    const key = args.props.kmsKeyArn;
    if (!key) {
      reportViolation("Backup vault has no kmsKeyArn and falls back to the AWS-managed key; set it to a customer-managed KMS key.");
    } else if (typeof key === "string" && AWS_MANAGED.test(key)) {
      // Naming the AWS-managed key (alias/aws/backup, bare or as an alias ARN) is no better than leaving kmsKeyArn unset.
      // https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#aws-managed-key
      reportViolation(`Backup vault names the AWS-managed key ${key}; set kmsKeyArn to a customer-managed KMS key.`);
    }
  },
};
