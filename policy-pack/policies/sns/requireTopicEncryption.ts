import type { PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

/** The AWS-managed SNS key: its policy cannot be edited, so AWS services cannot publish through it. */
const AWS_MANAGED = /(^|:)alias\/aws\/sns$/;

export const requireTopicEncryption: PackResourcePolicy = {
  name: "sns-require-topic-encryption",
  resourceTypes: [T.snsTopic],
  description:
    "SNS topics are encrypted at rest with a customer-managed KMS key (Security Hub SNS.1, a NIST 800-53 control; not part of FSBP). " +
    "The AWS-managed alias/aws/sns is rejected too: CloudWatch, EventBridge and Budgets cannot use it, so their notifications would be dropped.",
  severity: "medium",
  remediationSteps: "Set kmsMasterKeyId on the aws.sns.Topic to a customer-managed key whose policy lets the publishing services use kms:GenerateDataKey* and kms:Decrypt.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== T.snsTopic) return;
    const key = args.props.kmsMasterKeyId;
    if (!key) {
      reportViolation("SNS topic has no kmsMasterKeyId; set it to a customer-managed KMS key so messages are encrypted at rest.");
    } else if (typeof key === "string" && AWS_MANAGED.test(key)) {
      reportViolation("SNS topic is encrypted with the AWS-managed alias/aws/sns, which alarms and budgets cannot publish through; use a customer-managed KMS key.");
    }
  },
};
