/**
 * Maps the network config onto the pure planners' inputs. Shared by config validation and the
 * component so both see exactly the same layout.
 */
import type { NatStrategy } from "./awsxRules";
import type { SubnetLayoutInput } from "./subnets";

export interface NetworkLayoutConfig {
  /**
   * VPC IPv4 CIDR, /16 to /24. https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html
   * @default "10.0.0.0/16"
   */
  cidr: string;
  /**
   * Number of AZs, 2 to AZ_SLOTS (4). DB subnet groups, EKS and ALBs need subnets in 2 AZs.
   * https://docs.aws.amazon.com/eks/latest/userguide/network-reqs.html
   * @default 3 (survives the loss of an AZ with capacity to spare)
   */
  azCount: number;
  /**
   * NAT strategy: "onePerAz" (each AZ egresses through its own gateway, survives an AZ outage),
   * "single" (one gateway; cheaper, a single point of failure), "instance" (one t4g.nano NAT
   * instance instead of a managed gateway; cheapest, dev only: no failover, the instance's
   * bandwidth) or "none" (no internet egress).
   * https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-basics.html
   * https://docs.aws.amazon.com/vpc/latest/userguide/VPC_NAT_Instance.html
   * @default "onePerAz"
   */
  natGateways: "none" | "single" | "onePerAz" | "instance";
  /**
   * Per tier: the prefix length of each subnet (/16 to /28, the AWS subnet size limits), or pinned
   * CIDRs, one per AZ. The database tier can be disabled.
   * https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html
   * @default private /19, public /24, database enabled at /24
   */
  subnets: {
    private: { prefixLength: number; cidrs?: string[] };
    public: { prefixLength: number; cidrs?: string[] };
    database: { enabled: boolean; prefixLength: number; cidrs?: string[] };
  };
}

export function subnetLayoutInput(net: NetworkLayoutConfig): SubnetLayoutInput {
  return {
    vpcCidr: net.cidr,
    azCount: net.azCount,
    tiers: {
      private: { enabled: true, ...net.subnets.private },
      public: { enabled: true, ...net.subnets.public },
      database: net.subnets.database,
    },
  };
}

/** awsx spells the NAT strategies in PascalCase; a NAT instance is ours, so awsx makes no gateway. */
export function natStrategy(n: NetworkLayoutConfig["natGateways"]): NatStrategy {
  return ({ none: "None", single: "Single", onePerAz: "OnePerAz", instance: "None" } as const)[n];
}
