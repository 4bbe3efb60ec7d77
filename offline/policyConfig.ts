/**
 * A policy pack's config as the Pulumi engine reconciles it before the first resource is analyzed
 * (pkg/resource/analyzer/config.go, ReconcilePolicyPackConfig), then hands each policy through
 * `args.getConfig()` (@pulumi/policy server.js, makeGetConfigFun):
 *   1. every policy starts at its own enforcementLevel, else the pack's, with its configSchema defaults;
 *   2. the pack's initial config (`new PolicyPack(name, args, initialConfig)`) applies, then the config
 *      file (`--policy-pack-config`): in each, `all` sets every level, then a policy's entry sets its
 *      level and merges its settings over what it had;
 *   3. each policy's settings are validated against `{ type: "object", properties, required }` from its
 *      configSchema; any problem fails the run before anything is analyzed.
 * Pure, apart from reading a file in readPackConfig and the validators ajv saved (schemaValidators.ts).
 */
import type { EnforcementLevel, Policy } from "@pulumi/policy";
import type { ValidateFunction } from "ajv";
import { readFileSync } from "node:fs";
import { schemaValidator } from "./schemaValidators";

export type PackConfig = Record<string, EnforcementLevel | ({ enforcementLevel?: EnforcementLevel } & Record<string, unknown>)>;

/** The levels the engine accepts (apitype.EnforcementLevel.IsValid). */
export const ENFORCEMENT_LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

/** A policy's reconciled config: the level it runs at and the settings getConfig returns. */
export interface PolicySettings {
  level: EnforcementLevel;
  properties: Record<string, unknown>;
}

interface Entry {
  level?: EnforcementLevel;
  properties?: Record<string, unknown>;
}

