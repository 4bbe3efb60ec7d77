/**
 * CIDR blocks, IPv4 and IPv6, as plain strings. Pure; no Pulumi imports. IPv6 blocks matter for the
 * EKS public endpoint: a dual-stack IPv6 cluster accepts IPv6 blocks in publicAccessCidrs and
 * defaults to ::/0 besides 0.0.0.0/0.
 * https://docs.aws.amazon.com/eks/latest/APIReference/API_VpcConfigRequest.html
 */

interface Block {
  family: 4 | 6;
  base: bigint;
  prefix: number;
}

const BITS = { 4: 32, 6: 128 } as const;

function ipv4(address: string): bigint | undefined {
  const parts = address.split(".");
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.reduce((acc, p) => (acc << 8n) | BigInt(Number(p)), 0n);
}

/** Eight 16-bit groups, "::" standing for a run of zero groups; no embedded IPv4 form. */
function ipv6(address: string): bigint | undefined {
  const halves = address.toLowerCase().split("::");
  if (halves.length > 2) return undefined;
  const groups = halves.map((h) => (h === "" ? [] : h.split(":")));
  if (groups.flat().some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return undefined;
  const given = groups.flat().length;
  if (halves.length === 1 ? given !== 8 : given > 7) return undefined;
  const all = halves.length === 1 ? groups[0] : [...groups[0], ...Array<string>(8 - given).fill("0"), ...groups[1]];
  return all.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
}

/** Parses "a.b.c.d/n" or an IPv6 "x:y::z/n"; undefined when malformed. */
export function parseCidr(cidr: string): Block | undefined {
  const m = /^([^/]+)\/(\d{1,3})$/.exec(cidr.trim());
  if (!m) return undefined;
  const family = m[1].includes(":") ? 6 : 4;
  const base = family === 4 ? ipv4(m[1]) : ipv6(m[1]);
  const prefix = Number(m[2]);
  if (base === undefined || prefix > BITS[family]) return undefined;
  return { family, base, prefix };
}

const mask = (family: 4 | 6, prefix: number): bigint => ((1n << BigInt(prefix)) - 1n) << BigInt(BITS[family] - prefix);

/** True when `inner` lies within `outer` (or equals it), both of one family. Malformed blocks never do. */
export function cidrWithin(inner: string, outer: string): boolean {
  const a = parseCidr(inner);
  const b = parseCidr(outer);
  if (!a || !b || a.family !== b.family || a.prefix < b.prefix) return false;
  const m = mask(b.family, b.prefix);
  return (a.base & m) === (b.base & m);
}

/** True for a block of prefix length 0: the whole IPv4 or IPv6 internet (0.0.0.0/0, ::/0). */
export function isWholeInternet(cidr: string): boolean {
  return parseCidr(cidr)?.prefix === 0;
}
