/**
 * The AWS resources a real run creates inside the remote components (@pulumi/awsx v3, @pulumi/eks v4).
 * Under mocks a remote component registers as one resource with no children, so anything that must
 * see the real resources (the CloudFormation rendering, the cost estimate) expands it here, from the
 * arguments we pass it and the component's own defaults. Pure and cheap: it runs on every plan.
 */
import { MOCK_ACCOUNT_ID, UNKNOWN } from "./ids";
import type { RecordedResource } from "./recorder";
import { expandEc2Service, expandFargateService } from "./expand/ecs";
import { expandEksCluster, expandManagedNodeGroup } from "./expand/eks";
import { expandVpc } from "./expand/network";

export interface SynthesizedResource {
  /** The aws:* token a real run shows, e.g. "aws:ec2/natGateway:NatGateway". */
  type: string;
  /** The logical name the component gives the child. */
  name: string;
  /** The remote component it came from. */
  componentUrn: string;
  region: string;
  /** Terraform-shaped inputs, as the aws provider takes them. */
  inputs: Record<string, any>;
  /**
   * The outputs other resources reference (id, arn, name...), with the mock cloud's values where
   * the component reports them (so a reference to the component's output resolves to this
   * resource); deterministic stand-ins otherwise. Empty where a preview leaves them unknown.
   */
  outputs: Record<string, any>;
}

export interface ExpandContext {
  region: string;
  account: string;
  /** Every recorded resource, to follow references between components (node group -> cluster). */
  resources: RecordedResource[];
}

export type Expander = (component: RecordedResource, ctx: ExpandContext) => SynthesizedResource[];

/** Remote component types we know how to expand, by token. */
export const EXPANDERS: Record<string, Expander> = {
  "awsx:ec2:Vpc": expandVpc,
  "eks:index:Cluster": expandEksCluster,
  "eks:index:ManagedNodeGroup": expandManagedNodeGroup,
  "awsx:ecs:EC2Service": expandEc2Service,
  "awsx:ecs:FargateService": expandFargateService,
};

/** A component from a remote (multi-language) package: it creates AWS resources we never see. */
export const isRemoteComponent = (r: RecordedResource): boolean => !r.custom && /^(awsx|eks):/.test(r.type);

/** Remote components in the plan that no expander covers: their resources are missing from any count. */
export function unexpandedComponents(resources: RecordedResource[]): RecordedResource[] {
  return resources.filter((r) => isRemoteComponent(r) && !EXPANDERS[r.type]);
}

/**
 * The region a resource lands in: its own `region` input (aws provider v7 lets any resource name
 * one), else its explicit provider's, else the stack's (`defaultRegion`, aws:region), else the
 * first aws provider's.
 */
export function regionOf(r: RecordedResource, resources: RecordedResource[], defaultRegion?: string): string {
  if (r.custom && typeof r.inputs.region === "string") return r.inputs.region;
  if (r.provider?.region) return r.provider.region;
  if (defaultRegion) return defaultRegion;
  const provider = resources.find((p) => p.type === "pulumi:providers:aws" && typeof p.inputs.region === "string");
  return provider?.inputs.region ?? "us-east-1";
}

/**
 * The AWS resources the remote components in `resources` create, in component order. Components
 * without an expander are skipped here; unexpandedComponents lists them. `defaultRegion` is the
 * stack's aws:region, for resources on the default provider.
 */
export function expandRemoteComponents(resources: RecordedResource[], defaultRegion?: string): SynthesizedResource[] {
  const out: SynthesizedResource[] = [];
  for (const r of resources) {
    const expand = isRemoteComponent(r) ? EXPANDERS[r.type] : undefined;
    if (expand) out.push(...expand(r, { region: regionOf(r, resources, defaultRegion), account: MOCK_ACCOUNT_ID, resources }));
  }
  return out;
}

/** A value the engine knows: not the unknown marker, not undefined. */
export const known = (v: unknown): boolean => v !== undefined && v !== UNKNOWN;

/** Builds a SynthesizedResource of `component`, dropping undefined inputs. */
export function child(component: RecordedResource, region: string, type: string, name: string, inputs: Record<string, any>, outputs: Record<string, any> = {}): SynthesizedResource {
  const defined = (o: Record<string, any>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  return { type, name, componentUrn: component.urn, region, inputs: defined(inputs), outputs: defined(outputs) };
}
