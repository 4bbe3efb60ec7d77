import { type PackResourcePolicy, fsbp } from "../../lib/metadata";
import { T } from "../../lib/types";

export const requireTrailEncryption: PackResourcePolicy = {
  name: "cloudtrail-require-trail-encryption",
  resourceTypes: [T.trail],
  description: "CloudTrail log files are encrypted with a customer-managed KMS key (SSE-KMS), so reading the audit log is a separate, deliberate grant.",
  severity: "high",
  remediationSteps: "Set kmsKeyId on the aws.cloudtrail.Trail to a key whose policy lets cloudtrail.amazonaws.com use kms:GenerateDataKey* for this trail.",
  enforcementLevel: "mandatory",
  framework: fsbp("CloudTrail.2"),
  validateResource: (args, reportViolation) => {
    if (args.type !== T.trail) return;
    if (!args.props.kmsKeyId) reportViolation("Trail has no kmsKeyId, so its log files are only SSE-S3 encrypted; set it to a customer-managed KMS key.");
  },
};
