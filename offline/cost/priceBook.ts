/**
 * Prices as data: one JSON file per region under prices/, each entry with the page it was read
 * from and the date. Only the regions a plan touches are loaded, once each.
 */
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";

export const HOURS_PER_MONTH = 730;

export interface PriceEntry {
  value: number;
  unit: string;
  source: string;
  read: string;
  note?: string;
  /** Set where the region's own figure was not found and AWS Price List data shows the service priced alike. */
  parity?: { from: string; evidence: string; note: string };
}

export interface RegionPrices {
  region: string;
  currency: "USD";
  hoursPerMonth: number;
  read: string;
  prices: Record<string, PriceEntry>;
  /** What no source gave, with what was tried. */
  missing: Record<string, string>;
}

const DIR = join(__dirname, "prices");
const loaded = new Map<string, RegionPrices | undefined>();

/** The price file of `region`, or undefined when none is kept for it. */
export function regionPrices(region: string): RegionPrices | undefined {
  if (!loaded.has(region)) {
    const file = join(DIR, `${region}.json`);
    loaded.set(region, existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as RegionPrices) : undefined);
  }
  return loaded.get(region);
}

/** Regions with a price file. */
export const PRICED_REGIONS = ["us-east-1", "us-east-2", "us-west-2"] as const;

/** A lookup of one region's prices, as the pricers use it. */
export interface PriceBook {
  region: string;
  get(key: string): PriceEntry | undefined;
}

export function priceBook(region: string): PriceBook {
  const file = regionPrices(region);
  return { region, get: (key) => file?.prices[key] };
}

/** "page (read 2026-12-06)", plus the parity evidence when the figure is another region's. */
export function cite(e: PriceEntry): string {
  const own = `${e.source} (read ${e.read})`;
  return e.parity ? `${own}; ${e.parity.from} rate, regional parity per ${e.parity.evidence}` : own;
}

/** Rounds to cents for output; sums are made from unrounded figures. */
export const cents = (usd: number): number => Math.round(usd * 100) / 100;
