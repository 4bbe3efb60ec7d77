import { fsbp, type PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

const FLAGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"] as const;

export const requireBucketPublicAccessBlock: PackResourcePolicy = {
  name: "s3-require-bucket-public-access-block",
  resourceTypes: [T.bucketPublicAccessBlock],
  description: "Every S3 public access block turns on all four settings; public content is served through CloudFront, never from S3.",
  severity: "high",
  framework: fsbp("S3.8"),
  remediationSteps: "Set blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets to true on the aws.s3.BucketPublicAccessBlock.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== T.bucketPublicAccessBlock) return;
    const off = FLAGS.filter((f) => args.props[f] !== true);
    if (off.length > 0) {
      reportViolation(`Public access block leaves ${off.join(", ")} off; set all four settings to true.`);
    }
  },
};
