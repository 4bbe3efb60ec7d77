/**
 * A recorded resource as the Pulumi engine hands it to a policy pack, built once per run:
 *   - properties marshalled as the engine marshals them for analyzers (analyzer_plugin.go: KeepUnknowns,
 *     KeepSecrets, SkipInternalKeys, not KeepResources) and deserialized as @pulumi/policy does
 *     (deserialize.js, secrets unwrapped): a secret is its plain value, a resource reference is the
 *     resource's id (a custom resource; unknown until it exists) or its URN (a component), keys
 *     starting with "__" are dropped, and the unknown marker stays for the proxy to report;
 *   - the options (PolicyResourceOptions), the provider with its inputs, isType/asType by type token;
 *   - for stack policies, the PolicyResource graph with parent, dependencies and property dependencies.
 * https://github.com/pulumi/pulumi/blob/master/sdk/go/common/resource/plugin/rpc.go (MarshalPropertyValue)
 * https://github.com/pulumi/pulumi-policy/blob/master/sdk/nodejs/policy/server.ts
 */
import * as pulumi from "@pulumi/pulumi";
import * as policy from "@pulumi/policy";
import type { PolicyProviderResource, PolicyResource, PolicyResourceOptions } from "@pulumi/policy";
import { UNKNOWN } from "./mockCloud";
import type { RecordedResource } from "./recorder";
import { DEFAULT_OPTIONS } from "./resourceOptions";

/** @pulumi/policy exports these at run time, but its .d.ts declares neither. */
interface PolicyRuntime {
  unknownCheckingProxy<T extends object>(target: T): T;
  UnknownValueError: new (...args: any[]) => Error;
  getPulumiType(obj: unknown): string | undefined;
}
export const policyRuntime = policy as unknown as PolicyRuntime;

type Props = Record<string, unknown>;

/** What the engine sends in place of each resource reference found in recorded values. */
export type RefValues = Map<pulumi.Resource, string>;

const isPlainObject = (v: object): boolean => {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/** A recorded value as a policy reads it. Assets and archives stay the SDK's objects, as @pulumi/policy builds them. */
export function analyzerValue(v: unknown, refs: RefValues): unknown {
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) return v.map((e) => (e === undefined ? null : analyzerValue(e, refs)));
  const obj = v as Record<string, unknown>;
  if (obj[pulumi.runtime.specialSigKey] === pulumi.runtime.specialSecretSig) return analyzerValue(obj.value, refs);
  if (pulumi.Resource.isInstance(v)) {
    const ref = refs.get(v);
    if (ref === undefined) throw new Error(`analyzerValue: a resource reference to ${(v as { __name?: string }).__name ?? "a resource"} was not resolved`);
    return ref;
  }
  if (!isPlainObject(v)) return v;
  const out: Props = {};
  for (const [k, x] of Object.entries(obj)) if (x !== undefined && !k.startsWith("__")) out[k] = analyzerValue(x, refs);
  return out;
}

function collectRefs(v: unknown, found: Set<pulumi.Resource>): void {
  if (v === null || typeof v !== "object") return;
  if (pulumi.Resource.isInstance(v)) found.add(v);
  else if (Array.isArray(v)) v.forEach((e) => collectRefs(e, found));
  else if (isPlainObject(v)) for (const x of Object.values(v)) collectRefs(x, found);
}

/**
 * The value the engine sends for each resource reference in the recorded properties: the id of a
 * custom resource (unknown before it exists), else the URN. The SDK rehydrated each reference as a
 * live resource whose URN output is already resolved.
 */
export async function resolveRefs(resources: readonly RecordedResource[]): Promise<RefValues> {
  const found = new Set<pulumi.Resource>();
  for (const r of resources) {
    collectRefs(r.inputs, found);
    collectRefs(r.outputs, found);
  }
  const refs: RefValues = new Map();
  if (found.size === 0) return refs;
  const byUrn = new Map(resources.map((r) => [r.urn, r]));
  await Promise.all(
    [...found].map(async (res) => {
      const urn = await (res.urn as unknown as { promise(): Promise<string> }).promise();
      const recorded = byUrn.get(urn);
      const custom = recorded ? recorded.custom : pulumi.CustomResource.isInstance(res);
      refs.set(res, custom ? (recorded?.id ?? UNKNOWN) : urn);
    }),
  );
  return refs;
}

