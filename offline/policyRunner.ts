/**
 * Runs a policy pack over recorded resources the way `pulumi preview` runs it through CrossGuard
 * (@pulumi/policy server.js, the engine's step_generator.go):
 *   - config and enforcement reconciled as the engine does (policyConfig.ts), before anything runs;
 *   - every registered resource, the stack and providers included, goes through each enabled resource
 *     policy with its inputs, options and provider; typed validations (`validateResourceOfType`) skip
 *     other types by their `__pulumiType`; `isType`/`asType` compare the class's type token;
 *   - each enabled stack policy sees every resource's outputs as a PolicyResource graph (parent,
 *     dependencies, property dependencies), built once per run and shared;
 *   - reading a value unknown during preview ends that validation with an advisory "can't run";
 *     `notApplicable()` ends it silently; any other error fails the run;
 *   - a resource violation is always at the resource's URN; a stack violation at the URN it names if
 *     that resource is in the stack, else at the stack's.
 * Remediation is out of scope: a resource policy with `remediateResource` at the `remediate` level is
 * refused with an error naming it, since its remediated inputs cannot be computed offline. At any
 * other level the engine never calls remediateResource either, so it is not called here.
 */
import type { EnforcementLevel, Policies, Policy, PolicyResource, ReportViolation, ResourceValidationArgs, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { ResourceView, isTypeOf, policyResources, policyRuntime, resourceViews } from "./analyzerView";
import { PackConfig, PolicySettings, ReconcileOptions, reconcilePackConfig } from "./policyConfig";
import type { RecordedResource } from "./recorder";

export { enforcementLevel, policyConfig, readPackConfig } from "./policyConfig";
export type { PackConfig } from "./policyConfig";

export interface Violation {
  policy: string;
  level: EnforcementLevel;
  urn?: string;
  message: string;
}

export interface RunOptions extends ReconcileOptions {
  /** The stack's tags (`args.stackTags`), which the engine takes from the backend. @default none */
  stackTags?: ReadonlyMap<string, string>;
}

/** A pack the offline runner cannot run as the engine would. */
export class UnsupportedPolicyError extends Error {
  override name = "UnsupportedPolicyError";
}

class NotApplicableError extends Error {}
const notApplicable = (reason?: string): never => {
  throw new NotApplicableError(reason ?? "Policy does not apply");
};

/** A read-only map, as the policy server hands stack tags (server.js freezeMap). */
function frozen(map: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
  const m = new Map(map);
  return Object.freeze({
    entries: m.entries.bind(m), forEach: m.forEach.bind(m), get: m.get.bind(m), has: m.has.bind(m),
    keys: m.keys.bind(m), size: m.size, values: m.values.bind(m), [Symbol.iterator]: m[Symbol.iterator].bind(m),
  }) as ReadonlyMap<string, string>;
}

interface Context {
  violations: Violation[];
  stackTags: ReadonlyMap<string, string>;
  /** URNs in the stack, and the stack's own, for attributing stack violations. */
  urns: Set<string>;
  stackUrn?: string;
}

/** Runs one validation; returns normally for a violation-free, not-applicable or "can't run" outcome. */
async function guarded(ctx: Context, p: Policy, level: EnforcementLevel, urn: string | undefined, run: () => unknown): Promise<void> {
  try {
    await run();
  } catch (e) {
    if (e instanceof NotApplicableError) return;
    if (e instanceof policyRuntime.UnknownValueError) {
      ctx.violations.push({ policy: p.name, level: "advisory", urn, message: `can't run policy '${p.name}' during preview: ${e.message}` });
      return;
    }
    throw new Error(`policy ${p.name} (${level}) failed: ${(e as Error).message}`, { cause: e });
  }
}

const getConfigOf = (settings: PolicySettings) => <T extends object>(): T => ({ ...settings.properties }) as T;

async function runResourcePolicy(ctx: Context, p: ResourceValidationPolicy, settings: PolicySettings, views: readonly ResourceView[]): Promise<void> {
  if (!p.validateResource) return; // a remediation-only policy: "not applicable" to analysis
  // A policy at `remediate` that still reports is downgraded to mandatory (server.js makeAnalyzeRpcFun).
  const level = settings.level === "remediate" ? "mandatory" : settings.level;
  // A typed validation (validateResourceOfType) is not applicable to other types: the server skips
  // it by its __pulumiType, and the helper's own isType check would end it the same way.
  const validations = [p.validateResource].flat().map((validate) => ({ validate, typed: policyRuntime.getPulumiType(validate) }));
  const getConfig = getConfigOf(settings);
  for (const v of views) {
    const { type, urn, name } = v.record;
    const report: ReportViolation = (message) => void ctx.violations.push({ policy: p.name, level, urn, message });
    for (const { validate, typed } of validations) {
      if (typed && type !== typed) continue;
      const props = policyRuntime.unknownCheckingProxy({ ...v.inputs });
      const provider = v.provider();
      const args: ResourceValidationArgs = {
        type, props, urn, name, opts: v.opts, stackTags: ctx.stackTags,
        isType: (resourceClass) => isTypeOf(type, resourceClass),
        asType: ((resourceClass: unknown) => (isTypeOf(type, resourceClass) ? props : undefined)) as ResourceValidationArgs["asType"],
        getConfig, notApplicable,
        ...(provider ? { provider } : {}),
      };
      await guarded(ctx, p, level, urn, () => validate(args, report));
    }
  }
}

async function runStackPolicy(ctx: Context, p: StackValidationPolicy, settings: PolicySettings, resources: () => PolicyResource[]): Promise<void> {
  // Stack policies cannot remediate, so `remediate` means mandatory (server.js makeAnalyzeStackRpcFun).
  const level = settings.level === "remediate" ? "mandatory" : settings.level;
  const typed = policyRuntime.getPulumiType(p.validateStack);
  const all = resources();
  if (typed && !all.some((r) => r.type === typed)) return;
  const report: ReportViolation = (message, urn) =>
    void ctx.violations.push({ policy: p.name, level, urn: urn && ctx.urns.has(urn) ? urn : ctx.stackUrn, message });
  const args = { resources: all.slice(), getConfig: getConfigOf(settings), stackTags: ctx.stackTags, notApplicable };
  await guarded(ctx, p, level, ctx.stackUrn, () => p.validateStack(args, report));
}

/** Refuses what cannot be emulated offline: a resource remediation the engine would apply. */
function checkRemediation(policies: readonly Policy[], settings: Map<string, PolicySettings>): void {
  const remediating = policies.filter((p) => settings.get(p.name)!.level === "remediate" && typeof (p as ResourceValidationPolicy).remediateResource === "function");
  if (remediating.length > 0) {
    const names = remediating.map((p) => p.name).join(", ");
    throw new UnsupportedPolicyError(`the offline policy runner does not run remediations: ${names} ${remediating.length === 1 ? "has" : "have"} enforcement level "remediate" and a remediateResource, whose changed inputs only \`pulumi preview\` can compute; set another level for ${remediating.length === 1 ? "it" : "them"} in the policy pack config to run offline`);
  }
}

/** Runs every policy that is not disabled; returns violations in policy order. */
export async function runPolicies(policies: Policies, resources: RecordedResource[], config: PackConfig, opts: RunOptions = {}): Promise<Violation[]> {
  const settings = reconcilePackConfig(policies, config, opts);
  checkRemediation(policies, settings);
  const views = await resourceViews(resources);
  const ctx: Context = {
    violations: [],
    stackTags: frozen(opts.stackTags ?? new Map()),
    urns: new Set(resources.map((r) => r.urn)),
    stackUrn: resources.find((r) => r.type === "pulumi:pulumi:Stack")?.urn,
  };
  let graph: PolicyResource[] | undefined;
  const stackResources = () => (graph ??= policyResources(views));
  for (const p of policies) {
    const s = settings.get(p.name)!;
    if (s.level === "disabled") continue;
    // A policy with both validateResource and validateStack runs as both (server.js isResourcePolicy, isStackPolicy).
    if ("validateResource" in p) await runResourcePolicy(ctx, p as ResourceValidationPolicy, s, views);
    if (typeof (p as StackValidationPolicy).validateStack === "function") await runStackPolicy(ctx, p as StackValidationPolicy, s, stackResources);
  }
  return ctx.violations;
}
