import type { PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

/**
 * RabbitMQ brokers are exempt, and the exemption is not a gap in this pack: Amazon MQ for RabbitMQ
 * encrypts at rest only with an AWS-owned key and accepts no customer-managed key (EncryptionOptions
 * "does not apply to RabbitMQ brokers").
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-amazonmq-broker-encryptionoptions.html
 */
export const requireCustomerManagedKey: PackResourcePolicy = {
  name: "mq-require-customer-managed-key",
  resourceTypes: [T.mqBroker],
  description: "ActiveMQ brokers encrypt at rest with a customer-managed KMS key. RabbitMQ brokers are exempt: Amazon MQ offers them only an AWS-owned key.",
  severity: "high",
  remediationSteps: "On an ActiveMQ aws.mq.Broker set encryptionOptions: { useAwsOwnedKey: false, kmsKeyId: <data key> } (only possible at creation).",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== T.mqBroker || args.props.engineType === "RabbitMQ") return;
    const enc = args.props.encryptionOptions ?? {};
    if (enc.useAwsOwnedKey !== false || !enc.kmsKeyId) {
      reportViolation("ActiveMQ broker is encrypted with an AWS-owned key; set encryptionOptions.useAwsOwnedKey: false and kmsKeyId to a customer-managed KMS key.");
    }
  },
};
