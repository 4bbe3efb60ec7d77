/**
 * Phase 2 of validation: rules that span fields or depend on the profile. Each rule sees only
 * sections that passed phase 1, so a type error elsewhere never hides these problems.
 */
import { checkAwsxVpcArgs } from "../../components/network/awsxRules";
import { planSubnets, validateSubnetLayout } from "../../components/network/subnets";
import { natStrategy, subnetLayoutInput } from "../../components/network/layout";
import type { ConfigProblem } from "./problems";
import type { PlatformConfig } from "./schema";

export type Parsed = Partial<Omit<PlatformConfig, "stack" | "region">>;

/** Audit logs must outlive a yearly audit cycle in prod. */
export const PROD_MIN_AUDIT_RETENTION_DAYS = 365;
/** Prod survives the loss of an AZ with capacity to spare: three, as the reference system runs. */
export const PROD_MIN_AZ_COUNT = 3;

export function networkRules(c: Parsed): ConfigProblem[] {
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

export function loggingRules(c: Parsed): ConfigProblem[] {
  if (c.profile !== "prod" || !c.logging) return [];
  if (c.logging.auditRetentionDays >= PROD_MIN_AUDIT_RETENTION_DAYS) return [];
  return [{
    key: "platform:logging.auditRetentionDays",
    value: c.logging.auditRetentionDays,
    allowed: `at least ${PROD_MIN_AUDIT_RETENTION_DAYS} when profile is prod (audit logs are kept a year or more)`,
  }];
}

export function keysRules(c: Parsed): ConfigProblem[] {
  if (c.profile !== "prod" || !c.keys || c.keys.protect) return [];
  return [{ key: "platform:keys.protect", value: c.keys.protect, allowed: "true when profile is prod: stateful resources in prod are protected" }];
}

/** Every phase-2 rule; later tiers append theirs. */
export const RULES: ReadonlyArray<(c: Parsed) => ConfigProblem[]> = [networkRules, loggingRules, keysRules];
