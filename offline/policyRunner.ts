/**
 * Runs the pack's policies over recorded resources the way CrossGuard does: resource policies see
 * each resource's inputs, stack policies see every resource's outputs with parents and
 * dependencies, both see a custom resource's provider with the provider's inputs (its default tags
 * among them), property reads go through @pulumi/policy's unknownCheckingProxy, and enforcement
 * comes from a policy-pack config file (`all`, then per-policy entries) with configSchema defaults.
 */
import * as policy from "@pulumi/policy";
import type { EnforcementLevel, Policies, Policy, PolicyProviderResource, PolicyResource, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { readFileSync } from "node:fs";
import type { RecordedResource } from "./recorder";

/** @pulumi/policy exports these at run time, but its proxy.d.ts declares nothing. */
interface PolicyProxyRuntime {
  unknownCheckingProxy<T extends object>(target: T): T;
  UnknownValueError: new (...args: any[]) => Error;
}
const runtime = policy as unknown as PolicyProxyRuntime;

export type PackConfig = Record<string, EnforcementLevel | ({ enforcementLevel?: EnforcementLevel } & Record<string, unknown>)>;

export interface Violation {
  policy: string;
  level: EnforcementLevel;
  urn?: string;
  message: string;
}

export function readPackConfig(path: string): PackConfig {
  return JSON.parse(readFileSync(path, "utf8")) as PackConfig;
}

export function enforcementLevel(p: Policy, config: PackConfig): EnforcementLevel {
  const entry = config[p.name];
  if (typeof entry === "string") return entry;
  const all = config.all;
  return entry?.enforcementLevel ?? (typeof all === "string" ? all : undefined) ?? p.enforcementLevel ?? "advisory";
}

/** The policy's config: configSchema defaults, overridden by the config file's entry. */
export function policyConfig(p: Policy, config: PackConfig): Record<string, unknown> {
  const defaults = Object.fromEntries(
    Object.entries(p.configSchema?.properties ?? {})
      .filter(([, s]) => (s as { default?: unknown }).default !== undefined)
      .map(([k, s]) => [k, (s as { default?: unknown }).default]),
  );
  const entry = config[p.name];
  if (typeof entry !== "object") return defaults;
  const { enforcementLevel: _level, ...props } = entry;
  return { ...defaults, ...props };
}

class NotApplicable extends Error {}
const notApplicable = (reason?: string): never => {
  throw new NotApplicable(reason);
};

/**
 * The provider as the engine hands it to a policy: type, URN, name and the provider's inputs (for
 * aws, `defaultTags` among them), behind the unknown-checking proxy. Only custom resources have one;
 * the engine gives components none (server.js getProviderResource reads the request's provider).
 * https://github.com/pulumi/pulumi/blob/master/pkg/resource/deploy/step_generator.go (AnalyzerProviderResource)
 */
function providerOf(r: RecordedResource, byUrn: Map<string, RecordedResource>): PolicyProviderResource | undefined {
  const p = r.custom && r.provider ? byUrn.get(r.provider.urn) : undefined;
  return p ? { type: p.type, urn: p.urn, name: p.name, props: runtime.unknownCheckingProxy({ ...p.inputs }) } : undefined;
}

function toPolicyResources(resources: RecordedResource[], recorded: Map<string, RecordedResource>): PolicyResource[] {
  const byUrn = new Map<string, PolicyResource>();
  const out = resources.map((r) => {
    const pr = {
      type: r.type,
      urn: r.urn,
      name: r.name,
      provider: providerOf(r, recorded),
      props: runtime.unknownCheckingProxy({ ...r.outputs }),
      opts: { protect: r.protect, ignoreChanges: [], aliases: [], customTimeouts: {}, additionalSecretOutputs: [], parent: r.parent, dependencies: r.dependencies },
      dependencies: [] as PolicyResource[],
      propertyDependencies: {} as Record<string, PolicyResource[]>,
      isType: () => false,
      asType: () => undefined,
    } as unknown as PolicyResource;
    byUrn.set(r.urn, pr);
    return pr;
  });
  resources.forEach((r, i) => {
    const pr = out[i] as { -readonly [K in keyof PolicyResource]: PolicyResource[K] };
    pr.parent = r.parent ? byUrn.get(r.parent) : undefined;
    pr.dependencies = r.dependencies.map((u) => byUrn.get(u)).filter((x): x is PolicyResource => !!x);
    for (const [k, urns] of Object.entries(r.propertyDependencies)) {
      pr.propertyDependencies[k] = urns.map((u) => byUrn.get(u)).filter((x): x is PolicyResource => !!x);
    }
  });
  return out;
}

async function record(violations: Violation[], p: Policy, level: EnforcementLevel, run: () => unknown): Promise<void> {
  try {
    await run();
  } catch (e) {
    if (e instanceof NotApplicable) return;
    if (e instanceof runtime.UnknownValueError) {
      violations.push({ policy: p.name, level: "advisory", message: `can't run policy '${p.name}' during preview: ${e.message}` });
      return;
    }
    throw new Error(`policy ${p.name} (${level}) failed: ${(e as Error).message}`, { cause: e });
  }
}

/** Runs every policy that is not disabled; returns violations in policy order. */
export async function runPolicies(policies: Policies, resources: RecordedResource[], config: PackConfig): Promise<Violation[]> {
  const violations: Violation[] = [];
  const analyzed = resources.filter((r) => r.type !== "pulumi:pulumi:Stack");
  const recorded = new Map(resources.map((r) => [r.urn, r]));
  for (const p of policies) {
    const level = enforcementLevel(p, config);
    if (level === "disabled") continue;
    const cfg = policyConfig(p, config);
    const report = (urn?: string) => (message: string, u?: string) => violations.push({ policy: p.name, level, urn: u ?? urn, message });
    if ("validateResource" in p) {
      const validations = [(p as ResourceValidationPolicy).validateResource].flat();
      for (const r of analyzed) {
        for (const validate of validations) {
          const args = {
            type: r.type, name: r.name, urn: r.urn, props: runtime.unknownCheckingProxy({ ...r.inputs }), provider: providerOf(r, recorded),
            opts: { protect: r.protect, parent: r.parent, dependencies: r.dependencies },
            stackTags: new Map<string, string>(), getConfig: () => cfg, notApplicable,
            isType: () => false, asType: () => undefined,
          };
          await record(violations, p, level, () => validate!(args as never, report(r.urn)));
        }
      }
    } else {
      const sp = p as StackValidationPolicy;
      const args = { resources: toPolicyResources(analyzed, recorded), stackTags: new Map<string, string>(), getConfig: () => cfg, notApplicable };
      await record(violations, p, level, () => sp.validateStack(args as never, report()));
    }
  }
  return violations;
}
