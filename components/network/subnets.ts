/**
 * Subnet layout: which CIDR each tier gets in each AZ, and the awsx subnet specs that express it.
 * Pure; no Pulumi imports.
 *
 * Derived layout. The VPC is cut into AZ_SLOTS equal AZ slots (a /16 gives four /18 slots). Inside
 * every slot the tiers sit in a fixed order (private, public, database), each aligned to its size,
 * and the database position is reserved even when that tier is off. So adding an AZ (up to
 * AZ_SLOTS) or turning a tier on never renumbers an existing subnet: its CIDR depends only on its
 * tier and AZ index.
 *
 * awsx's Exact strategy requires every address of the VPC to be accounted for, in AZ-major order,
 * with "Unused" specs filling gaps (pulumi-awsx ec2/vpc.ts validateNoGaps; see pulumi-awsx#1618).
 * planSubnets emits those filler specs. A pinned layout whose tiers interleave across AZs (the ECS
 * system's 10.0.1.0/24..10.0.4.0/24) cannot be tiled that way, so it is sent with the Auto
 * strategy: still explicit cidrBlocks on every spec, nothing auto-allocated, but without the
 * no-gap rule.
 */
import { Cidr, contains, coverRange, end, formatCidr, mustParseCidr, overlaps, parseCidr, size, splitToCount } from "./cidr";

/** How many AZ slots the derived layout reserves; also the largest supported AZ count. */
export const AZ_SLOTS = 4;

export type SubnetTier = "private" | "public" | "database";

/** Address order of tiers inside an AZ slot. Never reorder: it would renumber every subnet. */
export const TIER_ORDER: readonly SubnetTier[] = ["private", "public", "database"];

/** awsx subnet type per tier: database subnets have no route to the internet. */
export const AWSX_SUBNET_TYPE = { private: "Private", public: "Public", database: "Isolated" } as const;

export interface TierLayout {
  enabled: boolean;
  /** Prefix length of each of this tier's subnets when derived. */
  prefixLength: number;
  /** Pinned CIDRs, one per AZ in AZ order; overrides the derived layout for this tier. */
  cidrs?: string[];
}

export interface SubnetLayoutInput {
  vpcCidr: string;
  azCount: number;
  tiers: Record<SubnetTier, TierLayout>;
}

export interface AwsxSubnetSpec {
  type: "Public" | "Private" | "Isolated" | "Unused";
  name: string;
  cidrBlocks: string[];
}

export interface SubnetPlan {
  strategy: "Exact" | "Auto";
  /** awsx subnetSpecs, every one with cidrBlocks (one per AZ). */
  specs: AwsxSubnetSpec[];
  /** Real subnet CIDRs of each enabled tier, indexed by AZ. */
  tiers: Partial<Record<SubnetTier, string[]>>;
}

/** A layout problem, keyed relative to the network config section. */
export interface LayoutProblem {
  key: string;
  value: unknown;
  allowed: string;
}

/** Offset of each tier inside an AZ slot, and the addresses a slot needs. */
export function slotOffsets(tiers: Record<SubnetTier, TierLayout>): { offsets: Record<SubnetTier, number>; needed: number } {
  let cursor = 0;
  const offsets = {} as Record<SubnetTier, number>;
  for (const tier of TIER_ORDER) {
    const blockSize = 2 ** (32 - tiers[tier].prefixLength);
    cursor = Math.ceil(cursor / blockSize) * blockSize;
    offsets[tier] = cursor;
    cursor += blockSize;
  }
  return { offsets, needed: cursor };
}

function slotSize(vpc: Cidr): number {
  return size(vpc) / AZ_SLOTS;
}

/** The real subnets of each enabled tier, per AZ. Assumes validateSubnetLayout found nothing. */
export function tierBlocks(input: SubnetLayoutInput): Partial<Record<SubnetTier, Cidr[]>> {
  const vpc = mustParseCidr(input.vpcCidr);
  const { offsets } = slotOffsets(input.tiers);
  const out: Partial<Record<SubnetTier, Cidr[]>> = {};
  for (const tier of TIER_ORDER) {
    const t = input.tiers[tier];
    if (!t.enabled) continue;
    out[tier] = t.cidrs
      ? t.cidrs.map(mustParseCidr)
      : Array.from({ length: input.azCount }, (_, az) => ({
          base: vpc.base + az * slotSize(vpc) + offsets[tier],
          prefix: t.prefixLength,
        }));
  }
  return out;
}

