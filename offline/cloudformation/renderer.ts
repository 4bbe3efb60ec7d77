/**
 * Renders a plan's aws:* resources as CloudFormation, one template per region, for AWS's own
 * linter to check. Not for deployment: the templates say what the program would ask AWS for.
 */
import { MOCK_ACCOUNT_ID } from "../ids";
import type { RecordedResource } from "../recorder";
import { countCoverage, Coverage } from "./coverage";
import { MAPPINGS } from "./mappings";
import { TemplateParameters, openSecrets } from "./parameters";
import { ReferenceIndex, leaves } from "./references";
import { sourcesOf } from "./sources";
import { FoldMapping, MapContext, Props, ResourceMapping, Source, isFold, isNone } from "./types";

export interface Template {
  AWSTemplateFormatVersion: "2010-09-09";
  Description: string;
  Parameters?: Record<string, Props>;
  Resources: Record<string, Props>;
}

export interface Rendering {
  /** One template per region. */
  templates: Record<string, Template>;
  coverage: Coverage;
}

/** A resource being rendered, with what its folded children added. */
interface Entry {
  source: Source;
  mapping: ResourceMapping;
  logicalId: string;
  /** The provider inputs, secrets opened. */
  inputs: Props;
  props: Props;
  secrets: Set<string>;
  dependsOn: string[];
}

/** Types whose DeletionPolicy can take a final snapshot, as the provider does with finalSnapshotIdentifier. */
const SNAPSHOT_TYPES = new Set(["AWS::RDS::DBInstance", "AWS::ElastiCache::ReplicationGroup"]);

const alnum = (s: string) => s.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("");

export function contextOf(source: Source): MapContext {
  const merged = (tags: Record<string, string> | undefined) => ({ ...source.defaultTags, ...(tags ?? {}) });
  return {
    source,
    region: source.region,
    account: MOCK_ACCOUNT_ID,
    tagMap: (tags) => (Object.keys(merged(tags)).length ? merged(tags) : undefined),
    tagList: (tags) => {
      const all = Object.entries(merged(tags)).map(([Key, Value]) => ({ Key, Value }));
      return all.length ? all : undefined;
    },
  };
}

/** Pulumi's delete semantics: protect or retainOnDelete keep the resource; a final snapshot is taken where configured. */
function deletionPolicy(s: Source, cfnType: string): string {
  if (s.protect || s.retainOnDelete) return "Retain";
  return SNAPSHOT_TYPES.has(cfnType) && s.inputs.finalSnapshotIdentifier && !s.inputs.skipFinalSnapshot ? "Snapshot" : "Delete";
}

class LogicalIds {
  private readonly used = new Set<string>();
  next(s: Source, cfnType: string): string {
    const base = `${alnum(s.name)}${cfnType.split("::").pop()}`.slice(0, 200);
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}${n}`;
    this.used.add(id);
    return id;
  }
}

/** The rendered resource a folded configuration resource belongs to: one it depends on, naming it by value. */
function parentOf(child: Source, fold: FoldMapping, entries: Entry[]): Entry | undefined {
  const key = child.inputs[fold.parentInput];
  const candidates = entries.filter((e) => e.source.type === fold.parentType && e.source.region === child.region);
  const named = candidates.filter((e) => [...leaves(e.source.outputs), ...leaves(e.source.inputs)].some(([, v]) => v === key));
  return named.find((e) => child.dependsOn.includes(e.source.urn)) ?? named[0];
}

/** `defaultRegion`: the stack's aws:region, where resources on the default provider go. */
export function render(resources: RecordedResource[], stack: string, defaultRegion?: string): Rendering {
  const sources = sourcesOf(resources, defaultRegion);
  const ids = new LogicalIds();
  const entries: Entry[] = [];
  const folded: Source[] = [];
  const orphans: Source[] = [];
  for (const source of sources) {
    const mapping = MAPPINGS[source.type];
    if (!mapping || isNone(mapping) || isFold(mapping)) continue;
    const { value, secrets } = openSecrets(source.inputs);
    const logicalId = ids.next(source, mapping.cfnType);
    entries.push({ source, mapping, logicalId, inputs: value, props: mapping.properties(value, contextOf(source)), secrets, dependsOn: [...source.dependsOn] });
  }
  for (const source of sources) {
    const mapping = MAPPINGS[source.type];
    if (!mapping || !isFold(mapping)) continue;
    const parent = parentOf(source, mapping, entries);
    if (!parent) {
      orphans.push(source);
      continue;
    }
    const { value } = openSecrets(source.inputs, parent.secrets);
    mapping.fold(parent.props, value, contextOf(source));
    parent.dependsOn.push(...source.dependsOn);
    folded.push(source);
  }
  const templates: Record<string, Template> = {};
  for (const region of [...new Set(entries.map((e) => e.source.region))].sort()) {
    templates[region] = template(stack, region, entries.filter((e) => e.source.region === region));
  }
  return { templates, coverage: countCoverage(sources, resources, { rendered: entries.map((e) => e.source), folded, orphans }) };
}

function template(stack: string, region: string, entries: Entry[]): Template {
  const index = new ReferenceIndex(region);
  for (const e of entries) index.add(e.source, e.logicalId, e.mapping);
  const parameters = new TemplateParameters();
  const resources: Record<string, Props> = {};
  for (const e of entries) {
    const from = { ...e.source, dependsOn: e.dependsOn };
    const policy = deletionPolicy(e.source, e.mapping.cfnType);
    const resolve = (p: Props) => index.resolve(parameters.replace(p, e.secrets, e.logicalId), from, e.logicalId);
    const resolved = resolve(e.props);
    resources[e.logicalId] = { Type: e.mapping.cfnType, DeletionPolicy: policy, UpdateReplacePolicy: policy, Properties: e.mapping.finalize?.(resolved) ?? resolved };
    for (const c of e.mapping.companions?.(e.inputs, contextOf(e.source), e.logicalId) ?? []) {
      resources[`${e.logicalId}${c.suffix}`] = { Type: c.Type, Properties: resolve(c.Properties) };
    }
  }
  const declared = parameters.declared;
  return {
    AWSTemplateFormatVersion: "2010-09-09",
    Description: `${stack} in ${region}: the offline plan's AWS resources, rendered by offline/cloudformation for cfn-lint (not for deployment)`,
    ...(Object.keys(declared).length ? { Parameters: declared } : {}),
    Resources: resources,
  };
}
