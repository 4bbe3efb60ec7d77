/**
 * YAML -> schema -> typed config. The only code that reads Pulumi config; components get typed Args.
 */
import { ConfigError, ConfigProblem, fromZodIssue } from "./problems";
import { PROFILE_DEFAULTS, sectionDefaults } from "./defaults";
import { Parsed, RULES } from "./rules";
import { PlatformConfig, REQUIRED_SECTIONS, SECTION_NAMES, SectionName, region as regionSchema, sections } from "./schema";
import type { Profile } from "./values";

export const NAMESPACE = "platform";

/** Pulumi hands structured config values over as JSON text. */
function decode(text: string): unknown {
  const t = text.trim();
  if (t.startsWith("{") || t.startsWith("[")) {
    try {
      return JSON.parse(t);
    } catch {
      return text;
    }
  }
  return text;
}

/** Objects merge key by key; arrays and scalars from the stack file replace the default. */
export function mergeDefaults(defaults: unknown, given: unknown): unknown {
  if (given === undefined) return defaults;
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  if (!isObj(defaults) || !isObj(given)) return given;
  const out: Record<string, unknown> = { ...defaults };
  for (const [k, v] of Object.entries(given)) out[k] = mergeDefaults(defaults[k], v);
  return out;
}

/** Splits `platform:*` keys into sections; anything else in the namespace is an unknown key. */
function collect(all: Record<string, string>, problems: ConfigProblem[]): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const [fullKey, text] of Object.entries(all)) {
    const [ns, key] = fullKey.split(":", 2);
    if (ns !== NAMESPACE) continue;
    if (!(SECTION_NAMES as string[]).includes(key)) {
      problems.push({ key: fullKey, value: decode(text), allowed: `no such key; known keys are ${SECTION_NAMES.map((s) => `${NAMESPACE}:${s}`).join(", ")}` });
      continue;
    }
    raw[key] = decode(text);
  }
  return raw;
}

function parseSection(name: SectionName, value: unknown, problems: ConfigProblem[]): unknown {
  const key = `${NAMESPACE}:${name}`;
  if (value === undefined) {
    if (REQUIRED_SECTIONS.includes(name)) problems.push({ key, value, allowed: "a value: this key has no default" });
    return undefined;
  }
  // jitless: a process parses a section once or twice, and zod's fast path first compiles each
  // object schema with `new Function` (about 55 ms of the prod config's 80 ms first parse). The
  // option only skips that eval-based path (zod/v4/core ParseContext.jitless): same checks, same issues.
  const result = sections[name].safeParse(value, { reportInput: true, jitless: true });
  if (result.success) return result.data;
  problems.push(...result.error.issues.flatMap((i) => fromZodIssue(key, i)));
  return undefined;
}

/**
 * Validates the whole stack config in two phases and returns it typed, or throws one ConfigError
 * listing every problem. `all` is `pulumi.runtime.allConfig()`: "namespace:key" -> text.
 */
export function readPlatformConfig(all: Record<string, string>, stack: string): PlatformConfig {
  const problems: ConfigProblem[] = [];
  const raw = collect(all, problems);
  const region = regionSchema.safeParse(all["aws:region"], { reportInput: true });
  if (!region.success) problems.push({ key: "aws:region", value: all["aws:region"], allowed: "an AWS region name such as us-east-1" });

  const profile = parseSection("profile", raw.profile, problems) as Profile | undefined;
  const defaults = profile ? PROFILE_DEFAULTS[profile] : undefined;
  const parsed: Record<string, unknown> = { profile };
  for (const name of SECTION_NAMES.filter((s) => s !== "profile")) {
    const withDefaults = mergeDefaults(sectionDefaults(defaults, name, raw[name]), raw[name]);
    // Without a valid profile there are no defaults to merge, so a missing section is not its fault.
    if (withDefaults === undefined && !profile && !REQUIRED_SECTIONS.includes(name)) continue;
    parsed[name] = parseSection(name, withDefaults, problems);
  }
  for (const rule of RULES) problems.push(...rule(parsed as Parsed, raw));
  if (problems.length > 0) throw new ConfigError(problems);
  return { ...(parsed as Omit<PlatformConfig, "stack" | "region">), stack, region: region.data! };
}
