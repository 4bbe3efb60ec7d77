import type { PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";
import type { AzSpreadConfig } from "../ec2/requireSubnetsAcrossAzs";

/**
 * Managed node groups spread over at least minAzCount subnets, one per AZ in this platform's
 * layout (ec2-require-multi-az-subnets checks the layout itself). Checks the @pulumi/eks
 * component's arguments and the aws:eks/nodeGroup:NodeGroup a real run shows.
 */
export const requireNodeGroupsAcrossAzs: PackResourcePolicy = {
  name: "eks-require-node-groups-across-azs",
  resourceTypes: [T.eksComponentManagedNodeGroup, T.eksNodeGroup],
  description: "EKS managed node groups name their subnets explicitly and span at least the configured number of AZs (3 for production).",
  severity: "high",
  remediationSteps: "Pass the private subnets of every AZ as subnetIds on the node group (platform config: network.azCount).",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: { minAzCount: { type: "integer", minimum: 1, default: 3, description: "Fewest AZs (subnets) a node group may span." } },
  },
  validateResource: (args, reportViolation) => {
    if (args.type !== T.eksComponentManagedNodeGroup && args.type !== T.eksNodeGroup) return;
    const { minAzCount } = args.getConfig<AzSpreadConfig>();
    const subnets: string[] | undefined = args.props.subnetIds;
    if (!subnets) {
      reportViolation("Node group names no subnetIds and inherits the cluster's subnets; pass the private subnets of every AZ explicitly.");
    } else if (new Set(subnets).size < minAzCount) {
      reportViolation(`Node group spans ${new Set(subnets).size} subnets; spread it over at least ${minAzCount} AZs so it survives the loss of one.`);
    }
  },
};
