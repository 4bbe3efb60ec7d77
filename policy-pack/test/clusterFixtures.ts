/**
 * Runs one policy over hand-built resources the way CrossGuard does: resource policies see a
 * resource's inputs, stack policies see every resource's outputs; config comes from the policy's
 * configSchema defaults, overridden per test. Used by the cluster tier's policy specs.
 */
import type { PolicyResource, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";

export interface Fixture {
  type: string;
  name?: string;
  /** Inputs for resource policies, outputs for stack policies. */
  props: Record<string, any>;
  parent?: string;
}

const urnOf = (f: Fixture, i: number) => `urn:pulumi:test::platform::${f.type}::${f.name ?? `r${i}`}`;

function configOf(p: { configSchema?: { properties?: Record<string, unknown> } }, overrides: Record<string, unknown>): Record<string, unknown> {
  const defaults = Object.fromEntries(
    Object.entries(p.configSchema?.properties ?? {})
      .filter(([, s]) => (s as { default?: unknown }).default !== undefined)
      .map(([k, s]) => [k, (s as { default?: unknown }).default]),
  );
  return { ...defaults, ...overrides };
}

/** Violation messages a resource policy reports for one resource. */
export async function resourceViolations(p: ResourceValidationPolicy, f: Fixture, config: Record<string, unknown> = {}): Promise<string[]> {
  const out: string[] = [];
  const args = {
    type: f.type, name: f.name ?? "r0", urn: urnOf(f, 0), props: f.props, opts: {}, stackTags: new Map<string, string>(),
    getConfig: () => configOf(p, config), notApplicable: () => { throw new Error("not applicable"); },
    isType: () => false, asType: () => undefined,
  };
  for (const validate of [p.validateResource].flat()) await validate!(args as never, (m: string) => out.push(m));
  return out;
}

/** Violation messages a stack policy reports for a set of resources. */
export async function stackViolations(p: StackValidationPolicy, fixtures: Fixture[], config: Record<string, unknown> = {}): Promise<string[]> {
  const out: string[] = [];
  const resources = fixtures.map((f, i) => ({
    type: f.type, urn: urnOf(f, i), name: f.name ?? `r${i}`, props: f.props, opts: {}, dependencies: [], propertyDependencies: {},
    isType: () => false, asType: () => undefined,
  })) as unknown as PolicyResource[];
  const args = { resources, stackTags: new Map<string, string>(), getConfig: () => configOf(p, config), notApplicable: () => { throw new Error("not applicable"); } };
  await p.validateStack(args as never, (m: string) => out.push(m));
  return out;
}
