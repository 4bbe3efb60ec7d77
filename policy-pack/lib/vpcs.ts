/**
 * The VPCs of a stack as a stack policy sees them, whether declared directly (aws:ec2/vpc:Vpc) or
 * through the awsx component. Under a real run the component's children are visible as well, so
 * a child VPC of an awsx component is folded into its component and checked once.
 */
import type { PolicyResource } from "@pulumi/policy";
import { T } from "./types";
import { known } from "./unknowns";

export interface StackVpc {
  /** The resource that declares the VPC: the awsx component, or the plain aws:ec2 VPC. */
  resource: PolicyResource;
  /** URNs that stand for this VPC in property dependencies (the component and its child VPC). */
  urns: Set<string>;
  /** Known VPC ids (outputs), for matching by value. */
  ids: Set<string>;
}

export function stackVpcs(resources: PolicyResource[]): StackVpc[] {
  const out: StackVpc[] = [];
  const components = new Map<string, StackVpc>();
  for (const r of resources.filter((x) => x.type === T.awsxVpc)) {
    const vpcId = known(r.props, "vpcId");
    const v: StackVpc = { resource: r, urns: new Set([r.urn]), ids: new Set(typeof vpcId === "string" ? [vpcId] : []) };
    components.set(r.urn, v);
    out.push(v);
  }
  for (const r of resources.filter((x) => x.type === T.vpc)) {
    const owner = r.parent && components.get(r.parent.urn);
    const knownId = known(r.props, "id");
    const id = typeof knownId === "string" ? [knownId] : [];
    if (owner) {
      owner.urns.add(r.urn);
      id.forEach((i) => owner.ids.add(i));
    } else {
      out.push({ resource: r, urns: new Set([r.urn]), ids: new Set(id) });
    }
  }
  return out;
}

/** True when `r.props[prop]` refers to the VPC, by property dependency or by id value. */
export function refersTo(r: PolicyResource, prop: string, vpc: StackVpc): boolean {
  const deps = r.propertyDependencies[prop] ?? [];
  if (deps.some((d) => vpc.urns.has(d.urn) || (d.parent !== undefined && vpc.urns.has(d.parent.urn)))) return true;
  // During preview ids are unknown; the property dependencies above still link the resources.
  const value = known(r.props, prop);
  return typeof value === "string" && vpc.ids.has(value);
}

/** The awsx component that owns a low-level resource, if any (walks the parent chain). */
export function awsxOwner(r: PolicyResource): PolicyResource | undefined {
  for (let p = r.parent; p; p = p.parent) if (p.type === T.awsxVpc) return p;
  return undefined;
}
