/**
 * Settings of the Network component, what a direct caller gets by default, and the per-profile
 * presets the platform's stacks start from. Pure; no Pulumi imports.
 */
import { LOGGING_PRESETS, LogRetentionDays } from "../logs";
import { Profile, mapProfiles } from "../profiles";
import { withDefaults } from "../defaults";
import { availabilityZoneProblems } from "../aws/checks";
import { SettingProblem, assertNoProblems, intRange, logRetentionProblems, problem, valueProblem } from "../settings";
import { checkAwsxVpcArgs } from "./awsxRules";
import { parseCidr } from "./cidr";
import { InterfaceEndpointService } from "./endpoints";
import { NetworkLayoutConfig, natStrategy, subnetLayoutInput } from "./layout";
import { AZ_SLOTS, planSubnets, validateSubnetLayout } from "./subnets";

/** Layout fields (cidr, azCount, natGateways, subnets) are documented on NetworkLayoutConfig (layout.ts). */
export interface NetworkSettings extends NetworkLayoutConfig {
  /**
   * Interface endpoints (short names such as "ecr.api"), each with its own security group admitting
   * 443 from the VPC only. Empty: traffic to AWS APIs goes through NAT.
   * https://docs.aws.amazon.com/vpc/latest/privatelink/aws-services-privatelink-support.html
   * @default every endpoint a node calls at boot and at run time (ALL_NODE_ENDPOINTS)
   */
  interfaceEndpoints: InterfaceEndpointService[];
  /** VPC flow logs, always on, to a log group encrypted with the logs key. */
  flowLogs: {
    /**
     * Traffic recorded: ALL, ACCEPT or REJECT. https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html
     * @default "ALL"
     */
    trafficType: "ALL" | "ACCEPT" | "REJECT";
    /**
     * Seconds a flow record aggregates: 60 or 600, the two values AWS accepts.
     * https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html#flow-logs-basics
     * @default 60
     */
    maxAggregationIntervalSeconds: 60 | 600;
    /**
     * Days the flow-log group keeps records: audit records, so the audit retention.
     * @default 400 (LOGGING_DEFAULTS.auditRetentionDays)
     */
    retentionDays: LogRetentionDays;
  };
}

/** Endpoints for every call a node makes at boot and at run time, so nothing depends on NAT. */
export const ALL_NODE_ENDPOINTS: InterfaceEndpointService[] = [
  "ecr.api", "ecr.dkr", "sts", "logs", "secretsmanager", "kms", "ec2", "elasticloadbalancing", "autoscaling",
];

const subnets = (): NetworkSettings["subnets"] => ({
  private: { prefixLength: 19 },
  public: { prefixLength: 24 },
  database: { enabled: true, prefixLength: 24 },
});

/**
 * dev spans 2 AZs (AWS's minimum for DB subnet groups, EKS and ALBs) behind one NAT instance; prod
 * spreads over 3 AZs with a NAT gateway in each, so losing an AZ loses neither ingress nor egress.
 */
export const NETWORK_PRESETS: Record<Profile, NetworkSettings> = mapProfiles((p) => ({
  cidr: "10.0.0.0/16",
  azCount: p === "dev" ? 2 : 3,
  // dev: one t4g.nano NAT instance; a managed gateway costs five times as much (docs/cost.md).
  natGateways: p === "dev" ? "instance" : "onePerAz",
  subnets: subnets(),
  // Each interface endpoint costs per AZ-hour; dev pulls through its single NAT instead.
  interfaceEndpoints: p === "dev" ? [] : [...ALL_NODE_ENDPOINTS],
  flowLogs: { trafficType: "ALL", maxAggregationIntervalSeconds: p === "prod" ? 60 : 600, retentionDays: LOGGING_PRESETS[p].auditRetentionDays },
}));

/** A direct caller's network: the prod preset (3 AZs, a NAT gateway per AZ, every node endpoint). */
export const NETWORK_DEFAULTS: NetworkSettings = NETWORK_PRESETS.prod;

/** VPC CIDRs the layout accepts: /16 to /24 (AWS allows /28; below /24 the tiers no longer fit). */
export const VPC_PREFIX = { min: 16, max: 24 } as const;

/**
 * Every problem with a network's settings and AZ names: AWS's CIDR and flow-log values, the subnet
 * layout, and what awsx would reject.
 */
export function checkNetworkSettings(s: NetworkSettings, availabilityZoneNames: readonly string[]): SettingProblem[] {
  const problems = intRange("azCount", s.azCount, 2, AZ_SLOTS, "DB subnet groups, EKS and ALBs need 2 AZs; the layout has 4 AZ slots");
  if (availabilityZoneNames.length < s.azCount) problems.push(problem("availabilityZoneNames", availabilityZoneNames, `at least azCount (${s.azCount}) AZ names`));
  const cidr = parseCidr(s.cidr);
  if (!cidr || cidr.prefix < VPC_PREFIX.min || cidr.prefix > VPC_PREFIX.max) {
    problems.push(problem("cidr", s.cidr, `an IPv4 CIDR block from /${VPC_PREFIX.min} to /${VPC_PREFIX.max} with no host bits set`));
  }
  problems.push(...logRetentionProblems("flowLogs.retentionDays", s.flowLogs.retentionDays));
  if (problems.length > 0) return problems;
  const layout = subnetLayoutInput(s);
  const layoutProblems = validateSubnetLayout(layout).map((p) => problem(p.key, p.value, p.allowed));
  if (layoutProblems.length > 0) return layoutProblems;
  const plan = planSubnets(layout);
  return checkAwsxVpcArgs({
    cidrBlock: s.cidr,
    availabilityZoneNames: availabilityZoneNames.slice(0, s.azCount),
    subnetStrategy: plan.strategy,
    subnetSpecs: plan.specs,
    natStrategy: natStrategy(s.natGateways),
  }).map((e) => problem("natGateways", s.natGateways, `a layout awsx accepts: ${e}`));
}

/** AZ names AWS would refuse in `region` (aws/checks.ts): another region's, or one listed twice. */
export function availabilityZoneNameProblems(region: string, names: readonly string[]): SettingProblem[] {
  return availabilityZoneProblems(region, names).map(({ index, problem: p }) =>
    index === undefined ? valueProblem("availabilityZoneNames", names, p) : valueProblem(`availabilityZoneNames[${index}]`, names[index], p));
}

/** The network's settings: the caller's, else the defaults; throws listing every problem. */
export function resolveNetworkArgs(name: string, args: Partial<NetworkSettings> & { availabilityZoneNames: readonly string[]; region?: string }): NetworkSettings {
  const s = withDefaults(NETWORK_DEFAULTS, args);
  const azNames = args.region ? availabilityZoneNameProblems(args.region, args.availabilityZoneNames) : [];
  assertNoProblems(name, [...azNames, ...checkNetworkSettings(s, args.availabilityZoneNames)]);
  return s;
}

