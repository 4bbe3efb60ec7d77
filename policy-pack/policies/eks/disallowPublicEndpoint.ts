import { fsbp, type PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

export interface PublicEndpointConfig {
  /** Whether a public endpoint limited to listed CIDRs (never 0.0.0.0/0) is acceptable (dev). */
  allowRestrictedPublicAccess: boolean;
}

/** Both the component and aws.eks.Cluster default to a public endpoint open to 0.0.0.0/0. */
function endpointOf(type: string, props: Record<string, any>): { publicAccess: boolean; cidrs: string[] } | undefined {
  if (type === T.eksComponentCluster) return { publicAccess: props.endpointPublicAccess ?? true, cidrs: props.publicAccessCidrs ?? [] };
  if (type === T.eksCluster) return { publicAccess: props.vpcConfig?.endpointPublicAccess ?? true, cidrs: props.vpcConfig?.publicAccessCidrs ?? [] };
  return undefined;
}

/** https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html */
export const disallowPublicEndpoint: PackResourcePolicy = {
  name: "eks-disallow-public-endpoint",
  resourceTypes: [T.eksComponentCluster, T.eksCluster],
  description: "The EKS API endpoint is private; where a profile allows a public endpoint, it admits listed networks only, never 0.0.0.0/0.",
  severity: "high",
  framework: fsbp("EKS.1"),
  remediationSteps: "Set endpointPublicAccess: false (platform config: cluster.endpoint.publicAccess: false) and deploy from inside the VPC, or in dev list your networks in publicAccessCidrs.",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: { allowRestrictedPublicAccess: { type: "boolean", default: false, description: "Accept a public endpoint limited to listed CIDRs other than 0.0.0.0/0." } },
  },
  validateResource: (args, reportViolation) => {
    const e = endpointOf(args.type, args.props);
    if (!e || !e.publicAccess) return;
    const { allowRestrictedPublicAccess } = args.getConfig<PublicEndpointConfig>();
    if (!allowRestrictedPublicAccess) {
      reportViolation("EKS API endpoint is public; set endpointPublicAccess: false and reach the private endpoint from inside the VPC.");
    } else if (e.cidrs.length === 0 || e.cidrs.some((c) => c.endsWith("/0"))) {
      reportViolation("EKS API endpoint is open to the whole internet; list only your own networks in publicAccessCidrs.");
    }
  },
};
