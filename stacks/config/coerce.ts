/**
 * Values in the form `pulumi config set --path` writes them. With --path, "true" and "false" become
 * booleans and integers become numbers; every other value (1000.5, 0.25) is written as a string.
 * https://www.pulumi.com/docs/iac/cli/commands/pulumi_config_set/
 * So a number field may arrive as the string "1000.5", a boolean as "true", and a string field
 * (a cost center "4711") as a number: each is taken as what it says. A version field is the
 * exception: a number there is refused with the quoting hint (problems.ts quotingHint), because
 * YAML has already turned 7.10 into 7.1.
 */
import type { core } from "zod";
import { isVersionKey } from "./problems";

const NUMERIC = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/** The value a zod issue's input stands for in the form the CLI writes it, or undefined. */
function coerced(issue: core.$ZodIssue): { value: unknown } | undefined {
  const input = issue.input;
  if (issue.code === "invalid_type") {
    if (issue.expected === "number" && typeof input === "string" && NUMERIC.test(input.trim())) return { value: Number(input) };
    if (issue.expected === "boolean" && (input === "true" || input === "false")) return { value: input === "true" };
    if (issue.expected === "string" && typeof input === "number" && !isVersionKey(issue.path)) return { value: String(input) };
  }
  // A union of numeric literals (retention days) given the number as a string.
  if (issue.code === "invalid_union" && typeof input === "string" && NUMERIC.test(input.trim())) {
    const literals = issue.errors.flat().flatMap((e) => (e.code === "invalid_value" ? e.values : []));
    if (literals.length > 0 && literals.every((v) => typeof v === "number")) return { value: Number(input) };
  }
  return undefined;
}

function setAt(root: unknown, path: readonly PropertyKey[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const copy: any = Array.isArray(root) ? [...root] : { ...(root as object) };
  copy[head as any] = setAt(copy[head as any], rest, value);
  return copy;
}

/**
 * `input` with every value the issues show in CLI form replaced by what it stands for, or
 * undefined when there is nothing to replace (the issues are real problems).
 */
export function coerceAsCliWrites(input: unknown, issues: readonly core.$ZodIssue[]): unknown {
  let out = input;
  let changed = false;
  for (const issue of issues) {
    const c = coerced(issue);
    if (!c) continue;
    out = setAt(out, issue.path, c.value);
    changed = true;
  }
  return changed ? out : undefined;
}
