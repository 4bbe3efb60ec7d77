import { bucketName, buckets, lifecycleRules, settingsOf } from "../../lib/buckets";
import { fsbp, type PackStackPolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

export const configureVersionedBucketLifecycle: PackStackPolicy = {
  name: "s3-configure-versioned-bucket-lifecycle",
  resourceTypes: [T.bucket, T.bucketVersioning, T.bucketLifecycle],
  description: "Every versioned S3 bucket has an enabled lifecycle rule that expires noncurrent versions, so replaced and deleted versions do not accumulate and bill forever.",
  severity: "low",
  framework: fsbp("S3.10"),
  remediationSteps: "Add an aws.s3.BucketLifecycleConfiguration for the bucket with an Enabled rule setting noncurrentVersionExpiration: { noncurrentDays: <days> }.",
  enforcementLevel: "mandatory",
  validateStack: (args, reportViolation) => {
    for (const b of buckets(args.resources)) {
      const versioned = settingsOf(args.resources, T.bucketVersioning, b).some((v) => v.props.versioningConfiguration?.status === "Enabled");
      if (!versioned) continue;
      if (!lifecycleRules(args.resources, b).some((r) => r.status === "Enabled" && Number(r.noncurrentVersionExpiration?.noncurrentDays) > 0)) {
        reportViolation(`Versioned bucket ${bucketName(b)} has no enabled lifecycle rule expiring noncurrent versions; add one with noncurrentVersionExpiration.noncurrentDays.`, b.urn);
      }
    }
  },
};
