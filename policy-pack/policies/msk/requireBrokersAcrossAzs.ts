import type { PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

export interface BrokerAzConfig {
  /** Fewest AZs (client subnets) the brokers may span. */
  minAzCount: number;
}

/** MSK places one broker group per client subnet, each in its own AZ. */
export const requireBrokersAcrossAzs: PackResourcePolicy = {
  name: "msk-require-brokers-across-azs",
  resourceTypes: [T.mskCluster],
  description: "MSK brokers spread over at least the configured number of AZs (3 for production), so partitions survive an AZ loss.",
  severity: "high",
  remediationSteps: "Pass one client subnet per AZ, at least minAzCount of them, in brokerNodeGroupInfo.clientSubnets, with a broker count that is a multiple of it.",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: { minAzCount: { type: "integer", minimum: 2, maximum: 3, default: 3, description: "Fewest AZs the brokers may span." } },
  },
  validateResource: (args, reportViolation) => {
    if (args.type !== T.mskCluster) return;
    const { minAzCount } = args.getConfig<BrokerAzConfig>();
    const subnets: unknown[] = args.props.brokerNodeGroupInfo?.clientSubnets ?? [];
    if (subnets.length < minAzCount) {
      reportViolation(`MSK brokers span ${subnets.length} AZs; spread them over at least ${minAzCount} AZs.`);
    }
  },
};
