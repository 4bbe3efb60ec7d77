import { bucketName, buckets, settingsOf } from "../../lib/buckets";
import type { PackStackPolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

export const enableBucketVersioning: PackStackPolicy = {
  name: "s3-enable-bucket-versioning",
  resourceTypes: [T.bucket, T.bucketVersioning],
  description: "Every S3 bucket keeps object versions, so an overwrite or delete of a medical document can be undone (Security Hub S3.14).",
  severity: "medium",
  remediationSteps: "Add an aws.s3.BucketVersioning for the bucket with versioningConfiguration: { status: \"Enabled\" }.",
  enforcementLevel: "mandatory",
  validateStack: (args, reportViolation) => {
    for (const b of buckets(args.resources)) {
      const enabled = settingsOf(args.resources, T.bucketVersioning, b).some((v) => v.props.versioningConfiguration?.status === "Enabled");
      if (!enabled) {
        reportViolation(`Bucket ${bucketName(b)} does not have versioning enabled; add an aws.s3.BucketVersioning with status "Enabled".`, b.urn);
      }
    }
  },
};
