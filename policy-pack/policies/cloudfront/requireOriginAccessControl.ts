import { fsbp, type PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

/** S3 REST endpoints (bucket.s3.region.amazonaws.com, bucket.s3.amazonaws.com). */
const S3_REST = /\.s3([.-][a-z0-9-]+)?\.amazonaws\.com(\.cn)?$/;
/** S3 website endpoints serve only public buckets. */
const S3_WEBSITE = /\.s3-website[.-][a-z0-9-]+\.amazonaws\.com(\.cn)?$/;

interface Origin {
  originId?: string;
  domainName?: string;
  originAccessControlId?: string;
  s3OriginConfig?: { originAccessIdentity?: string };
}

export const requireOriginAccessControl: PackResourcePolicy = {
  name: "cloudfront-require-origin-access-control",
  resourceTypes: [T.cloudfrontDistribution],
  description: "CloudFront reads S3 origins through Origin Access Control, so the bucket stays private (no website endpoints, no legacy origin access identities).",
  severity: "high",
  framework: fsbp("CloudFront.13"),
  remediationSteps: "Create an aws.cloudfront.OriginAccessControl (type s3, signing always, sigv4), set originAccessControlId on the S3 origin, use the bucket's regional REST domain name, and allow cloudfront.amazonaws.com with aws:SourceArn = the distribution in the bucket policy.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== T.cloudfrontDistribution) return;
    const origins: Origin[] = args.props.origins ?? [];
    for (const o of origins) {
      const domain = o.domainName ?? "";
      if (S3_WEBSITE.test(domain)) {
        reportViolation(`Origin ${o.originId} is the S3 website endpoint ${domain}, which needs a public bucket; use the bucket's REST endpoint with Origin Access Control.`);
      } else if (S3_REST.test(domain) && (!o.originAccessControlId || o.s3OriginConfig?.originAccessIdentity)) {
        reportViolation(`S3 origin ${o.originId} is not read through Origin Access Control; set originAccessControlId and drop any origin access identity.`);
      }
    }
  },
};
