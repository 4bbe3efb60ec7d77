import { fsbp, type PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

/** A WAFv2 web ACL of scope CLOUDFRONT lives in us-east-1 and its ARN says "global". */
const CLOUDFRONT_WEB_ACL = /^arn:aws[a-z-]*:wafv2:us-east-1:\d{12}:global\/webacl\//;

export const requireWebAcl: PackResourcePolicy = {
  name: "cloudfront-require-web-acl",
  resourceTypes: [T.cloudfrontDistribution],
  description: "Every CloudFront distribution is protected by an AWS WAF (WAFv2) web ACL of scope CLOUDFRONT.",
  severity: "high",
  framework: fsbp("CloudFront.6"),
  remediationSteps: "Create an aws.wafv2.WebAcl with scope CLOUDFRONT on a us-east-1 provider and set the distribution's webAclId to its ARN.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== T.cloudfrontDistribution) return;
    const acl = args.props.webAclId;
    if (!acl) {
      reportViolation("CloudFront distribution has no web ACL; set webAclId to the ARN of a WAFv2 web ACL with scope CLOUDFRONT.");
    } else if (typeof acl === "string" && !CLOUDFRONT_WEB_ACL.test(acl)) {
      reportViolation(`CloudFront distribution's webAclId ${acl} is not a WAFv2 web ACL of scope CLOUDFRONT; use the ARN of one created in us-east-1.`);
    }
  },
};
