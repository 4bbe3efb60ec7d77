/**
 * The monthly estimate of a plan: every recorded aws:* resource and every billable child of a
 * remote component, priced from the region files (priceBook.ts) under the stated assumptions.
 * Pure and O(resources): it runs on every plan.
 */
import type { CostConfig } from "../../stacks/config/schema";
import type { RecordedResource } from "../recorder";
import { cents, priceBook, PriceBook } from "./priceBook";
import { PRICERS, UNPRICED_TYPES } from "./pricers";
import { isMissing, Priced, PricingContext } from "./pricers/context";
import type { SynthesizedResource } from "../expand";
import type { CostItem, CostReport, Line, UnpricedGroup } from "./types";

/** The tier of a URN: the `<tier>` of its nearest platform:<tier>:<Name> ancestor (itself included). */
export function tierResolver(resources: RecordedResource[]): (urn: string) => string {
  const byUrn = new Map(resources.map((r) => [r.urn, r]));
  const memo = new Map<string, string>();
  const resolve = (urn: string | undefined, depth = 0): string => {
    if (!urn || depth > 50) return "stack";
    const hit = memo.get(urn);
    if (hit) return hit;
    const r = byUrn.get(urn);
    const m = r ? /^platform:([a-z]+):/.exec(r.type) : null;
    const tier = m ? m[1] : resolve(r?.parent, depth + 1);
    memo.set(urn, tier);
    return tier;
  };
  return (urn) => resolve(urn);
}

interface Subject extends Priced {
  urn: string;
}

/** Merges a resource's lines into one item: the monthly sum, each basis, each distinct source. */
function item(s: Subject, tier: string, lines: Line[]): CostItem {
  const monthly = lines.reduce((n, l) => n + l.monthly, 0);
  const basis = lines.map((l) => (l.part ? `${l.part}: ${l.basis}` : l.basis)).join("; ");
  const source = [...new Set(lines.map((l) => l.source))].join(" | ");
  return { urn: s.urn, type: s.type, name: s.name, tier, region: s.region, monthly, basis, source };
}

export interface EstimateInput {
  resources: RecordedResource[];
  /** Billable children of the remote components, each carrying its component's URN. */
  synthesized: SynthesizedResource[];
  /** The stack's region (aws:region). */
  region: string;
  assumptions: CostConfig;
}

export function estimate(input: EstimateInput): CostReport {
  const { resources, synthesized, region, assumptions } = input;
  const tierOf = tierResolver(resources);
  const subjects: Subject[] = [
    ...resources.filter((r) => r.custom && r.type.startsWith("aws:")).map((r) => ({ urn: r.urn, type: r.type, name: r.name, inputs: r.inputs, region: r.provider?.region ?? region })),
    ...synthesized.map((s) => ({ urn: s.componentUrn, type: s.type, name: s.name, inputs: s.inputs, region: s.region })),
  ];
  const counts = new Map<string, number>();
  for (const s of subjects) counts.set(s.type, (counts.get(s.type) ?? 0) + 1);
  const byId = new Map(resources.filter((r) => r.id).map((r) => [r.id!, r]));
  const byArn = new Map(resources.filter((r) => typeof r.outputs?.arn === "string").map((r) => [r.outputs.arn as string, r]));
  const azCount = Math.max(1, ...resources.filter((r) => r.type === "awsx:ec2:Vpc").map((r) => (Array.isArray(r.inputs.availabilityZoneNames) ? r.inputs.availabilityZoneNames.length : 1)));
  const books = new Map<string, PriceBook>();
  const ctxOf = (r: string): PricingContext => {
    if (!books.has(r)) books.set(r, priceBook(r));
    return { book: books.get(r)!, assumptions, azCount, countOf: (t) => counts.get(t) ?? 0, byId: (id) => byId.get(id), byArn: (arn) => byArn.get(arn) };
  };
  const items: CostItem[] = [];
  const unpriced = new Map<string, UnpricedGroup>();
  const skip = (type: string, reason: string) => {
    const key = `${type}\u0000${reason}`;
    const g = unpriced.get(key) ?? { type, count: 0, reason };
    g.count += 1;
    unpriced.set(key, g);
  };
  for (const s of subjects) {
    const pricer = PRICERS[s.type];
    if (!pricer) {
      const reason = UNPRICED_TYPES[s.type]?.(s.inputs);
      if (reason) skip(s.type, reason);
      continue;
    }
    const result = pricer(s, ctxOf(s.region));
    const lines = isMissing(result) ? result.lines ?? [] : result;
    if (isMissing(result)) skip(s.type, result.lines?.length ? `part not priced: ${result.missing}` : result.missing);
    if (lines.length > 0) items.push(item(s, tierOf(s.urn), lines));
  }
  // Equal costs (a service's replicas, a remote component's children under its URN) keep one order
  // whatever order they were registered or synthesized in.
  items.sort((a, b) => b.monthly - a.monthly || a.urn.localeCompare(b.urn) || a.name.localeCompare(b.name));
  const byTier: Record<string, number> = {};
  for (const i of items) byTier[i.tier] = (byTier[i.tier] ?? 0) + i.monthly;
  return {
    currency: "USD",
    region,
    monthlyTotal: cents(items.reduce((n, i) => n + i.monthly, 0)),
    byTier: Object.fromEntries(Object.entries(byTier).sort(([, a], [, b]) => b - a).map(([t, v]) => [t, cents(v)])),
    items: items.map((i) => ({ ...i, monthly: cents(i.monthly) })),
    unpriced: [...unpriced.values()].sort((a, b) => a.type.localeCompare(b.type)),
    assumptions: { ...assumptions, hoursPerMonth: 730, pricing: "on-demand list prices per region (offline/cost/prices/<region>.json)" },
  };
}
