/**
 * Helpers the mappings share to turn Terraform-shaped inputs into CloudFormation properties. Pure.
 */
import type { Props } from "./types";

/** "fooBar" -> "FooBar". */
const upperFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Deep copy with keys in PascalCase, for nested blocks whose CloudFormation shape mirrors the
 * provider's. `renames` maps a provider key to its CloudFormation name wherever it appears; a
 * rename to "" drops the key.
 */
export function pascal(value: any, renames: Record<string, string> = {}): any {
  if (Array.isArray(value)) return value.map((v) => pascal(v, renames));
  if (!value || typeof value !== "object") return value;
  const out: Props = {};
  for (const [k, v] of Object.entries(value)) {
    const name = k in renames ? renames[k] : upperFirst(k);
    if (name !== "" && v !== undefined) out[name] = pascal(v, renames);
  }
  return out;
}

/** Drops undefined values, empty arrays and empty objects at the top level. */
export function compact(props: Props): Props {
  return Object.fromEntries(Object.entries(props).filter(([, v]) => {
    if (v === undefined || v === null) return false;
    if (Array.isArray(v)) return v.length > 0;
    return typeof v !== "object" || Object.keys(v).length > 0;
  }));
}

/** A JSON document the provider takes as text (policies), as the object CloudFormation takes. */
export function json(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** Numbers the provider takes as strings (launch template "true", "20") as CloudFormation's types. */
export const bool = (v: unknown): boolean | undefined => (v === undefined ? undefined : v === true || v === "true");
export const int = (v: unknown): number | undefined => (v === undefined || v === "" ? undefined : Number(v));
