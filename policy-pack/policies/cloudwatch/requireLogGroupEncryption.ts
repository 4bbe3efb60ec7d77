import type { PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

export const requireLogGroupEncryption: PackResourcePolicy = {
  name: "cloudwatch-require-log-group-encryption",
  resourceTypes: [T.logGroup],
  description: "CloudWatch log groups are encrypted with a customer-managed KMS key, because logs can carry patient identifiers.",
  severity: "high",
  remediationSteps: "Set kmsKeyId on the aws.cloudwatch.LogGroup to the platform's logs key; its key policy must allow logs.<region>.amazonaws.com.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== T.logGroup) return;
    if (!args.props.kmsKeyId) {
      reportViolation("Log group has no kmsKeyId; set it to a customer-managed KMS key so log data is encrypted with a key you control.");
    }
  },
};
