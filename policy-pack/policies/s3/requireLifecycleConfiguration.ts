import { bucketName, buckets, lifecycleRules } from "../../lib/buckets";
import { fsbp, type PackStackPolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

/**
 * S3.13: every bucket, versioned or not, has a lifecycle configuration with an enabled rule, so
 * what it holds moves to cheaper storage or expires on a schedule someone decided, instead of
 * staying in S3 Standard for ever. The rule's content is each bucket's own business (a PHI bucket
 * may keep documents for years); s3-configure-versioned-bucket-lifecycle (S3.10) adds what
 * versioned buckets need besides.
 * https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-13
 */
export const requireLifecycleConfiguration: PackStackPolicy = {
  name: "s3-require-lifecycle-configuration",
  resourceTypes: [T.bucket, T.bucketLifecycle],
  description: "Every S3 bucket has a lifecycle configuration with at least one enabled rule that transitions or expires its objects.",
  severity: "low",
  framework: fsbp("S3.13"),
  remediationSteps: "Add an aws.s3.BucketLifecycleConfiguration for the bucket with an Enabled rule (transitions, expiration or noncurrentVersionExpiration) matching how long its data must be kept.",
  enforcementLevel: "mandatory",
  validateStack: (args, reportViolation) => {
    for (const b of buckets(args.resources)) {
      if (!lifecycleRules(args.resources, b).some((r) => r.status === "Enabled")) {
        reportViolation(`Bucket ${bucketName(b) ?? b.name} has no enabled lifecycle rule; add a lifecycle configuration with an Enabled rule that transitions or expires its objects.`, b.urn);
      }
    }
  },
};
