/**
 * The aws:* resources of a plan as the rendering sees them: every recorded custom resource of the
 * aws provider, and the resources synthesized for the remote components (offline/expand.ts).
 */
import { expandRemoteComponents, regionOf } from "../expand";
import type { RecordedResource } from "../recorder";
import { SHAPES } from "../resourceShapes";
import type { Source } from "./types";

const isAws = (type: string) => type.startsWith("aws:");

/** The provider's default tags ({"tags": {...}}, as JSON text or an object). */
function defaultTagsOf(provider: RecordedResource | undefined): Record<string, string> {
  const raw = provider?.inputs.defaultTags;
  const parsed = typeof raw === "string" ? JSON.parse(raw) : raw;
  return parsed?.tags ?? {};
}

/**
 * The inputs the provider sends: the recorded request, plus the name the provider generates when
 * the program names none or only a prefix (the mock cloud returns it in the state).
 */
function sentInputs(r: RecordedResource): Record<string, any> {
  const nameProp = SHAPES[r.type]?.nameProp;
  if (!nameProp || r.inputs[nameProp] !== undefined || r.outputs[nameProp] === undefined) return r.inputs;
  return { ...r.inputs, [nameProp]: r.outputs[nameProp] };
}

const dependencyUrns = (r: RecordedResource) => [...new Set([...r.dependencies, ...Object.values(r.propertyDependencies).flat()])];

/** `defaultRegion`: the stack's aws:region, where the default provider creates resources. */
export function sourcesOf(resources: RecordedResource[], defaultRegion?: string): Source[] {
  const byUrn = new Map(resources.map((r) => [r.urn, r]));
  const recorded: Source[] = resources.filter((r) => r.custom && isAws(r.type)).map((r) => ({
    urn: r.urn,
    type: r.type,
    name: r.name,
    region: regionOf(r, resources, defaultRegion),
    inputs: sentInputs(r),
    outputs: r.outputs,
    dependsOn: dependencyUrns(r),
    protect: r.protect,
    retainOnDelete: r.retainOnDelete,
    defaultTags: defaultTagsOf(r.provider ? byUrn.get(r.provider.urn) : undefined),
  }));
  // A component's children inherit its protect and retainOnDelete options, and its provider.
  const synthesized: Source[] = expandRemoteComponents(resources, defaultRegion).map((s, i) => {
    const component = byUrn.get(s.componentUrn)!;
    return {
      urn: `${s.componentUrn}$${s.type}::${s.name}#${i}`,
      type: s.type,
      name: s.name,
      region: s.region,
      inputs: s.inputs,
      outputs: s.outputs,
      dependsOn: dependencyUrns(component),
      componentUrn: s.componentUrn,
      order: i,
      protect: component.protect,
      retainOnDelete: component.retainOnDelete,
      defaultTags: defaultTagsOf(component.provider ? byUrn.get(component.provider.urn) : undefined),
    };
  });
  return [...recorded, ...synthesized];
}
