/**
 * Options shared by every child of a component, and the aliases of children that moved between
 * components. A resource's URN names its parent's type, so moving a child to a new component is a
 * rename: without an alias Pulumi would delete the object and create it again.
 * https://www.pulumi.com/docs/iac/concepts/options/aliases/
 */
import * as pulumi from "@pulumi/pulumi";

/** Child options whose dependsOn is a plain list, so helpers can add to it. */
export type ChildOptions = Omit<pulumi.CustomResourceOptions, "dependsOn"> & { dependsOn?: pulumi.Resource[] };

/** `opts` with `resources` added to its dependsOn. */
export function after(opts: ChildOptions, ...resources: pulumi.Resource[]): ChildOptions {
  return { ...opts, dependsOn: [...(opts.dependsOn ?? []), ...resources] };
}

/**
 * The earlier places of a child of the component `componentName`: under a component of
 * `formerType` with the same name at the stack's root (one program that created it there), and
 * directly under the stack (after `pulumi state move` into this stack, which reparents a moved
 * resource whose parent stays behind to the root; see docs/real-aws.md).
 */
export function formerParents(componentName: string, formerType: string): pulumi.Alias[] {
  return [{ parent: pulumi.rootStackResource }, { parent: pulumi.createUrn(componentName, formerType) }];
}
