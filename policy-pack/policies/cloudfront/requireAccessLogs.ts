import type { PolicyResource } from "@pulumi/policy";
import { fsbp, type PackStackPolicy } from "../../lib/metadata";
import { refersTo } from "../../lib/references";
import { T } from "../../lib/types";

/** Standard logging (v2): an ACCESS_LOGS delivery source for the distribution, with a delivery. */
function hasStandardLogsV2(dist: PolicyResource, resources: PolicyResource[]): boolean {
  const sources = resources.filter((r) => r.type === T.logDeliverySource && r.props.logType === "ACCESS_LOGS" && refersTo(r, "resourceArn", dist));
  const deliveries = resources.filter((r) => r.type === T.logDelivery);
  return sources.some((s) => deliveries.some((d) => refersTo(d, "deliverySourceName", s, ["name"])));
}

export const requireAccessLogs: PackStackPolicy = {
  name: "cloudfront-require-access-logs",
  resourceTypes: [T.cloudfrontDistribution, T.logDeliverySource, T.logDelivery],
  description: "Every CloudFront distribution writes access logs: standard logging (v2) through a log delivery, or legacy logging to a bucket.",
  severity: "medium",
  framework: fsbp("CloudFront.5"),
  remediationSteps: "Add an aws.cloudwatch.LogDeliverySource (logType ACCESS_LOGS, resourceArn = the distribution, us-east-1), an aws.cloudwatch.LogDeliveryDestination for the logs bucket, and an aws.cloudwatch.LogDelivery joining them.",
  enforcementLevel: "mandatory",
  validateStack: (args, reportViolation) => {
    for (const dist of args.resources.filter((r) => r.type === T.cloudfrontDistribution)) {
      if (dist.props.loggingConfig?.bucket) continue;
      if (!hasStandardLogsV2(dist, args.resources)) {
        reportViolation(`CloudFront distribution ${dist.name} writes no access logs; add a log delivery source (ACCESS_LOGS) for it and a log delivery to the logs bucket.`, dist.urn);
      }
    }
  },
};
