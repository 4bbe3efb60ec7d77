import { fsbp, type PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

const ENCRYPTED = new Set(["https-only", "redirect-to-https"]);

export const requireHttpsViewers: PackResourcePolicy = {
  name: "cloudfront-require-https-viewers",
  resourceTypes: [T.cloudfrontDistribution],
  description: "Every cache behavior of a CloudFront distribution makes viewers use HTTPS (redirect-to-https or https-only).",
  severity: "high",
  framework: fsbp("CloudFront.3"),
  remediationSteps: "Set viewerProtocolPolicy to redirect-to-https (or https-only) on defaultCacheBehavior and every orderedCacheBehaviors entry.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== T.cloudfrontDistribution) return;
    const behaviors: { pathPattern?: string; viewerProtocolPolicy?: string }[] = [args.props.defaultCacheBehavior, ...(args.props.orderedCacheBehaviors ?? [])];
    for (const b of behaviors.filter(Boolean)) {
      if (!ENCRYPTED.has(b.viewerProtocolPolicy ?? "")) {
        reportViolation(`Cache behavior ${b.pathPattern ?? "(default)"} lets viewers use plain HTTP (${b.viewerProtocolPolicy}); set viewerProtocolPolicy to redirect-to-https or https-only.`);
      }
    }
  },
};