/** The config or the pack is one the engine refuses to run with; every problem is listed. */
export class PolicyConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid policy pack config:\n  ${problems.join("\n  ")}`);
    this.name = "PolicyConfigError";
  }
}

const isLevel = (v: unknown): v is EnforcementLevel => ENFORCEMENT_LEVELS.includes(v as EnforcementLevel);

/**
 * A config file's entries as the CLI parses them (parsePolicyPackConfig): a string is a level, an
 * object an optional `enforcementLevel` plus settings; empty entries are dropped; anything else is an
 * error naming the key.
 */
export function parsePackConfig(config: unknown): Map<string, Entry> {
  if (typeof config !== "object" || config === null || Array.isArray(config)) throw new PolicyConfigError(["a policy pack config must be a JSON object"]);
  const entries = new Map<string, Entry>();
  const problems: string[] = [];
  for (const [key, value] of Object.entries(config)) {
    if (typeof value === "string") {
      if (isLevel(value)) entries.set(key, { level: value });
      else problems.push(`${key}: "${value}" is not a valid enforcement level (allowed: ${ENFORCEMENT_LEVELS.join(", ")})`);
    } else if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      const { enforcementLevel: level, ...properties } = value as Record<string, unknown>;
      if (level !== undefined && !isLevel(level)) problems.push(`${key}: enforcementLevel ${JSON.stringify(level)} is not a valid enforcement level (allowed: ${ENFORCEMENT_LEVELS.join(", ")})`);
      else if (level !== undefined || Object.keys(properties).length > 0) {
        entries.set(key, { ...(level !== undefined ? { level } : {}), ...(Object.keys(properties).length > 0 ? { properties } : {}) });
      }
    } else {
      problems.push(`${key}: ${JSON.stringify(value)} is not a valid value; it must be an enforcement level or an object`);
    }
  }
  if (problems.length > 0) throw new PolicyConfigError(problems);
  return entries;
}

/** Reads and checks a `--policy-pack-config` file. */
export function readPackConfig(path: string): PackConfig {
  const config = JSON.parse(readFileSync(path, "utf8")) as PackConfig;
  parsePackConfig(config);
  return config;
}

/** Settings from the configSchema defaults, or none. */
function defaults(p: Policy): Record<string, unknown> | undefined {
  const withDefault = Object.entries(p.configSchema?.properties ?? {}).filter(([, s]) => (s as { default?: unknown }).default !== undefined);
  return withDefault.length > 0 ? Object.fromEntries(withDefault.map(([k, s]) => [k, (s as { default?: unknown }).default])) : undefined;
}

/** One policy through steps 1 and 2; `sources` in order (initial config, then the file). */
function reconcileOne(p: Policy, sources: Map<string, Entry>[], packLevel: EnforcementLevel): PolicySettings {
  let level: EnforcementLevel = p.enforcementLevel || packLevel;
  let properties = defaults(p);
  for (const entries of sources) {
    const all = entries.get("all")?.level;
    if (all) level = all;
    const own = entries.get(p.name);
    if (own?.level) level = own.level;
    if (own?.properties) properties = { ...properties, ...own.properties };
  }
  return { level, properties: properties ?? {} };
}

/** The level a policy runs at under `config`, as the engine reconciles it. */
export function enforcementLevel(p: Policy, config: PackConfig, packLevel: EnforcementLevel = "advisory"): EnforcementLevel {
  return reconcileOne(p, [parsePackConfig(config)], packLevel).level;
}

/** The settings `args.getConfig()` returns under `config`: configSchema defaults, overridden by the config's entry. */
export function policyConfig(p: Policy, config: PackConfig): Record<string, unknown> {
  return reconcileOne(p, [parsePackConfig(config)], "advisory").properties;
}

const validators = new WeakMap<Policy, ValidateFunction>();

/** The engine's schema for a policy's settings (config.go, convertSchema), compiled once per policy. */
function validatorOf(p: Policy): ValidateFunction {
  let v = validators.get(p);
  if (!v) {
    const { properties, required } = p.configSchema ?? { properties: {} };
    v = schemaValidator({ type: "object", ...(Object.keys(properties ?? {}).length > 0 ? { properties } : {}), ...(required?.length ? { required } : {}) });
    validators.set(p, v);
  }
  return v;
}

/**
 * Problems the policy pack server refuses to start with (@pulumi/policy server.js, serve): the
 * reserved name `all`, and `enforcementLevel` declared as a setting.
 */
function packProblems(policies: readonly Policy[]): string[] {
  return policies.flatMap((p) => [
    ...(p.name === "all" ? [`policy name "all" is reserved`] : []),
    ...(p.configSchema?.properties?.enforcementLevel ? [`${p.name}: enforcementLevel cannot be declared in configSchema.properties`] : []),
    ...(p.configSchema?.required?.includes("enforcementLevel") ? [`${p.name}: enforcementLevel cannot be required in configSchema`] : []),
  ]);
}

export interface ReconcileOptions {
  /** PolicyPackArgs.enforcementLevel: the level of a policy that sets none. @default "advisory" */
  packEnforcementLevel?: EnforcementLevel;
  /** The third argument of `new PolicyPack(...)`, applied before the config file. */
  initialConfig?: PackConfig;
}

/** Every policy's level and settings, steps 1 to 3; throws PolicyConfigError listing every problem. */
export function reconcilePackConfig(policies: readonly Policy[], config: PackConfig, opts: ReconcileOptions = {}): Map<string, PolicySettings> {
  const problems = packProblems(policies);
  if (problems.length > 0) throw new PolicyConfigError(problems);
  const sources = [...(opts.initialConfig ? [parsePackConfig(opts.initialConfig)] : []), parsePackConfig(config)];
  const result = new Map<string, PolicySettings>();
  for (const p of policies) {
    const settings = reconcileOne(p, sources, opts.packEnforcementLevel ?? "advisory");
    if (p.configSchema) {
      const validate = validatorOf(p);
      if (!validate(settings.properties)) problems.push(...(validate.errors ?? []).map((e) => `${p.name}: ${e.instancePath ? `${e.instancePath.slice(1)} ` : ""}${e.message}`));
    }
    result.set(p.name, settings);
  }
  if (problems.length > 0) throw new PolicyConfigError(problems);
  return result;
}
