/**
 * What every pricer receives: the resource as a real run shows it, the region's prices, the
 * assumptions, and how many resources share a stack-wide usage assumption (log groups sharing the
 * log GB, buckets sharing the S3 GB), so a stated total is split, never multiplied.
 */
import type { CostConfig } from "../../../stacks/config/schema";
import { HOURS_PER_MONTH, PriceBook, PriceEntry, cite } from "../priceBook";
import type { Line, Missing, PriceResult } from "../types";

export interface Priced {
  type: string;
  name: string;
  inputs: Record<string, any>;
  region: string;
}

export interface PricingContext {
  book: PriceBook;
  assumptions: CostConfig;
  /** Resources of `type` in the whole plan. */
  countOf(type: string): number;
  /** AZs the stack's VPC spans: what a per-subnet charge counts when a preview leaves the subnets unknown. */
  azCount: number;
  /** The recorded resource whose id is `id` (launch templates a node group or Auto Scaling group names). */
  byId(id: string): { inputs: Record<string, any> } | undefined;
  /** The recorded resource whose ARN is `arn` (the source instance a read replica names). */
  byArn(arn: string): { inputs: Record<string, any> } | undefined;
}

export type Pricer = (r: Priced, ctx: PricingContext) => PriceResult;

/** A monthly line from a price entry and a monthly quantity of its unit. */
export function line(e: PriceEntry, quantity: number, basis: string, part?: string): Line {
  return { monthly: e.value * quantity, basis, source: cite(e), ...(part ? { part } : {}) };
}

/** Hours in a month times `count`: the quantity of an always-on hourly price. */
export const hours = (count = 1): number => HOURS_PER_MONTH * count;

/** Looks up every key, or reports the first missing one. */
export function need(ctx: PricingContext, ...keys: string[]): PriceEntry[] | Missing {
  const entries = keys.map((k) => ctx.book.get(k));
  const i = entries.findIndex((e) => e === undefined);
  return i >= 0 ? { missing: `no ${ctx.book.region} price for ${keys[i]}` } : (entries as PriceEntry[]);
}

export const isMissing = (x: unknown): x is Missing => typeof x === "object" && x !== null && "missing" in x;

/** The priced lines, plus the part that has no price in this region (if any). */
export function partly(lines: Line[], unpricedPart?: Missing): PriceResult {
  return unpricedPart ? { missing: unpricedPart.missing, lines } : lines;
}

export const usd = (n: number, digits = 4): string => `$${Number(n.toFixed(digits))}`;
