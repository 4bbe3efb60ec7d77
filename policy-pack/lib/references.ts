/**
 * Whether one resource points at another, as a stack policy sees them: through a property
 * dependency (the input was the other resource's output) or, failing that, by value (the input
 * equals one of the other resource's identifying outputs).
 */
import type { PolicyResource } from "@pulumi/policy";
import { known, read } from "./unknowns";

/** True when `r.props[prop]` (a value or a list) names `target` by dependency or by one of `targetProps`. */
export function refersTo(r: PolicyResource, prop: string, target: PolicyResource, targetProps: readonly string[] = ["arn", "id"]): boolean {
  if ((r.propertyDependencies[prop] ?? []).some((d) => d.urn === target.urn)) return true;
  // Values unknown during preview match nothing; the dependency above links them.
  const values: unknown[] = [known(r.props, prop)].flat();
  const identities = targetProps.map((p) => known(target.props, p)).filter((v) => typeof v === "string" && v !== "");
  return values.some((v) => typeof v === "string" && identities.includes(v));
}

/**
 * The first of `links` whose `prop` is unknown during preview and tied to no resource by a property
 * dependency: it could name any target, so no target can be judged unlinked while it exists.
 */
export function unlinkedWhileUnknown(links: readonly PolicyResource[], prop: string): PolicyResource | undefined {
  return links.find((l) => read(l.props, prop).unknown && (l.propertyDependencies[prop] ?? []).length === 0);
}
