/**
 * A config problem names the key, the value given and what is allowed. All problems of a stack are
 * collected and thrown once, so a user fixes their file in one pass.
 */
import type { core } from "zod";
import type { SettingProblem } from "../../components/settings";

export interface ConfigProblem {
  /** Full config key as written in the stack file, e.g. `platform:network.cidr`. */
  key: string;
  value: unknown;
  allowed: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(
      `Invalid stack configuration (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n` +
        problems.map((p) => `  - ${p.key}: got ${show(p.value)}; allowed: ${p.allowed}`).join("\n"),
    );
    this.name = "ConfigError";
  }
}

export function show(value: unknown): string {
  if (value === undefined) return "nothing (the key is missing)";
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/** A component's setting problems, keyed under the config section (or sub-key) that sets them. */
export function underKey(base: string, problems: readonly SettingProblem[]): ConfigProblem[] {
  return problems.map((p) => ({ key: `${base}.${p.field}`, value: p.value, allowed: p.allowed }));
}

export function joinKey(base: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>((k, p) => (typeof p === "number" ? `${k}[${p}]` : `${k}.${String(p)}`), base);
}

/** Turns a zod issue (parsed with reportInput) into problems keyed by the full config key. */
export function fromZodIssue(base: string, issue: core.$ZodIssue): ConfigProblem[] {
  const key = joinKey(base, issue.path);
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((k) => ({
        key: joinKey(key, [k]),
        value: (issue.input as Record<string, unknown> | undefined)?.[k],
        allowed: "no such key; check the spelling against the config reference in README.md",
      }));
    case "invalid_type":
      // A key the schema forbids in this variant (the other cluster engine's) says why in its message.
      if (issue.expected === "never") return [{ key, value: issue.input, allowed: issue.message }];
      return [{ key, value: issue.input, allowed: `a value of type ${issue.expected}` }];
    case "invalid_value":
      return [{ key, value: issue.input, allowed: `one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}` }];
    case "too_small":
      return [{ key, value: issue.input, allowed: `${issue.origin === "array" ? "a list with at least" : "at least"} ${String(issue.minimum)}${issue.origin === "array" ? " items" : ""}` }];
    case "too_big":
      return [{ key, value: issue.input, allowed: `${issue.origin === "array" ? "a list with at most" : "at most"} ${String(issue.maximum)}${issue.origin === "array" ? " items" : ""}` }];
    case "invalid_union": {
      // A discriminated union (the cluster engine) names the field that chose no variant.
      const { discriminator, options } = issue as { discriminator?: unknown; options?: unknown };
      if (typeof discriminator === "string" && Array.isArray(options)) {
        const value = (issue.input as Record<string, unknown> | undefined)?.[discriminator];
        return [{ key, value, allowed: `one of ${options.map((o) => JSON.stringify(o)).join(", ")}` }];
      }
      // Unions of literals (retention days): list the literals instead of zod's generic text.
      const literals = issue.errors.flat().flatMap((e) => (e.code === "invalid_value" ? e.values : []));
      const allowed = literals.length > 0 ? `one of ${literals.join(", ")}` : issue.message;
      return [{ key, value: issue.input, allowed }];
    }
    default:
      return [{ key, value: issue.input, allowed: issue.message }];
  }
}
