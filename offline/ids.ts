/**
 * Deterministic, realistic-looking cloud identifiers: the same resource gets the same id on every
 * run, so plans diff cleanly.
 */
import { createHash } from "node:crypto";

export const MOCK_ACCOUNT_ID = "123456789012";

/**
 * The engine's marker for a value not known until apply, as it reaches programs and CrossGuard
 * (@pulumi/pulumi runtime/rpc.js unknownValue, equal to @pulumi/policy's unknownStringValue).
 */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export function hex(seed: string, length: number): string {
  let out = "";
  for (let i = 0; out.length < length; i++) out += createHash("sha256").update(`${seed}#${i}`).digest("hex");
  return out.slice(0, length);
}

export function uuid(seed: string): string {
  const h = hex(seed, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Pulumi's autoname: logical name, "-", 7 random hex characters. */
export function autoname(logical: string): string {
  return `${logical}-${hex(`autoname:${logical}`, 7)}`;
}
