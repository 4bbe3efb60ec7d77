/**
 * `platform:network`: the VPC, its subnet tiers, NAT, endpoints and flow logs.
 */
import { z } from "zod";
import { checkAwsxVpcArgs } from "../../../components/network/awsxRules";
import { natStrategy, subnetLayoutInput } from "../../../components/network/layout";
import { NETWORK_PRESETS } from "../../../components/network/presets";
import { planSubnets, validateSubnetLayout } from "../../../components/network/subnets";
import type { ConfigProblem } from "../problems";
import { AZ_PATTERN, INTERFACE_ENDPOINT_SERVICES, Profile, mapProfiles } from "../values";
import { cidrBlock, literals } from "./common";

/** AWS subnet sizes run from /16 to /28. https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html */
const subnetPrefix = z.number().int().min(16).max(28).describe("Prefix length of each subnet of this tier, /16 to /28 (AWS subnet size limits).");
const pinnedCidrs = z.array(cidrBlock(16, 28)).describe("Pinned CIDRs, one per AZ in AZ order. Overrides the derived layout for this tier.");

const tier = z.strictObject({ prefixLength: subnetPrefix, cidrs: pinnedCidrs.optional() });

export const networkSchema = z.strictObject({
  cidr: cidrBlock(16, 24).describe("VPC IPv4 CIDR, /16 to /24. AWS allows /16 to /28; below /24 the tiers no longer fit four AZ slots."),
  azCount: z.number().int().min(2).max(4).describe("AZs to spread subnets over, 2 to 4. AWS needs 2 for DB subnet groups, EKS and load balancers; prod needs 3."),
  availabilityZones: z.array(z.string().regex(AZ_PATTERN, "an AZ name such as us-east-1a")).optional()
    .describe("Pinned AZ names, exactly azCount of them. Default: the first azCount available AZs of the region."),
  natGateways: z.enum(["none", "single", "onePerAz", "instance"])
    .describe("NAT strategy: onePerAz (a managed gateway per AZ) survives an AZ outage; single (one gateway) and instance (one t4g.nano NAT instance, about $7 a month against a gateway's $37) are cost savings for dev; none leaves private subnets without internet egress."),
  subnets: z.strictObject({
    private: tier.describe("Cluster nodes, caches, brokers, interface endpoints."),
    public: tier.describe("Load balancers and NAT gateways only."),
    database: z.strictObject({
      enabled: z.boolean().describe("Isolated subnets with no route to the internet, for RDS."),
      prefixLength: subnetPrefix,
      cidrs: pinnedCidrs.optional(),
    }),
  }),
  interfaceEndpoints: z.array(z.enum(INTERFACE_ENDPOINT_SERVICES))
    .describe(`Interface VPC endpoints, each with its own security group admitting 443 from the VPC. Allowed: ${INTERFACE_ENDPOINT_SERVICES.join(", ")}.`),
  flowLogs: z.strictObject({
    trafficType: z.enum(["ALL", "ACCEPT", "REJECT"]).describe("Traffic the flow log records."),
    maxAggregationIntervalSeconds: literals([60, 600] as const).describe("Seconds: 60 or 600, the two values AWS accepts."),
  }),
});

export type NetworkConfig = z.infer<typeof networkSchema>;

/**
 * The network's presets (components/network/presets.ts) less the flow-log retention, which the
 * stack takes from platform:logging.auditRetentionDays.
 */
export const NETWORK_DEFAULTS: Record<Profile, NetworkConfig> = mapProfiles((p) => {
  const { flowLogs: { retentionDays: _audit, ...flowLogs }, ...network } = NETWORK_PRESETS[p];
  return { ...network, flowLogs };
});

/** Prod survives the loss of an AZ with capacity to spare: three, as the reference system runs. */
export const PROD_MIN_AZ_COUNT = 3;

export function networkRules(c: { profile?: Profile; network?: NetworkConfig }): ConfigProblem[] {
  const net = c.network;
  if (!net) return [];
  const problems: ConfigProblem[] = [];
  if (net.availabilityZones && net.availabilityZones.length !== net.azCount) {
    problems.push({ key: "platform:network.availabilityZones", value: net.availabilityZones, allowed: `exactly network.azCount (${net.azCount}) AZ names` });
  }
  if (c.profile === "prod") {
    if (net.azCount < PROD_MIN_AZ_COUNT) {
      problems.push({ key: "platform:network.azCount", value: net.azCount, allowed: `at least ${PROD_MIN_AZ_COUNT} when profile is prod (Multi-AZ is mandatory in prod)` });
    }
    if (net.natGateways !== "onePerAz") {
      problems.push({ key: "platform:network.natGateways", value: net.natGateways, allowed: `"onePerAz" when profile is prod: a single NAT gateway is a single-AZ point of failure` });
    }
  }
  const layout = subnetLayoutInput(net);
  const layoutProblems = validateSubnetLayout(layout).map((p) => ({ ...p, key: `platform:network.${p.key}` }));
  problems.push(...layoutProblems);
  if (layoutProblems.length === 0) {
    const plan = planSubnets(layout);
    const awsx = checkAwsxVpcArgs({
      cidrBlock: net.cidr,
      availabilityZoneNames: Array.from({ length: net.azCount }, (_, i) => `az-${i + 1}`),
      subnetStrategy: plan.strategy,
      subnetSpecs: plan.specs,
      natStrategy: natStrategy(net.natGateways),
    });
    problems.push(...awsx.map((e) => ({ key: "platform:network", value: net.natGateways, allowed: `a layout awsx accepts: ${e}` })));
  }
  return problems;
}
