/**
 * IPv4 CIDR arithmetic on unsigned 32-bit integers. Pure; no Pulumi imports.
 */
import { ComponentArgsError } from "../errors";

export interface Cidr {
  /** Network address as an unsigned 32-bit integer. */
  readonly base: number;
  /** Prefix length, 0..32. */
  readonly prefix: number;
}

const CIDR_RE = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** Parses "a.b.c.d/n"; returns undefined for malformed input or host bits set (AWS rejects those). */
export function parseCidr(text: string): Cidr | undefined {
  const m = CIDR_RE.exec(text);
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return undefined;
  const base = ((octets[0] << 24) | (octets[1] << 16) | (octets[2] << 8) | octets[3]) >>> 0;
  const cidr = { base, prefix };
  return base % size(cidr) === 0 ? cidr : undefined;
}

/** Parses a CIDR the caller has already validated. */
export function mustParseCidr(text: string): Cidr {
  const c = parseCidr(text);
  if (!c) throw new ComponentArgsError(`invalid CIDR block "${text}"`);
  return c;
}

export function size(c: Cidr): number {
  return 2 ** (32 - c.prefix);
}

/** Last address (inclusive) + 1. */
export function end(c: Cidr): number {
  return c.base + size(c);
}

export function formatCidr(c: Cidr): string {
  const b = c.base;
  return `${b >>> 24}.${(b >>> 16) & 255}.${(b >>> 8) & 255}.${b & 255}/${c.prefix}`;
}

export function contains(outer: Cidr, inner: Cidr): boolean {
  return inner.base >= outer.base && end(inner) <= end(outer);
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.base < end(b) && b.base < end(a);
}

export function cidrAt(base: number, prefix: number): Cidr {
  return { base, prefix };
}

/**
 * Covers [start, stop) with the fewest aligned CIDR blocks, in ascending order.
 * Used to describe unused space so that awsx's Exact strategy sees every address accounted for.
 */
export function coverRange(start: number, stop: number): Cidr[] {
  const blocks: Cidr[] = [];
  let cursor = start;
  while (cursor < stop) {
    let prefix = 32;
    // Widen while the block stays aligned at `cursor` and ends within `stop`.
    while (prefix > 0) {
      const wider = 2 ** (33 - prefix);
      if (cursor % wider !== 0 || cursor + wider > stop) break;
      prefix -= 1;
    }
    blocks.push({ base: cursor, prefix });
    cursor += 2 ** (32 - prefix);
  }
  return blocks;
}

/** Splits the widest block of a covering in two (in place order) until it has `count` blocks. */
export function splitToCount(blocks: Cidr[], count: number): Cidr[] {
  const out = [...blocks];
  while (out.length < count) {
    let widest = -1;
    out.forEach((b, i) => {
      if (b.prefix < 32 && (widest < 0 || b.prefix < out[widest].prefix)) widest = i;
    });
    if (widest < 0) throw new Error("cannot split /32 blocks further");
    const b = out[widest];
    const half = { base: b.base, prefix: b.prefix + 1 };
    out.splice(widest, 1, half, { base: end(half), prefix: b.prefix + 1 });
  }
  return out;
}
