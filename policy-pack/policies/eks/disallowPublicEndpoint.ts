import { cidrWithin, isWholeInternet } from "../../lib/cidrs";
import { fsbp, type PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

export interface PublicEndpointConfig {
  /** Whether a public endpoint limited to listed CIDRs (never 0.0.0.0/0) is acceptable (dev). */
  allowRestrictedPublicAccess: boolean;
  /** Networks a public endpoint may admit: every publicAccessCidrs entry must lie within one. */
  allowedPublicAccessCidrs: string[];
}

/** Both the component and aws.eks.Cluster default to a public endpoint open to 0.0.0.0/0. */
function endpointOf(type: string, props: Record<string, any>): { publicAccess: boolean; cidrs: string[] } | undefined {
  if (type === T.eksComponentCluster) return { publicAccess: props.endpointPublicAccess ?? true, cidrs: props.publicAccessCidrs ?? [] };
  if (type === T.eksCluster) return { publicAccess: props.vpcConfig?.endpointPublicAccess ?? true, cidrs: props.vpcConfig?.publicAccessCidrs ?? [] };
  return undefined;
}

/** A CIDR in dotted IPv4 or colon-hexadecimal IPv6 form with a prefix of 1 or more: never the whole internet. */
const CIDR_PATTERN = "^(((25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])/([1-9]|[12][0-9]|3[0-2])|[0-9A-Fa-f:]*:[0-9A-Fa-f:]*/([1-9][0-9]?|1[01][0-9]|12[0-8]))$";

const list = (cidrs: string[]) => cidrs.join(", ");
/** 0.0.0.0/0, ::/0, or any block whose prefix is 0, however malformed its address. */
const wholeInternet = (cidr: string) => isWholeInternet(cidr) || cidr.trim().endsWith("/0");

/**
 * A public endpoint is accepted only where the config allows one: with `allowedPublicAccessCidrs`,
 * every publicAccessCidrs entry must lie within a listed network; with only
 * `allowRestrictedPublicAccess`, any explicit list but the whole internet. An empty list never
 * passes: EKS then opens the endpoint to 0.0.0.0/0 (and ::/0 on IPv6 clusters).
 * https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html
 * https://docs.aws.amazon.com/eks/latest/APIReference/API_VpcConfigRequest.html (publicAccessCidrs)
 */
export const disallowPublicEndpoint: PackResourcePolicy = {
  name: "eks-disallow-public-endpoint",
  resourceTypes: [T.eksComponentCluster, T.eksCluster],
  description: "The EKS API endpoint is private; where a profile allows a public endpoint, it admits only the networks the config allows (allowedPublicAccessCidrs), or with allowRestrictedPublicAccess any listed networks, never 0.0.0.0/0.",
  severity: "high",
  framework: fsbp("EKS.1"),
  remediationSteps: "Set endpointPublicAccess: false (platform config: cluster.endpoint.publicAccess: false) and deploy from inside the VPC, or where the pack config allows a public endpoint list only networks within allowedPublicAccessCidrs in publicAccessCidrs.",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: {
      allowRestrictedPublicAccess: { type: "boolean", default: false, description: "Accept a public endpoint limited to listed CIDRs other than 0.0.0.0/0, whichever they are (when allowedPublicAccessCidrs is empty)." },
      allowedPublicAccessCidrs: {
        type: "array",
        items: { type: "string", pattern: CIDR_PATTERN },
        uniqueItems: true,
        default: [],
        description: "Networks (IPv4 or IPv6 CIDRs, never /0) a public endpoint may admit: with any listed, a public endpoint passes only if every publicAccessCidrs entry lies within one of them. Empty: no public endpoint, unless allowRestrictedPublicAccess.",
      },
    },
  },
  validateResource: (args, reportViolation) => {
    const e = endpointOf(args.type, args.props);
    if (!e || !e.publicAccess) return;
    const { allowRestrictedPublicAccess, allowedPublicAccessCidrs } = args.getConfig<PublicEndpointConfig>();
    // A /0 among the allowed networks (the schema refuses one) would admit everything: it is ignored.
    const allowed = allowedPublicAccessCidrs.filter((c) => !wholeInternet(c));
    if (allowed.length === 0 && !allowRestrictedPublicAccess) {
      reportViolation("EKS API endpoint is public; set endpointPublicAccess: false and reach the private endpoint from inside the VPC.");
    } else if (e.cidrs.length === 0 || e.cidrs.some(wholeInternet)) {
      reportViolation("EKS API endpoint is open to the whole internet; list only your own networks in publicAccessCidrs.");
    } else if (allowed.length > 0) {
      const outside = e.cidrs.filter((c) => !allowed.some((a) => cidrWithin(c, a)));
      if (outside.length > 0) {
        reportViolation(`EKS API endpoint admits ${list(outside)}, outside the networks the policy allows (${list(allowed)}); list only networks within them in publicAccessCidrs.`);
      }
    }
  },
};
