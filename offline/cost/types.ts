/**
 * The shapes of the cost estimate: what a plan prints and writes as `cost` in its JSON (README.md,
 * docs/cost.md). Monthly means 730 hours, as AWS's pricing pages count a month.
 */

/** One priced resource: a recorded aws:* resource, or a child a remote component creates in a real run. */
export interface CostItem {
  /** The resource's URN; for a remote component's child, the component's URN (nothing is counted twice). */
  urn: string;
  /** The aws:* type token a real run shows. */
  type: string;
  /** The resource's (or child's) logical name, for the top-10 and the policy message. */
  name: string;
  /** The tier (network, cluster, data, storage, edge, monitoring, security) whose component owns it. */
  tier: string;
  region: string;
  /** USD per month. */
  monthly: number;
  /** How the figure is made: quantity x rate, and any assumption it rests on. */
  basis: string;
  /** Page(s) the rates were read from, with the date read. */
  source: string;
}

export interface UnpricedGroup {
  type: string;
  count: number;
  reason: string;
}

/** The `cost` section of the plan JSON, exactly in the shape issue 17 asks for. */
export interface CostReport {
  currency: "USD";
  /** The stack's region; each item carries its own (the edge lives in us-east-1, replicas elsewhere). */
  region: string;
  monthlyTotal: number;
  byTier: Record<string, number>;
  items: CostItem[];
  unpriced: UnpricedGroup[];
  assumptions: Record<string, unknown>;
}

/** The `cost` of the plan JSON: items carry exactly issue 17's fields (name and tier stay in the text). */
export function toCostJson(r: CostReport): Omit<CostReport, "items"> & { items: Array<Pick<CostItem, "urn" | "type" | "region" | "monthly" | "basis" | "source">> } {
  return { ...r, items: r.items.map(({ urn, type, region, monthly, basis, source }) => ({ urn, type, region, monthly, basis, source })) };
}

/** A priced line before the estimator attaches identity, tier and region. */
export interface Line {
  monthly: number;
  basis: string;
  source: string;
  /** Names a child of the resource when one resource yields several lines (e.g. "storage"). */
  part?: string;
}

/**
 * Why a resource (or part of it) has no price: the pricer knows the type but not this size or
 * region. `lines` holds the parts it could price; they are counted, the rest is listed unpriced.
 */
export interface Missing {
  missing: string;
  lines?: Line[];
}

export type PriceResult = Line[] | Missing;
