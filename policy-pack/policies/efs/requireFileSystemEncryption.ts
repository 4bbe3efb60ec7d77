import { fsbp, type PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

export const requireFileSystemEncryption: PackResourcePolicy = {
  name: "efs-require-file-system-encryption",
  resourceTypes: [T.efsFileSystem],
  description: "EFS file systems are encrypted at rest with a customer-managed KMS key. Encryption can only be chosen when a file system is created.",
  severity: "high",
  framework: fsbp("EFS.1"),
  remediationSteps: "Set encrypted: true and kmsKeyId to the platform's data key on the aws.efs.FileSystem (this replaces an existing file system).",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== T.efsFileSystem) return;
    if (args.props.encrypted !== true || !args.props.kmsKeyId) {
      reportViolation(`File system is ${args.props.encrypted === true ? "encrypted with the AWS-managed key" : "not encrypted"}; set encrypted: true and kmsKeyId to a customer-managed KMS key.`);
    }
  },
};
