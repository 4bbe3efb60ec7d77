/**
 * Which stack key a policy violation's value came from, and the value to set there. The policy
 * pack is standalone: it judges resources and knows nothing of our stack file. The plan knows both
 * the resources and the stack's config, so the mapping lives here, on the program's side: per policy,
 * the stack key that sets the property the policy judges, and the value that satisfies it (read from
 * the policy's own config, so "at least 90" follows the pack config).
 *
 * A violation maps to a key only when the resource's value is the key's value: a change made in code
 * (a transformation, a direct caller) gets no key, since the stack file is not where to fix it.
 */
import { LOG_RETENTION_DAYS } from "../components/logs";
import type { PlatformConfig } from "../stacks/config/schema";
import type { Policies } from "@pulumi/policy";
import { PackConfig, Violation, policyConfig } from "./policyRunner";
import type { RecordedResource } from "./recorder";

/** The stack key and what to set it to: "set platform:logging.retentionDays to at least 90 (the stack has 30)". */
export interface StackKeyFix {
  stackKey: string;
  fix: string;
}

type Inputs = Record<string, any>;
type Rule = (inputs: Inputs, c: PlatformConfig, policyConfig: Record<string, unknown>) => StackKeyFix | undefined;

/** `key` is a path in the typed config, e.g. "logging.retentionDays"; the fix names the value the stack has now. */
function fix(c: PlatformConfig, key: string, to: string, also = ""): StackKeyFix {
  const now = key.split(".").reduce<any>((o, k) => o?.[k], c);
  return { stackKey: `platform:${key}`, fix: `set platform:${key} to ${to} (the stack has ${JSON.stringify(now)})${also}` };
}
const when = (cond: boolean, f: () => StackKeyFix) => (cond ? f() : undefined);

/** The smallest CloudWatch Logs retention value of at least `min` days. */
const retentionAtLeast = (min: number) => LOG_RETENTION_DAYS.find((d) => d >= min) ?? LOG_RETENTION_DAYS[LOG_RETENTION_DAYS.length - 1];

const RULES: Readonly<Record<string, Rule>> = {
  // Application and data-store groups keep logging.retentionDays; audit groups (flow logs, the
  // control plane, CloudTrail) keep logging.auditRetentionDays. The group's value tells which.
  "cloudwatch-configure-log-group-retention": (i, c, p) => {
    const key = i.retentionInDays === c.logging.retentionDays ? "logging.retentionDays" : i.retentionInDays === c.logging.auditRetentionDays ? "logging.auditRetentionDays" : undefined;
    return key ? fix(c, key, `at least ${retentionAtLeast(Number(p.minRetentionDays))}`) : undefined;
  },
  "ec2-require-subnets-across-azs": (i, c, p) => when((i.availabilityZoneNames?.length ?? 0) === c.network.azCount, () => fix(c, "network.azCount", `at least ${p.minAzCount}`)),
  "ec2-require-nat-gateway-per-az": (i, c) => when(c.network.natGateways !== "onePerAz" && i.natGateways?.strategy !== "OnePerAz", () => fix(c, "network.natGateways", "\"onePerAz\"")),
  "elb-enable-deletion-protection": (i, c) => when(i.enableDeletionProtection === c.edge.alb.deletionProtection, () => fix(c, "edge.alb.deletionProtection", "true")),
  "elb-require-waf-association": (_i, c) => when(c.edge.enabled && !c.edge.waf.regionalWebAcl, () => fix(c, "edge.waf.regionalWebAcl", "true")),
  "ecr-require-immutable-tags": (i, c) => when(i.imageTagMutability !== "IMMUTABLE" && !c.cluster.registry.immutableTags, () => fix(c, "cluster.registry.immutableTags", "true")),
  "elasticache-enable-automatic-failover": (i, c) => {
    if (i.automaticFailoverEnabled !== true && !c.cache.automaticFailover) return fix(c, "cache.automaticFailover", "true", `, with replicasPerShard at least 1${c.cache.multiAz ? "" : " and multiAz true"}`);
    return when(i.multiAzEnabled !== true && !c.cache.multiAz, () => fix(c, "cache.multiAz", "true"));
  },
  "elasticache-configure-snapshot-retention": (i, c, p) => when(i.snapshotRetentionLimit === c.cache.snapshotRetentionDays, () => fix(c, "cache.snapshotRetentionDays", `at least ${p.minRetentionDays}`)),
  "rds-require-multi-az": (i, c) => when(i.multiAz === c.database.multiAz && !i.replicateSourceDb, () => fix(c, "database.multiAz", "true")),
  "rds-enable-deletion-protection": (i, c) => when(i.deletionProtection === c.database.deletionProtection, () => fix(c, "database.deletionProtection", "true")),
  "rds-configure-backup-retention": (i, c, p) => when(i.backupRetentionPeriod === c.database.backupRetentionDays, () => fix(c, "database.backupRetentionDays", `at least ${p.minRetentionDays}`)),
  "eks-disallow-public-endpoint": (i, c) => when(i.endpointPublicAccess === true && c.cluster.engine === "eks" && c.cluster.endpoint.publicAccess, () => fix(c, "cluster.endpoint.publicAccess", "false")),
  "eks-require-supported-version": (i, c, p) => when(c.cluster.engine === "eks" && i.version === c.cluster.kubernetesVersion, () => fix(c, "cluster.kubernetesVersion", `"${p.oldestSupportedVersion}" or newer`)),
  "msk-enable-enhanced-monitoring": (i, c) => when(i.enhancedMonitoring === c.messaging.kafka.enhancedMonitoring, () => fix(c, "messaging.kafka.enhancedMonitoring", "\"PER_BROKER\" or finer")),
};

/** Policies this table maps (a test checks each names a key the schema has). */
export const MAPPED_POLICIES = Object.keys(RULES);

/**
 * The stack key behind a violation of `policy` on `resource`, or undefined when the value does not
 * come from the stack file (or the policy judges nothing a key sets).
 */
export function stackKeyFix(policy: string, resource: RecordedResource | undefined, config: PlatformConfig, policyConfig: Record<string, unknown>): StackKeyFix | undefined {
  const rule: Rule | undefined = Object.prototype.hasOwnProperty.call(RULES, policy) ? RULES[policy] : undefined;
  return rule && resource ? rule(resource.inputs, config, policyConfig) : undefined;
}

/** A violation with the stack key behind it, when there is one. */
export type KeyedViolation = Violation & Partial<StackKeyFix>;

/** Each violation, with the stack key and fix when its value came from the stack file. */
export function withStackKeys(violations: Violation[], resources: RecordedResource[], config: PlatformConfig, policies: Policies, packConfig: PackConfig): KeyedViolation[] {
  const byUrn = new Map(resources.map((r) => [r.urn, r]));
  const byName = new Map(policies.map((p) => [p.name, p]));
  return violations.map((v) => {
    const p = byName.get(v.policy);
    const keyed = p && v.urn ? stackKeyFix(v.policy, byUrn.get(v.urn), config, policyConfig(p, packConfig)) : undefined;
    return keyed ? { ...v, ...keyed } : v;
  });
}
