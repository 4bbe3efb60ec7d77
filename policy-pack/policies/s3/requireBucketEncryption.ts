import { accessLogTargets, bucketName, buckets, settingsOf } from "../../lib/buckets";
import type { PackStackPolicy } from "../../lib/metadata";
import { resolveKey } from "../../lib/kmsKeys";
import { T } from "../../lib/types";
import { read } from "../../lib/unknowns";

const KMS = new Set(["aws:kms", "aws:kms:dsse"]);

export const requireBucketEncryption: PackStackPolicy = {
  name: "s3-require-bucket-encryption",
  resourceTypes: [T.bucket, T.bucketEncryption, T.bucketLogging, T.kmsKey, T.kmsAlias],
  description:
    "S3 buckets encrypt by default with a customer-managed KMS key and an S3 Bucket Key (Security Hub S3.17). " +
    "One exemption: the log bucket (tagged Purpose=logs and the target of server access logging) uses SSE-S3, " +
    "because S3 server access logs and ALB access logs cannot be delivered to a bucket whose default encryption is SSE-KMS.",
  severity: "high",
  remediationSteps:
    "Give the aws.s3.BucketServerSideEncryptionConfiguration one rule with applyServerSideEncryptionByDefault " +
    "{ sseAlgorithm: \"aws:kms\", kmsMasterKeyId: <data key ARN> } and bucketKeyEnabled: true; for the log bucket use sseAlgorithm \"AES256\".",
  enforcementLevel: "mandatory",
  validateStack: (args, reportViolation) => {
    const logTargets = new Set(accessLogTargets(args.resources).map((b) => b.urn));
    for (const b of buckets(args.resources)) {
      for (const sse of settingsOf(args.resources, T.bucketEncryption, b)) {
        for (const rule of (sse.props.rules ?? []) as any[]) {
          const byDefault = rule.applyServerSideEncryptionByDefault ?? {};
          if (logTargets.has(b.urn)) {
            if (byDefault.sseAlgorithm !== "AES256") {
              reportViolation(`Log bucket ${bucketName(b)} uses ${byDefault.sseAlgorithm ?? "no"} default encryption; S3 and ALB log delivery require SSE-S3 (sseAlgorithm "AES256").`, sse.urn);
            }
            continue;
          }
          // During preview the key ARN is unknown; the rules' dependency on a KMS key of the stack still names it.
          const key = resolveKey(args.resources, sse, "rules", read(byDefault, "kmsMasterKeyId"));
          if (key.kind === "unknown") void byDefault.kmsMasterKeyId;
          const customerManaged = key.kind === "stack" || key.kind === "external";
          if (!KMS.has(byDefault.sseAlgorithm) || !customerManaged) {
            const keyText = customerManaged ? "" : key.kind === "aws-managed" && key.id ? ` and the AWS-managed key ${key.id}` : " and no KMS key";
            reportViolation(`Bucket ${bucketName(b)} is encrypted with ${byDefault.sseAlgorithm ?? "no algorithm"}${keyText}; expected sseAlgorithm "aws:kms" with a customer-managed kmsMasterKeyId.`, sse.urn);
          } else if (rule.bucketKeyEnabled !== true) {
            reportViolation(`Bucket ${bucketName(b)} uses SSE-KMS without an S3 Bucket Key; set bucketKeyEnabled: true to cut KMS requests per object.`, sse.urn);
          }
        }
      }
    }
  },
};
