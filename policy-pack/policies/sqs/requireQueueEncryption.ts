import { fsbp, type PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";
import { read } from "../../lib/unknowns";

/**
 * SQS.1: queues encrypt messages at rest, with SQS-managed keys (SSE-SQS) or a KMS key (SSE-KMS).
 * New queues get SSE-SQS unless it is turned off, so only an explicit `sqsManagedSseEnabled:
 * false` without a kmsMasterKeyId leaves a queue unencrypted.
 * https://docs.aws.amazon.com/securityhub/latest/userguide/sqs-controls.html#sqs-1
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html
 */
export const requireQueueEncryption: PackResourcePolicy = {
  name: "sqs-require-queue-encryption",
  resourceTypes: [T.sqsQueue],
  description: "SQS queues encrypt messages at rest, with SQS-managed keys (the default for new queues) or a KMS key.",
  severity: "medium",
  framework: fsbp("SQS.1"),
  remediationSteps: "Leave sqsManagedSseEnabled on (its default) or set kmsMasterKeyId on the aws.sqs.Queue to a KMS key whose policy lets the senders use it.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== T.sqsQueue) return;
    const key = read(args.props, "kmsMasterKeyId");
    const managed = read(args.props, "sqsManagedSseEnabled");
    if (key.unknown || managed.unknown || key.value) return;
    if (managed.value === false) {
      reportViolation("SQS queue stores messages unencrypted (sqsManagedSseEnabled: false, no kmsMasterKeyId); turn sqsManagedSseEnabled back on or set kmsMasterKeyId.");
    }
  },
};
