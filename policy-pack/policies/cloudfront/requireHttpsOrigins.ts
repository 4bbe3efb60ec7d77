import { fsbp, type PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

const DEPRECATED = ["SSLv3", "TLSv1", "TLSv1.1"];

/**
 * Custom origins are reached over the internet: HTTPS only, TLS 1.2 (FSBP CloudFront.9 and .10).
 * A VPC origin stays inside AWS's network; it may use HTTP (the edge's documented no-domain mode)
 * but never deprecated SSL/TLS versions.
 */
export const requireHttpsOrigins: PackResourcePolicy = {
  name: "cloudfront-require-https-origins",
  resourceTypes: [T.cloudfrontDistribution, T.cloudfrontVpcOrigin],
  description: "CloudFront reaches custom origins over HTTPS with TLS 1.2 and never offers an origin deprecated SSL/TLS versions.",
  severity: "high",
  framework: fsbp("CloudFront.9"),
  remediationSteps: "On every customOriginConfig set originProtocolPolicy https-only and originSslProtocols [\"TLSv1.2\"]; on every aws.cloudfront.VpcOrigin set originSslProtocols items [\"TLSv1.2\"].",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type === T.cloudfrontDistribution) {
      const origins: { originId?: string; customOriginConfig?: { originProtocolPolicy?: string; originSslProtocols?: string[] } }[] = args.props.origins ?? [];
      for (const o of origins.filter((x) => x.customOriginConfig)) {
        const c = o.customOriginConfig!;
        if (c.originProtocolPolicy !== "https-only") {
          reportViolation(`Custom origin ${o.originId} is reached with ${c.originProtocolPolicy}; set originProtocolPolicy to https-only.`);
        }
        const old = (c.originSslProtocols ?? []).filter((p) => DEPRECATED.includes(p));
        if (old.length > 0) reportViolation(`Custom origin ${o.originId} offers ${old.join(", ")}; set originSslProtocols to ["TLSv1.2"].`);
      }
    } else if (args.type === T.cloudfrontVpcOrigin) {
      const items: string[] = args.props.vpcOriginEndpointConfig?.originSslProtocols?.items ?? [];
      const old = items.filter((p) => DEPRECATED.includes(p));
      if (old.length > 0) reportViolation(`VPC origin offers ${old.join(", ")}; set originSslProtocols items to ["TLSv1.2"].`);
    }
  },
};
