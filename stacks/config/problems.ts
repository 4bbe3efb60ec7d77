/**
 * A config problem names the key, the value given and what is allowed. All problems of a stack are
 * collected and thrown once, so a user fixes their file in one pass.
 */
import type { core } from "zod";
import { didYouMean, suggestionText } from "../../components/suggest";
import { SECRET_FIELD_HINT, holdsSecureValue, isSecureValue } from "./secure";
import type { SettingProblem } from "../../components/settings";

export interface ConfigProblem {
  /** Full config key as written in the stack file, e.g. `platform:network.cidr`. */
  key: string;
  value: unknown;
  allowed: string;
  /** The allowed values nearest to the one given ("did you mean …"), when any is near. */
  suggestions?: readonly string[];
}

/** One line per problem: `<key>: got <value>; allowed: <allowed>[; did you mean <suggestion>?]`. */
export function formatProblem(p: ConfigProblem): string {
  const hint = suggestionText(p.suggestions ?? []);
  return `${p.key}: got ${show(p.value)}; allowed: ${p.allowed}${hint ? `; ${hint}` : ""}`;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(
      `Invalid stack configuration (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n` +
        problems.map((p) => `  - ${formatProblem(p)}`).join("\n"),
    );
    this.name = "ConfigError";
  }
}

/** A value as messages print it; a `secure:` value (or anything holding one) is never printed. */
export function show(value: unknown): string {
  if (value === undefined) return "nothing (the key is missing)";
  if (holdsSecureValue(value)) return "a secure value (not shown)";
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/** A component's setting problems, keyed under the config section (or sub-key) that sets them. */
export function underKey(base: string, problems: readonly SettingProblem[]): ConfigProblem[] {
  return problems.map((p) => ({ key: `${base}.${p.field}`, value: p.value, allowed: p.allowed, suggestions: p.suggestions }));
}

export function joinKey(base: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>((k, p) => (typeof p === "number" ? `${k}[${p}]` : `${k}.${String(p)}`), base);
}

/** A config field holding a version: a number there lost its text to YAML (7.10 reads as 7.1). */
export const isVersionKey = (path: readonly PropertyKey[]): boolean => /version$/i.test(String(path[path.length - 1] ?? ""));

/**
 * The exact quoting hint for a version written as a number: YAML reads an unquoted 7.10 as the
 * number 7.1, and `pulumi config set --path` writes integers as numbers.
 * https://www.pulumi.com/docs/iac/cli/commands/pulumi_config_set/
 */
export function quotingHint(key: string, value: number): string {
  const field = key.slice(key.lastIndexOf(".") + 1);
  return `a string: write ${field}: "${value}" in the stack file (unquoted, YAML reads a version as a number, and 7.10 as 7.1), or set it with pulumi config set --path --type string ${key} ${value}`;
}

/** Keys a zod object schema allows at `path` (through arrays and optionals); empty when unknown. */
export function knownKeysAt(schema: core.$ZodType | undefined, path: readonly PropertyKey[]): string[] {
  let s: core.$ZodType | undefined = schema;
  for (const step of [...path, undefined]) {
    // Unwrap what does not change the shape: optional, nullable, default, pipe (refine/transform).
    for (let def = s?._zod.def as any; def && ["optional", "nullable", "default", "pipe", "readonly"].includes(def.type); def = s?._zod.def as any) {
      s = def.innerType ?? def.in;
    }
    const def = s?._zod.def as any;
    if (step === undefined) return def?.type === "object" ? Object.keys(def.shape) : [];
    s = def?.type === "object" ? def.shape[step as string] : def?.type === "array" ? def.element : undefined;
  }
  return [];
}

/** Turns a zod issue (parsed with reportInput) into problems keyed by the full config key. */
export function fromZodIssue(base: string, issue: core.$ZodIssue, schema?: core.$ZodType): ConfigProblem[] {
  const key = joinKey(base, issue.path);
  if (issue.path[issue.path.length - 1] === "secure") {
    // A secure value whose ciphertext is malformed: name the field, never the ciphertext.
    return [{ key: joinKey(base, issue.path.slice(0, -1)), value: { secure: issue.input }, allowed: issue.message }];
  }
  if (isSecureValue(issue.input) && issue.code !== "unrecognized_keys") return [{ key, value: issue.input, allowed: SECRET_FIELD_HINT }];
  if (typeof issue.input === "number" && isVersionKey(issue.path)) return [{ key, value: issue.input, allowed: quotingHint(key, issue.input) }];
  switch (issue.code) {
    case "unrecognized_keys": {
      const known = knownKeysAt(schema, issue.path);
      return issue.keys.map((k) => ({
        key: joinKey(key, [k]),
        value: (issue.input as Record<string, unknown> | undefined)?.[k],
        allowed: "no such key; check the spelling against the config reference in README.md",
        suggestions: didYouMean(k, known).map((s) => joinKey(key, [s])),
      }));
    }
    case "invalid_type":
      // A key the schema forbids in this variant (the other cluster engine's) says why in its message.
      if (issue.expected === "never") return [{ key, value: issue.input, allowed: issue.message }];
      return [{ key, value: issue.input, allowed: `a value of type ${issue.expected}` }];
    case "invalid_value":
      return [{
        key, value: issue.input, allowed: `one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`,
        suggestions: didYouMean(String(issue.input), issue.values.map(String)),
      }];
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
