import type { PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

/**
 * Nodes never get public addresses: checked on the @pulumi/eks component's arguments (what an
 * offline plan shows). eks-require-node-groups-in-private-subnets checks the subnets a real run
 * places aws:eks/nodeGroup:NodeGroup resources in.
 */
export const requirePrivateNodePlacement: PackResourcePolicy = {
  name: "eks-require-private-node-placement",
  resourceTypes: [T.eksComponentCluster, T.launchTemplate],
  description: "EKS nodes get no public IP addresses and no default node group that could land in public subnets.",
  severity: "high",
  remediationSteps: "Set skipDefaultNodeGroup: true and leave nodeAssociatePublicIpAddress unset on eks.Cluster; give node groups private subnets only, and launch templates no public IP association.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    const p = args.props;
    if (args.type === T.eksComponentCluster) {
      if (p.nodeAssociatePublicIpAddress === true) reportViolation("EKS cluster gives its nodes public IP addresses; remove nodeAssociatePublicIpAddress so nodes stay private.");
      const defaultGroup = p.skipDefaultNodeGroup !== true && p.fargate === undefined;
      if (defaultGroup && (p.publicSubnetIds !== undefined || p.subnetIds !== undefined)) {
        reportViolation("EKS cluster creates a default node group over subnets that may be public; set skipDefaultNodeGroup: true and use managed node groups in private subnets.");
      }
    }
    if (args.type === T.launchTemplate) {
      const nics: Array<{ associatePublicIpAddress?: string }> = p.networkInterfaces ?? [];
      if (nics.some((n) => String(n.associatePublicIpAddress) === "true")) reportViolation("Launch template associates a public IP address; remove associatePublicIpAddress so instances stay private.");
    }
  },
};
