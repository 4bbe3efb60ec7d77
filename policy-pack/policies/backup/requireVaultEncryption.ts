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
    if (!args.props.kmsKeyArn) {
      reportViolation("Backup vault has no kmsKeyArn and falls back to the AWS-managed key; set it to a customer-managed KMS key.");
    }
  },
};
