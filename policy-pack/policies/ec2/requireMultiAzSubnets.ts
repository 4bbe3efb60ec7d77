import type { PolicyResource } from "@pulumi/policy";
import type { PackStackPolicy } from "../../lib/metadata";
import { T } from "../../lib/types";
import { StackVpc, refersTo, stackVpcs } from "../../lib/vpcs";
import type { AzSpreadConfig } from "./requireSubnetsAcrossAzs";

/** awsx tags every subnet with SubnetType; plain subnets count as one tier. */
const tierOf = (s: PolicyResource): string => s.props.tags?.SubnetType ?? "subnets";

function checkVpc(vpc: StackVpc, subnets: PolicyResource[], nats: PolicyResource[], minAzCount: number, report: (m: string, urn: string) => void) {
  const tiers = new Map<string, Set<string>>();
  for (const s of subnets) {
    const azs = tiers.get(tierOf(s)) ?? new Set<string>();
    azs.add(s.props.availabilityZone);
    tiers.set(tierOf(s), azs);
  }
  for (const [tier, azs] of tiers) {
    if (azs.size < minAzCount) {
      report(`VPC ${vpc.resource.name} has ${tier} subnets in ${azs.size} AZs; spread them over at least ${minAzCount} AZs.`, vpc.resource.urn);
    }
  }
  const privateAzs = tiers.get("Private");
  if (!privateAzs || nats.length === 0) return;
  const bySubnetId = new Map(subnets.map((s) => [s.props.id, s]));
  const natAzs = new Set(nats.map((n) => bySubnetId.get(n.props.subnetId)?.props.availabilityZone).filter(Boolean));
  const missing = [...privateAzs].filter((az) => !natAzs.has(az));
  if (missing.length > 0) {
    report(`VPC ${vpc.resource.name} has private subnets in ${missing.join(", ")} without a NAT gateway in the same AZ; add one NAT gateway per AZ.`, vpc.resource.urn);
  }
}

/**
 * The low-level view a real `pulumi up` shows: aws:ec2 subnets and NAT gateways, whether declared
 * directly or created by awsx. Under mocks awsx registers no children, so this policy only sees
 * plainly declared subnets there; requireSubnetsAcrossAzs checks the component's arguments.
 */
export const requireMultiAzSubnets: PackStackPolicy = {
  name: "ec2-require-multi-az-subnets",
  resourceTypes: [T.subnet, T.natGateway, T.vpc, T.awsxVpc],
  description: "Each subnet tier of a VPC spans at least the configured number of AZs, and every AZ with private subnets has its own NAT gateway.",
  severity: "high",
  remediationSteps: "Create each tier's subnets in at least minAzCount AZs and one NAT gateway per AZ in that AZ's public subnet.",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: { minAzCount: { type: "integer", minimum: 2, default: 3, description: "Fewest AZs each subnet tier may span." } },
  },
  validateStack: (args, reportViolation) => {
    const { minAzCount } = args.getConfig<AzSpreadConfig>();
    const subnets = args.resources.filter((r) => r.type === T.subnet);
    const nats = args.resources.filter((r) => r.type === T.natGateway);
    for (const vpc of stackVpcs(args.resources)) {
      const own = subnets.filter((s) => refersTo(s, "vpcId", vpc));
      if (own.length === 0) continue;
      const ownIds = new Set(own.map((s) => s.props.id));
      checkVpc(vpc, own, nats.filter((n) => ownIds.has(n.props.subnetId)), minAzCount, reportViolation);
    }
  },
};
