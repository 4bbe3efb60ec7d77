import type { PolicyResource } from "@pulumi/policy";
import type { PackStackPolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

/** A subnet is public when awsx lists it as public, tags it Public, or it assigns public IPs. */
function publicSubnetIds(resources: PolicyResource[]): Set<string> {
  const ids = new Set<string>();
  for (const vpc of resources.filter((r) => r.type === T.awsxVpc)) for (const id of vpc.props.publicSubnetIds ?? []) ids.add(id);
  for (const s of resources.filter((r) => r.type === T.subnet)) {
    if (s.props.mapPublicIpOnLaunch === true || s.props.tags?.SubnetType === "Public") ids.add(s.props.id);
  }
  return ids;
}

/**
 * The low-level view a real `pulumi up` shows: every aws:eks/nodeGroup:NodeGroup sits in private
 * subnets only. Under the offline mocks @pulumi/eks registers no children, and
 * eks-require-private-node-placement checks the component's arguments instead.
 */
export const requireNodeGroupsInPrivateSubnets: PackStackPolicy = {
  name: "eks-require-node-groups-in-private-subnets",
  resourceTypes: [T.eksNodeGroup, T.subnet, T.awsxVpc],
  description: "EKS node groups run only in private subnets, never in subnets with a route from the internet.",
  severity: "high",
  remediationSteps: "Pass only the VPC's private subnet ids as the node group's subnetIds.",
  enforcementLevel: "mandatory",
  validateStack: (args, reportViolation) => {
    const groups = args.resources.filter((r) => r.type === T.eksNodeGroup);
    // Without node groups (an offline plan shows only the remote component) there is nothing to read.
    if (groups.length === 0) return;
    const pub = publicSubnetIds(args.resources);
    for (const ng of groups) {
      const bad: string[] = (ng.props.subnetIds ?? []).filter((id: string) => pub.has(id));
      if (bad.length > 0) reportViolation(`Node group ${ng.name} runs in public subnets ${bad.join(", ")}; use private subnets only.`, ng.urn);
    }
  },
};
