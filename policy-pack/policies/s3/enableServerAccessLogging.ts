import { accessLogTargets, bucketName, buckets, settingsOf } from "../../lib/buckets";
import { fsbp, type PackStackPolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

export const enableServerAccessLogging: PackStackPolicy = {
  name: "s3-enable-server-access-logging",
  resourceTypes: [T.bucket, T.bucketLogging],
  description: "Every S3 bucket sends server access logs to the log bucket, so each request for patient data can be traced. The log bucket itself does not log (it would log its own log deliveries forever).",
  severity: "medium",
  framework: fsbp("S3.9"),
  remediationSteps: "Add an aws.s3.BucketLogging for the bucket with targetBucket set to the log bucket (tagged Purpose=logs) and a targetPrefix.",
  enforcementLevel: "mandatory",
  validateStack: (args, reportViolation) => {
    const targets = accessLogTargets(args.resources);
    for (const b of buckets(args.resources)) {
      const logging = settingsOf(args.resources, T.bucketLogging, b);
      if (targets.includes(b)) {
        if (logging.length > 0) reportViolation(`Log bucket ${bucketName(b)} logs its own access; remove its aws.s3.BucketLogging, or each delivery writes another log record.`, b.urn);
        continue;
      }
      const toLogBucket = logging.some((l) => targets.some((t) => t.props.bucket !== undefined && (l.props.targetBucket === t.props.bucket || (l.propertyDependencies.targetBucket ?? []).some((d) => d.urn === t.urn))));
      if (!toLogBucket) {
        reportViolation(`Bucket ${bucketName(b)} has no server access logging to a log bucket; add an aws.s3.BucketLogging whose targetBucket is the bucket tagged Purpose=logs.`, b.urn);
      }
    }
  },
};
