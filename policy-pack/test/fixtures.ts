/**
 * Fixtures for the policy specs: RecordedResource objects as the test harness records them, and a
 * `check` that runs one policy over them through the same runner the stack specs use (inputs for
 * resource policies, outputs/parent/dependencies for stack policies, the unknown-checking proxy,
 * enforcement and configSchema defaults from a pack config).
 */
import { strict as assert } from "node:assert";
import type { Policy } from "@pulumi/policy";
import { PackConfig, Violation, runPolicies } from "../../offline/policyRunner";
import type { RecordedResource } from "../../offline/recorder";
import { T } from "../lib/types";

export type { PackConfig, RecordedResource, Violation };

/** Every field but the identity, which `fixture` derives from type and name. */
export type FixtureFields = Partial<Omit<RecordedResource, "urn" | "type" | "name">>;

export const urnOf = (type: string, name: string): string => `urn:pulumi:test::platform::${type}::${name}`;

/** A custom resource with no provider, no protection, no dependencies; `fields` override any default. */
export function fixture(type: string, name: string, fields: FixtureFields = {}): RecordedResource {
  return {
    urn: urnOf(type, name),
    type,
    name,
    custom: true,
    provider: undefined,
    inputs: {},
    outputs: {},
    dependencies: [],
    propertyDependencies: {},
    protect: false,
    retainOnDelete: false,
    ...fields,
  };
}

/** A component resource (custom: false), such as awsx:ec2:Vpc. */
export const component = (type: string, name: string, fields: FixtureFields = {}): RecordedResource => fixture(type, name, { custom: false, ...fields });

/**
 * `{ dependencies, propertyDependencies }` for a resource whose properties are computed from other
 * resources' outputs, as the engine records them: every URN of a property is also a dependency.
 */
export function dependsOn(byProperty: Record<string, string[]>): Pick<RecordedResource, "dependencies" | "propertyDependencies"> {
  return { dependencies: [...new Set(Object.values(byProperty).flat())], propertyDependencies: byProperty };
}

/**
 * Copy of `props` with `patch` applied. An `undefined` in the patch removes the property, as the
 * engine does: CrossGuard never shows properties whose value is undefined.
 */
function patched(props: Record<string, any>, patch: Record<string, unknown>): Record<string, any> {
  const out: Record<string, any> = { ...props, ...patch };
  for (const [k, v] of Object.entries(patch)) if (v === undefined) delete out[k];
  return out;
}

/** `r` with some inputs overridden (what resource policies read). */
export const withInputs = (r: RecordedResource, patch: Record<string, unknown>): RecordedResource => ({ ...r, inputs: patched(r.inputs, patch) });

/** `r` with some outputs overridden (what stack policies read). */
export const withOutputs = (r: RecordedResource, patch: Record<string, unknown>): RecordedResource => ({ ...r, outputs: patched(r.outputs, patch) });

/** `resources` with each resource of `changed` put in place of the one with its URN. */
export function replace(resources: RecordedResource[], ...changed: RecordedResource[]): RecordedResource[] {
  const byUrn = new Map(changed.map((r) => [r.urn, r]));
  for (const urn of byUrn.keys()) assert.ok(resources.some((r) => r.urn === urn), `replace: no resource ${urn} in the stack`);
  return resources.map((r) => byUrn.get(r.urn) ?? r);
}

/** Runs one policy over `resources` and returns its violations. */
export function check(policy: Policy, resources: RecordedResource[], config: PackConfig = { all: "mandatory" }): Promise<Violation[]> {
  return runPolicies([policy], resources, config);
}

/**
 * Asserts exactly one violation, from `policy`, at `level`, whose message matches every pattern
 * (what is wrong and what is expected); returns it for further checks such as its URN.
 */
export function assertOneViolation(violations: Violation[], policy: Policy, patterns: RegExp[], level = "mandatory"): Violation {
  assert.equal(violations.length, 1, `expected one violation, got ${violations.length}: ${JSON.stringify(violations, null, 2)}`);
  const [v] = violations;
  assert.equal(v.policy, policy.name);
  assert.equal(v.level, level);
  for (const p of patterns) assert.match(v.message, p);
  return v;
}

/**
 * The two ways a VPC reaches the stack policies. `awsxVpc` is the awsx component as the offline
 * mocks show it (no children); `awsxChildVpc` is the aws:ec2 VPC a real run also shows under it,
 * which the policies fold into the component. `plainVpc` is declared directly with aws.ec2.Vpc.
 */
export const awsxVpc = component(T.awsxVpc, "main", { outputs: { vpcId: "vpc-1" } });
export const awsxChildVpc = fixture(T.vpc, "main", { parent: awsxVpc.urn, outputs: { id: "vpc-1", cidrBlock: "10.0.0.0/16" } });
export const plainVpc = fixture(T.vpc, "legacy", { outputs: { id: "vpc-2", cidrBlock: "10.1.0.0/16" } });

/**
 * An explicit aws provider as the Node SDK registers it: object-typed inputs such as defaultTags
 * arrive as JSON text (@pulumi/aws provider.js stringifies them).
 */
export function awsProvider(name: string, inputs: Record<string, unknown> = {}): RecordedResource {
  const text = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, typeof v === "object" && v !== null ? JSON.stringify(v) : v]));
  return fixture("pulumi:providers:aws", name, { inputs: { region: "us-west-2", ...text }, outputs: { region: "us-west-2", ...text } });
}

/** `r` created through `provider`, as the recorder shows it. */
export const onProvider = (r: RecordedResource, provider: RecordedResource): RecordedResource => ({ ...r, provider: { urn: provider.urn, name: provider.name, region: provider.inputs.region } });
