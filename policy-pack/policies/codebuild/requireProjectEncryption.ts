import { fsbp, type PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

/** A customer-managed key by ARN; CodeBuild's default is the AWS managed aws/s3 key. */
const CMK_ARN = /^arn:aws[\w-]*:kms:[a-z0-9-]+:\d{12}:key\/[0-9a-f-]+$/;

/**
 * What a CodeBuild project stores (artifacts, cache, S3 logs) is encrypted with a customer-managed
 * key, and nothing turns encryption off: S3 logs (FSBP CodeBuild.3) and artifacts both have an
 * encryptionDisabled switch. https://docs.aws.amazon.com/securityhub/latest/userguide/codebuild-controls.html#codebuild-3
 */
export const requireProjectEncryption: PackResourcePolicy = {
  name: "codebuild-require-project-encryption",
  resourceTypes: [T.codebuildProject],
  description: "CodeBuild projects encrypt what they store with a customer-managed KMS key and never disable encryption of S3 logs or artifacts.",
  severity: "high",
  framework: fsbp("CodeBuild.3"),
  remediationSteps: "Set encryptionKey on the aws.codebuild.Project to a customer-managed KMS key ARN, and remove encryptionDisabled: true from logsConfig.s3Logs, artifacts and secondaryArtifacts.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== T.codebuildProject) return;
    const p = args.props;
    const disabled = [
      ...(p.logsConfig?.s3Logs?.encryptionDisabled === true ? ["logsConfig.s3Logs"] : []),
      ...(p.artifacts?.encryptionDisabled === true ? ["artifacts"] : []),
      ...((p.secondaryArtifacts ?? []) as Array<{ encryptionDisabled?: boolean; artifactIdentifier?: string }>)
        .filter((a) => a.encryptionDisabled === true).map((a) => `secondaryArtifacts ${a.artifactIdentifier ?? ""}`.trim()),
    ];
    if (disabled.length > 0) reportViolation(`CodeBuild project stores ${disabled.join(", ")} unencrypted; remove encryptionDisabled: true.`);
    // Last: a key created in the same update is unknown during preview, and reading it ends the check there.
    const key = p.encryptionKey;
    if (typeof key !== "string" || !CMK_ARN.test(key)) {
      reportViolation(`CodeBuild project encrypts with ${key ? `"${key}", not a customer-managed key ARN` : "the AWS managed key"}; set encryptionKey to a customer-managed KMS key ARN.`);
    }
  },
};
