import { bucketName, buckets, settingsOf } from "../../lib/buckets";
import type { PackStackPolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

export const requireBucketGuardrails: PackStackPolicy = {
  name: "s3-require-bucket-guardrails",
  resourceTypes: [T.bucket, T.bucketPublicAccessBlock, T.bucketEncryption],
  description: "Every S3 bucket in the stack has a public access block and a default-encryption configuration of its own, so no bucket relies on account defaults.",
  severity: "high",
  remediationSteps: "Create an aws.s3.BucketPublicAccessBlock and an aws.s3.BucketServerSideEncryptionConfiguration whose bucket is the bucket's id.",
  enforcementLevel: "mandatory",
  validateStack: (args, reportViolation) => {
    for (const b of buckets(args.resources)) {
      const missing = [
        settingsOf(args.resources, T.bucketPublicAccessBlock, b).length === 0 ? "a public access block" : "",
        settingsOf(args.resources, T.bucketEncryption, b).length === 0 ? "an encryption configuration" : "",
      ].filter(Boolean);
      if (missing.length > 0) {
        reportViolation(`Bucket ${bucketName(b)} lacks ${missing.join(" and ")}; add the aws.s3 resource for each, naming this bucket.`, b.urn);
      }
    }
  },
};