export function validateSubnetLayout(input: SubnetLayoutInput): LayoutProblem[] {
  const problems: LayoutProblem[] = [];
  const vpc = parseCidr(input.vpcCidr);
  if (!vpc) return problems; // the schema reports a malformed VPC CIDR
  const derived = TIER_ORDER.filter((t) => input.tiers[t].enabled && !input.tiers[t].cidrs);
  const { needed } = slotOffsets(input.tiers);
  if (derived.length > 0 && needed > slotSize(vpc)) {
    problems.push({
      key: "subnets",
      value: Object.fromEntries(TIER_ORDER.map((t) => [t, `/${input.tiers[t].prefixLength}`])),
      allowed: `tiers that fit one of ${AZ_SLOTS} AZ slots of ${input.vpcCidr} (${slotSize(vpc)} addresses each; these need ${needed}): raise the prefixLength values or enlarge network.cidr`,
    });
    return problems;
  }
  for (const tier of TIER_ORDER) {
    const cidrs = input.tiers[tier].cidrs;
    if (!input.tiers[tier].enabled || !cidrs) continue;
    if (cidrs.length !== input.azCount) {
      problems.push({
        key: `subnets.${tier}.cidrs`,
        value: cidrs,
        allowed: `exactly one CIDR per AZ (network.azCount = ${input.azCount}), as awsx requires`,
      });
    }
    cidrs.forEach((text, i) => {
      const c = parseCidr(text);
      if (c && !contains(vpc, c)) {
        problems.push({ key: `subnets.${tier}.cidrs[${i}]`, value: text, allowed: `a block inside network.cidr ${input.vpcCidr}` });
      }
    });
  }
  if (problems.length > 0) return problems;
  const all = Object.entries(tierBlocks(input)).flatMap(([tier, blocks]) => (blocks ?? []).map((b, az) => ({ tier, az, b })));
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      if (overlaps(all[i].b, all[j].b)) {
        problems.push({
          key: `subnets.${all[j].tier}`,
          value: `${formatCidr(all[j].b)} (AZ ${all[j].az + 1})`,
          allowed: `a block that does not overlap ${all[i].tier} subnet ${formatCidr(all[i].b)} (AZ ${all[i].az + 1})`,
        });
      }
    }
  }
  return problems;
}

interface Placed {
  tier: SubnetTier;
  block: Cidr;
}

/**
 * Tiles the VPC in awsx's AZ-major order, or returns undefined when the layout cannot be expressed
 * with the same sequence of specs in every AZ.
 */
function tileExact(vpc: Cidr, perAz: Placed[][]): AwsxSubnetSpec[] | undefined {
  const order = perAz[0].map((p) => p.tier);
  if (perAz.some((az) => az.map((p) => p.tier).join() !== order.join())) return undefined;
  for (let i = 0; i + 1 < perAz.length; i++) {
    if (end(perAz[i][perAz[i].length - 1].block) > perAz[i + 1][0].block.base) return undefined;
  }
  // gaps[az][slot]: slot 0 precedes the first subnet, slot k follows the k-th subnet.
  const gaps = perAz.map((az, i) =>
    Array.from({ length: az.length + 1 }, (_, slot) => {
      if (slot === 0) return i === 0 ? coverRange(vpc.base, az[0].block.base) : [];
      const from = end(az[slot - 1].block);
      const to = slot < az.length ? az[slot].block.base : i + 1 < perAz.length ? perAz[i + 1][0].block.base : end(vpc);
      return coverRange(from, to);
    }),
  );
  const specs: AwsxSubnetSpec[] = [];
  for (let slot = 0; slot <= order.length; slot++) {
    const covers = gaps.map((g) => g[slot]);
    const nonEmpty = covers.filter((c) => c.length > 0).length;
    if (nonEmpty !== 0 && nonEmpty !== covers.length) return undefined;
    const count = Math.max(...covers.map((c) => c.length));
    // A gap of n addresses splits into at most n blocks; past that no uniform spec list exists.
    if (covers.some((c) => c.length > 0 && c.reduce((n, b) => n + size(b), 0) < count)) return undefined;
    const even = covers.map((c) => splitToCount(c, count));
    for (let k = 0; k < count; k++) {
      specs.push({ type: "Unused", name: `unused-${slot}-${k + 1}`, cidrBlocks: even.map((c) => formatCidr(c[k])) });
    }
    if (slot < order.length) {
      const tier = order[slot];
      specs.push({ type: AWSX_SUBNET_TYPE[tier], name: tier, cidrBlocks: perAz.map((az) => formatCidr(az[slot].block)) });
    }
  }
  return specs;
}

/** The awsx subnet specs and strategy for a validated layout. */
export function planSubnets(input: SubnetLayoutInput): SubnetPlan {
  const vpc = mustParseCidr(input.vpcCidr);
  const blocks = tierBlocks(input);
  const tiers = Object.fromEntries(Object.entries(blocks).map(([t, b]) => [t, (b ?? []).map(formatCidr)])) as SubnetPlan["tiers"];
  const perAz: Placed[][] = Array.from({ length: input.azCount }, (_, az) =>
    TIER_ORDER.filter((t) => blocks[t])
      .map((tier) => ({ tier, block: blocks[tier]![az] }))
      .sort((a, b) => a.block.base - b.block.base),
  );
  const exact = tileExact(vpc, perAz);
  if (exact) return { strategy: "Exact", specs: exact, tiers };
  const specs = TIER_ORDER.filter((t) => blocks[t]).map((tier) => ({
    type: AWSX_SUBNET_TYPE[tier],
    name: tier,
    cidrBlocks: tiers[tier]!,
  }));
  return { strategy: "Auto", specs, tiers };
}
