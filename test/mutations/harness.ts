/**
 * The mutation suite's machinery: take the prod stack file, apply one named change a careless user
 * could make, run the real program and the policy pack offline, and report what happened. A row
 * either expects exactly one policy to catch the change (every violation from that policy, each
 * message saying how to fix it) or, where config validation refuses the change before any
 * resource exists, the config error that says so.
 */
import { readFileSync } from "node:fs";
import * as pulumi from "@pulumi/pulumi";
import { join } from "node:path";
import { parse } from "yaml";
import { policies } from "../../policy-pack/policies";
import { ConfigError } from "../../stacks/config/problems";
import { withEstimate } from "../../offline/cost/budgetConfig";
import { estimateStack } from "../../offline/cost/stackCost";
import { Violation, readPackConfig, runPolicies } from "../../offline/policyRunner";
import { runStack } from "../../offline/runStack";
import { flatten, stackNameOf } from "../../offline/stackFile";
import { main } from "../../stacks/platform";
import { ROOT } from "../helpers";

interface Row {
  /** The mandatory policy this row proves. */
  policy: string;
  /** The careless change, in words. */
  change: string;
  /**
   * Stack config to set, by path: `platform:<section>.<field>`, with `[i]` for a list element;
   * `undefined` removes the key. Objects merge over the profile defaults key by key, lists replace.
   */
  set: Record<string, unknown>;
}

/** The policy catches the change in the offline plan. */
export interface Caught extends Row {
  /** What every violation must say: the fix. */
  message: RegExp;
}

/**
 * The same careless change made in code, where config refuses it: a stack transformation, as a
 * user's program could register (pulumi.runtime.registerStackTransformation, or the
 * `transformations` resource option), patching the inputs of the resources it matches. The real
 * prod program runs with it, so the policy is proven against the program's own resource graph.
 */
export interface InCode {
  /** The resource type token the transformation patches. */
  type: string;
  /** Only resources whose logical name matches; default every resource of the type. */
  name?: RegExp;
  /** The patched inputs (a copy; values may be Outputs, and may be read through pulumi.output). */
  patch: (props: Record<string, any>) => Record<string, any>;
  /** What every violation must say: the fix. */
  message: RegExp;
  /**
   * Other policies the same change truly breaks too, which must fire with it (and no others), e.g.
   * a VPC cut to two AZs also leaves the node groups, on its subnets, in two AZs.
   */
  alsoFires?: string[];
  /**
   * The stack file to run instead of Pulumi.prod.yaml, for resources prod does not create: an
   * example system in examples/ (a prod-profile stack) that has them, e.g. the ECS engine, EFS, MSK
   * or Amazon MQ. Relative to the repository root.
   */
  stackFile?: string;
}

/** Config validation refuses the change, so it can never reach the policy. */
export interface Rejected extends Row {
  /** The config error naming the key, the value and what is allowed. */
  configError: RegExp;
  /** Why the policy stays in the pack all the same (hand-written code, other programs, real runs). */
  because: string;
  /** The change made in code, which the policy must catch in the real prod program. */
  inCode?: InCode;
  /** Where no code change to this program can reach the policy: why (e.g. the type exists only in a real run). */
  notInCode?: string;
}

export type Mutation = Caught | Rejected;

export const isRejected = (m: Mutation): m is Rejected => "configError" in m;

/** The schema's error for a key it does not have: the change names a setting that is not a knob. */
export const noSuchKey = (key: string) => new RegExp(`${key.replace(/[.[\]]/g, "\\$&")}: got .*; allowed: no such key`);

export const PROD_STACK_FILE = join(ROOT, "Pulumi.prod.yaml");
export const PROD_PACK_CONFIG = join(ROOT, "policy-pack", "config", "prod.json");

/** A stack file's `config:` map, structured (not yet flattened to text); the prod stack file by default. */
export function prodConfig(stackFile = PROD_STACK_FILE): Record<string, unknown> {
  return (parse(readFileSync(stackFile, "utf8")) as { config: Record<string, unknown> }).config;
}

/** Splits `platform:storage.buckets[0].purpose` into the config key and the path inside its value. */
export function splitPath(path: string): [string, (string | number)[]] {
  const [key, ...rest] = path.split(".");
  const parts = [key, ...rest].flatMap((p) => p.split(/\[(\d+)\]/).filter((x) => x !== "").map((x, i) => (i > 0 ? Number(x) : x)));
  return [String(parts[0]), parts.slice(1)];
}

/** `config` with `value` set at `path` (missing objects created), or removed when `value` is undefined. */
export function setPath(config: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const out = structuredClone(config);
  const [key, inner] = splitPath(path);
  if (inner.length === 0) {
    if (value === undefined) delete out[key];
    else out[key] = value;
    return out;
  }
  let cur = (out[key] ??= {}) as Record<string | number, unknown>;
  for (const part of inner.slice(0, -1)) cur = (cur[part] ??= {}) as Record<string | number, unknown>;
  const last = inner[inner.length - 1];
  if (value === undefined) delete cur[last];
  else cur[last] = value;
  return out;
}

export interface Outcome {
  /** The config error, when validation refused the change. */
  configError?: string;
  /** Any other program failure. */
  failure?: Error;
  /** Resources registered before the program stopped (none when config validation refuses). */
  resources: number;
  violations: Violation[];
}

/**
 * Applies the row's change to the prod stack config and runs the offline plan with the prod pack
 * config; with `inCode`, runs the unchanged prod config (or the row's example stack file) with that
 * transformation registered first.
 */
export async function applyMutation(set: Record<string, unknown>, inCode?: InCode): Promise<Outcome> {
  const base = prodConfig(inCode?.stackFile ? join(ROOT, inCode.stackFile) : PROD_STACK_FILE);
  const config = Object.entries(set).reduce((c, [path, value]) => setPath(c, path, value), base);
  // Every stack a row runs is a prod-profile stack, so the prod pack config applies (the table test checks it).
  const program = inCode
    ? () => {
        pulumi.runtime.registerStackTransformation((r) =>
          r.type === inCode.type && (!inCode.name || inCode.name.test(r.name)) ? { props: inCode.patch({ ...r.props }), opts: r.opts } : undefined);
        return main();
      }
    : undefined;
  // The stack is named as the CLI would name it from its file: Pulumi.<stack>.yaml.
  const stack = inCode?.stackFile ? stackNameOf(inCode.stackFile) : "prod";
  const flat = flatten(config);
  const run = await runStack({ stack, config: flat, program });
  const resources = run.resources.filter((r) => r.type !== "pulumi:pulumi:Stack").length;
  if (run.error instanceof ConfigError) return { configError: run.error.message, resources, violations: [] };
  if (run.error) return { failure: run.error, resources, violations: [] };
  // As the offline plan does: the estimate reaches the budget policy through its pack-config entry.
  const pack = withEstimate(readPackConfig(PROD_PACK_CONFIG), estimateStack(run.resources, flat, stack));
  return { resources, violations: await runPolicies(policies, run.resources, pack) };
}
