/**
 * YAML -> schema -> typed config. The only code that reads Pulumi config; components get typed Args.
 */
import { regionProblem } from "../../components/aws/checks";
import { didYouMean } from "../../components/suggest";
import { coerceAsCliWrites } from "./coerce";
import { PROFILE_DEFAULTS, sectionDefaults } from "./defaults";
import { KNOWN_NAMESPACES, PROJECT_NAMESPACE } from "./namespaces";
import { ConfigError, ConfigProblem, fromZodIssue } from "./problems";
import { Parsed, RULES } from "./rules";
import { PlatformConfig, REQUIRED_SECTIONS, SECTION_NAMES, SectionName, sections } from "./schema";
import { PROFILES, type Profile } from "./values";

export const NAMESPACE = PROJECT_NAMESPACE;

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

/** A key of the project's namespace that is no section: misspelt, or a nested key set without --path. */
function unknownPlatformKey(fullKey: string, key: string, value: unknown): ConfigProblem {
  const section = key.split(/[.[]/)[0];
  if (key !== section && (SECTION_NAMES as string[]).includes(section)) {
    return { key: fullKey, value, allowed: `no such key: a nested key is set with --path, as pulumi config set --path '${fullKey}' <value> (or written under ${NAMESPACE}:${section} in the stack file)` };
  }
  return {
    key: fullKey, value,
    allowed: `no such key; known keys are ${SECTION_NAMES.map((s) => `${NAMESPACE}:${s}`).join(", ")}`,
    suggestions: didYouMean(key, SECTION_NAMES).map((s) => `${NAMESPACE}:${s}`),
  };
}

/**
 * Splits `platform:*` keys into sections. A key under an unknown namespace would be ignored by
 * every provider, so it is a problem too; keys of the other known namespaces are the providers'.
 */
function collect(all: Record<string, string>, problems: ConfigProblem[]): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const [fullKey, text] of Object.entries(all)) {
    const colon = fullKey.indexOf(":");
    const [ns, key] = colon < 0 ? ["", fullKey] : [fullKey.slice(0, colon), fullKey.slice(colon + 1)];
    if (!KNOWN_NAMESPACES.includes(ns)) {
      problems.push({
        key: fullKey, value: decode(text),
        allowed: `a key of a namespace the program reads (${KNOWN_NAMESPACES.join(", ")}); every provider would ignore this one`,
        suggestions: didYouMean(ns, KNOWN_NAMESPACES).map((n) => `${n}:${key}`),
      });
      continue;
    }
    if (ns !== NAMESPACE) continue;
    if (!(SECTION_NAMES as string[]).includes(key)) {
      problems.push(unknownPlatformKey(fullKey, key, decode(text)));
      continue;
    }
    raw[key] = decode(text);
  }
  return raw;
}

/**
 * One section through zod. Values in the form `pulumi config set --path` writes them (numbers as
 * strings, and so on: coerce.ts) are taken as what they say, then parsed again.
 */
function parseSection(name: SectionName, value: unknown, problems: ConfigProblem[]): unknown {
  const key = `${NAMESPACE}:${name}`;
  if (value === undefined) {
    if (REQUIRED_SECTIONS.includes(name)) problems.push({ key, value, allowed: "a value: this key has no default" });
    return undefined;
  }
  // jitless: a process parses a section once or twice, and zod's fast path first compiles each
  // object schema with `new Function` (about 55 ms of the prod config's 80 ms first parse). The
  // option only skips that eval-based path (zod/v4/core ParseContext.jitless): same checks, same issues.
  let input = value;
  for (;;) {
    const result = sections[name].safeParse(input, { reportInput: true, jitless: true });
    if (result.success) return result.data;
    const next = coerceAsCliWrites(input, result.error.issues);
    if (next === undefined) {
      problems.push(...result.error.issues.flatMap((i) => fromZodIssue(key, i, sections[name])));
      return undefined;
    }
    input = next;
  }
}

function regionProblems(region: string | undefined): ConfigProblem[] {
  if (region === undefined) return [{ key: "aws:region", value: region, allowed: "the stack's AWS region, such as us-east-1 (pulumi config set aws:region us-east-1)" }];
  const p = regionProblem(region);
  return p ? [{ key: "aws:region", value: region, allowed: p.allowed, suggestions: p.suggestions }] : [];
}

/**
 * The profile selects every default, so without a valid one nothing else can be judged: an unknown
 * profile is one problem, not one per key it left without defaults.
 */
function profileOf(raw: Record<string, unknown>, problems: ConfigProblem[]): Profile | undefined {
  const value = raw.profile;
  if (typeof value === "string" && (PROFILES as readonly string[]).includes(value)) return value as Profile;
  if (value === undefined) {
    problems.push({ key: `${NAMESPACE}:profile`, value, allowed: `a value: one of ${PROFILES.map((p) => JSON.stringify(p)).join(", ")}; it selects every default` });
  } else {
    problems.push({ key: `${NAMESPACE}:profile`, value, allowed: `one of ${PROFILES.map((p) => JSON.stringify(p)).join(", ")}`, suggestions: didYouMean(String(value), PROFILES) });
  }
  return undefined;
}

/**
 * Validates the whole stack config in two phases and returns it typed, or throws one ConfigError
 * listing every problem. `all` is `pulumi.runtime.allConfig()`: "namespace:key" -> text.
 */
export function readPlatformConfig(all: Record<string, string>, stack: string): PlatformConfig {
  const problems: ConfigProblem[] = [];
  const raw = collect(all, problems);
  const regionIssues = regionProblems(all["aws:region"]);
  problems.push(...regionIssues);
  const region = regionIssues.length === 0 ? all["aws:region"] : undefined;

  const profile = profileOf(raw, problems);
  const defaults = profile ? PROFILE_DEFAULTS[profile] : undefined;
  const parsed: Record<string, unknown> = { profile, region };
  // Without a profile, only the sections that have no defaults can be judged.
  const judged = profile ? SECTION_NAMES.filter((s) => s !== "profile") : REQUIRED_SECTIONS.filter((s) => s !== "profile");
  for (const name of judged) {
    parsed[name] = parseSection(name, mergeDefaults(sectionDefaults(defaults, name, raw[name]), raw[name]), problems);
  }
  if (profile) for (const rule of RULES) problems.push(...rule(parsed as Parsed, raw));
  if (problems.length > 0) throw new ConfigError(problems);
  return { ...(parsed as Omit<PlatformConfig, "stack">), stack, region: region! };
}