/** True if `type` is the type token of `resourceClass` (server.js isTypeOf). */
export function isTypeOf(type: string, resourceClass: unknown): boolean {
  const pulumiType = policyRuntime.getPulumiType(resourceClass);
  if (pulumiType) return type === pulumiType;
  const isInstance = (resourceClass as { isInstance?: unknown } | undefined)?.isInstance;
  return typeof isInstance === "function" && isInstance({ __pulumiType: type }) === true;
}

/** The options as the engine sends them (server.js getResourceOptions): parent and deleteBeforeReplace only when set. */
export function optionsView(r: RecordedResource): PolicyResourceOptions {
  const o = r.options ?? DEFAULT_OPTIONS;
  return {
    protect: r.protect,
    ignoreChanges: [...o.ignoreChanges],
    aliases: [...o.aliases],
    customTimeouts: { ...o.customTimeouts },
    additionalSecretOutputs: [...o.additionalSecretOutputs],
    ...(o.deleteBeforeReplace !== undefined ? { deleteBeforeReplace: o.deleteBeforeReplace } : {}),
    ...(r.parent ? { parent: r.parent } : {}),
  };
}

/** One resource, converted once per run and shared by every policy. */
export class ResourceView {
  private inputsView?: Props;
  private outputsView?: Props;
  readonly opts: PolicyResourceOptions;

  constructor(
    readonly record: RecordedResource,
    private readonly refs: RefValues,
    /** Its provider's view: custom resources only, as components carry none (step_generator.go getProviderResource). */
    readonly providerView?: ResourceView,
  ) {
    this.opts = optionsView(record);
  }

  /** What resource policies read. */
  get inputs(): Props {
    return (this.inputsView ??= analyzerValue(this.record.inputs, this.refs) as Props);
  }

  /** What stack policies read. */
  get outputs(): Props {
    return (this.outputsView ??= analyzerValue(this.record.outputs, this.refs) as Props);
  }

  /** `args.provider` (server.js getProviderResource): a fresh proxy over the provider's inputs. */
  provider(): PolicyProviderResource | undefined {
    const p = this.providerView?.record;
    return p && { type: p.type, props: policyRuntime.unknownCheckingProxy({ ...this.providerView!.inputs }), urn: p.urn, name: p.name };
  }
}

/** Every resource's view; `resolveRefs` first, since references resolve asynchronously. */
export async function resourceViews(resources: readonly RecordedResource[]): Promise<ResourceView[]> {
  const refs = await resolveRefs(resources);
  const providers = new Map<string, ResourceView>();
  for (const r of resources) if (r.type.startsWith("pulumi:providers:")) providers.set(r.urn, new ResourceView(r, refs));
  return resources.map((r) => providers.get(r.urn) ?? new ResourceView(r, refs, r.custom && r.provider ? providers.get(r.provider.urn) : undefined));
}

/**
 * The stack as stack policies see it (server.js makeAnalyzeStackRpcFun): outputs behind the proxy,
 * parent and dependencies as objects, property dependencies only for properties that have some
 * (analyzer_plugin.go AnalyzeStack skips empty ones), URNs outside the stack dropped.
 */
export function policyResources(views: readonly ResourceView[]): PolicyResource[] {
  const byUrn = new Map<string, PolicyResource>();
  const out = views.map((v) => {
    const { type, urn, name } = v.record;
    const props = policyRuntime.unknownCheckingProxy({ ...v.outputs });
    const provider = v.provider();
    const resource = {
      type, props, urn, name, opts: v.opts,
      dependencies: [] as PolicyResource[],
      propertyDependencies: {} as Record<string, PolicyResource[]>,
      isType: (resourceClass: unknown) => isTypeOf(type, resourceClass),
      asType: (resourceClass: unknown) => (isTypeOf(type, resourceClass) ? props : undefined),
      ...(provider ? { provider } : {}),
    } as unknown as PolicyResource & { parent?: PolicyResource };
    byUrn.set(urn, resource);
    return resource;
  });
  const known = (urns: readonly string[]) => urns.map((u) => byUrn.get(u)).filter((x): x is PolicyResource => x !== undefined);
  views.forEach((v, i) => {
    const r = out[i] as { -readonly [K in keyof PolicyResource]: PolicyResource[K] };
    const parent = v.record.parent ? byUrn.get(v.record.parent) : undefined;
    if (parent) r.parent = parent;
    r.dependencies = known(v.record.dependencies);
    for (const [k, urns] of Object.entries(v.record.propertyDependencies)) if (urns.length > 0) r.propertyDependencies[k] = known(urns);
  });
  return out;
}
