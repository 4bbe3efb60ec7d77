/**
 * Captures every registered resource. The mocks' newResource never sees parent, protect or
 * dependencies, but the monitor's registerResource request carries them, so the recorder wraps the
 * mock monitor and reads both the request and the response.
 */
import * as pulumi from "@pulumi/pulumi";
import { UNKNOWN } from "./mockCloud";
import { RecordedOptions, optionsOf } from "./resourceOptions";

export interface RecordedProvider {
  urn: string;
  name: string;
  region?: string;
}

export interface RecordedResource {
  urn: string;
  type: string;
  name: string;
  /** Id the mock cloud returned; undefined for components. */
  id?: string;
  parent?: string;
  custom: boolean;
  /** The explicit provider, if any, with its region. */
  provider?: RecordedProvider;
  /** Inputs as registered; a value unknown during preview is the engine's unknown marker, as CrossGuard sees it. */
  inputs: Record<string, any>;
  /** State the mock cloud returned (custom resources) or the registered outputs (components); unknowns as in inputs. */
  outputs: Record<string, any>;
  dependencies: string[];
  propertyDependencies: Record<string, string[]>;
  protect: boolean;
  retainOnDelete: boolean;
  /** The other options CrossGuard shows a policy (ignoreChanges, aliases, ...); absent means none set. */
  options?: RecordedOptions;
}

type Callback = (err: Error | null, resp?: any) => void;

/**
 * During preview the SDK deserializes the engine's unknown marker into its own `unknown` object;
 * CrossGuard receives the marker itself (@pulumi/policy deserialize.js keeps it, and its proxy
 * throws UnknownValueError on reading it). Put the marker back, so policies see what they would.
 */
function policyView<T>(value: T): T {
  if (pulumi.isUnknown(value)) return UNKNOWN as T;
  // Copied only where a marker goes back in: the values are the recorder's own, freshly
  // deserialized, and a plan (no unknowns) then keeps them as they are.
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((v, i) => {
      const w = policyView(v);
      if (w !== v) (copy ??= [...value])[i] = w;
    });
    return (copy ?? value) as T;
  }
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    let copy: Record<string, unknown> | undefined;
    for (const [k, v] of Object.entries(value)) {
      const w = policyView(v);
      if (w !== v) (copy ??= { ...(value as Record<string, unknown>) })[k] = w;
    }
    return (copy ?? value) as T;
  }
  return value;
}
interface MonitorLike {
  registerResource(req: any, cb: Callback): void;
  registerResourceOutputs(req: any, cb: Callback): void;
  readResource(req: any, cb: Callback): void;
}

export class Recorder {
  readonly resources: RecordedResource[] = [];
  private readonly byUrn = new Map<string, RecordedResource>();

  /** Wraps the monitor installed by setMocks. */
  attach(monitor: MonitorLike): void {
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req: any, cb: Callback) => {
      const inputs = policyView(pulumi.runtime.deserializeProperties(req.getObject()));
      register(req, (err, resp) => {
        if (!err && resp) this.record(req, inputs, resp);
        cb(err, resp);
      });
    };
    // A read (a StackReference, a `get` of an existing resource) is in the plan too, as `pulumi preview` shows it.
    const read = monitor.readResource.bind(monitor);
    monitor.readResource = (req: any, cb: Callback) => {
      read(req, (err, resp) => {
        if (!err && resp) this.recordRead(req, resp);
        cb(err, resp);
      });
    };
    const registerOutputs = monitor.registerResourceOutputs.bind(monitor);
    monitor.registerResourceOutputs = (req: any, cb: Callback) => {
      const r = this.byUrn.get(req.getUrn());
      if (r && req.getOutputs()) r.outputs = { ...r.outputs, ...policyView(pulumi.runtime.deserializeProperties(req.getOutputs())) };
      registerOutputs(req, cb);
    };
  }

  get(urn: string): RecordedResource | undefined {
    return this.byUrn.get(urn);
  }

  private recordRead(req: any, resp: any): void {
    const r: RecordedResource = {
      urn: resp.getUrn(), type: req.getType(), name: req.getName(), id: req.getId() || undefined, parent: req.getParent() || undefined, custom: true,
      inputs: policyView(pulumi.runtime.deserializeProperties(req.getProperties())),
      outputs: resp.getProperties() ? policyView(pulumi.runtime.deserializeProperties(resp.getProperties())) : {},
      dependencies: req.getDependenciesList(), propertyDependencies: {}, protect: false, retainOnDelete: false,
    };
    this.resources.push(r);
    this.byUrn.set(r.urn, r);
  }

  private record(req: any, inputs: Record<string, any>, resp: any): void {
    // Custom resources name one provider; components carry a map of providers by package.
    const providerRef: string = req.getProvider() || req.getProvidersMap().get("aws") || "";
    const providerUrn = providerRef ? providerRef.split("::").slice(0, -1).join("::") : undefined;
    const provider = providerUrn ? this.byUrn.get(providerUrn) : undefined;
    const propertyDependencies: Record<string, string[]> = {};
    req.getPropertydependenciesMap().forEach((v: any, k: string) => {
      propertyDependencies[k] = v.getUrnsList();
    });
    const self = { urn: resp.getUrn(), type: req.getType(), name: req.getName(), parent: req.getParent() || undefined };
    const r: RecordedResource = {
      urn: self.urn,
      type: self.type,
      name: self.name,
      id: resp.getId() || undefined,
      parent: self.parent,
      custom: req.getCustom(),
      provider: providerUrn ? { urn: providerUrn, name: provider?.name ?? providerUrn.split("::").pop()!, region: provider?.inputs.region } : undefined,
      inputs,
      outputs: resp.getObject() ? policyView(pulumi.runtime.deserializeProperties(resp.getObject())) : {},
      dependencies: req.getDependenciesList(),
      propertyDependencies,
      protect: req.getProtect() === true,
      retainOnDelete: req.getRetainondelete() === true,
      options: optionsOf(req, self),
    };
    this.resources.push(r);
    this.byUrn.set(r.urn, r);
  }
}
