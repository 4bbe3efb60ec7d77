/**
 * Security-group references as a stack policy can follow them during preview, when group ids are
 * still unknown. A property that holds group ids (a store's vpcSecurityGroupIds, a rule's
 * securityGroupId) names each group by its id where known; where the id is unknown, by the
 * aws:ec2/securityGroup:SecurityGroup resource it was computed from, as the engine's property
 * dependencies record it. A security-group-id input computed from a SecurityGroup resource is
 * taken to be that group's id (nothing else of a group is a group id). Where the dependencies do
 * not single out the groups (another kind of resource, such as an EKS cluster's own group, or more
 * dependencies than unknown values), the reference is unresolved and every comparison with it is
 * undecided until apply.
 */
import type { PolicyResource } from "@pulumi/policy";
import { T } from "./types";
import { readPath } from "./unknowns";

export type GroupRef =
  | { kind: "id"; id: string }
  | { kind: "resource"; urn: string }
  | { kind: "unresolved"; reread: () => never };

/** The stack's SecurityGroup resources: URN to id, undefined while the id is unknown. */
export type GroupIndex = Map<string, string | undefined>;

export function groupIndex(resources: readonly PolicyResource[]): GroupIndex {
  return new Map(
    resources.filter((r) => r.type === T.securityGroup).map((r) => {
      const id = readPath<string>(r.props, ["id"]);
      return [r.urn, !id.unknown && typeof id.value === "string" ? id.value : undefined];
    }),
  );
}

/**
 * Resolves the `unknownCount` unknown values among the group ids `r` holds at `path` (`reread`
 * raises for the first): through the dependencies of the top-level property, only when they are
 * SecurityGroup resources and nothing else, and, leaving out groups whose known id is among
 * `knownIds`, exactly as many as the unknown values; and only when the property is the ids
 * themselves (a nested field's object has other dependencies). Otherwise one unresolved reference.
 */
function resolveUnknown(r: PolicyResource, path: readonly (string | number)[], unknownCount: number, knownIds: readonly string[], reread: () => never): GroupRef[] {
  const deps = r.propertyDependencies[String(path[0])] ?? [];
  const named = (d: PolicyResource) => {
    const id = readPath<string>(d.props, ["id"]);
    return !id.unknown && typeof id.value === "string" && knownIds.includes(id.value);
  };
  const groups = [...new Set(deps.filter((d) => d.type === T.securityGroup && !named(d)).map((d) => d.urn))];
  const exact = path.length === 1 && deps.every((d) => d.type === T.securityGroup) && groups.length === unknownCount;
  return exact ? groups.map((urn) => ({ kind: "resource", urn })) : [{ kind: "unresolved", reread }];
}

export interface GroupRefs {
  refs: GroupRef[];
  /** Whether the property names no group: known, or undefined while the whole list is unknown. */
  none: boolean | undefined;
}

/** The security groups resource `r` names at `path`. */
export function groupRefs(r: PolicyResource, path: readonly (string | number)[]): GroupRefs {
  const whole = readPath<unknown>(r.props, path);
  if (whole.unknown) {
    // A list computed from a SecurityGroup resource holds its id, so it is not empty.
    const fromGroup = path.length === 1 && (r.propertyDependencies[String(path[0])] ?? []).some((d) => d.type === T.securityGroup);
    return { refs: resolveUnknown(r, path, 1, [], whole.reread), none: fromGroup ? false : undefined };
  }
  if (typeof whole.value === "string") return { refs: [{ kind: "id", id: whole.value }], none: false };
  if (!Array.isArray(whole.value)) return { refs: [], none: true };
  const ids: string[] = [];
  const unknown: Array<() => never> = [];
  // Index by index: iterating the proxy (forEach, map) would throw at the first unknown element.
  for (let i = 0; i < whole.value.length; i++) {
    const v = readPath<unknown>(r.props, [...path, i]);
    if (v.unknown) unknown.push(v.reread);
    else if (typeof v.value === "string") ids.push(v.value);
  }
  const refs: GroupRef[] = ids.map((id) => ({ kind: "id", id }));
  if (unknown.length > 0) refs.push(...resolveUnknown(r, path, unknown.length, ids, unknown[0]));
  return { refs, none: whole.value.length === 0 };
}

/** Whether two references name the same group: true, false, or undefined (undecided until apply). */
export function sameGroup(a: GroupRef, b: GroupRef, index: GroupIndex): boolean | undefined {
  if (a.kind === "unresolved" || b.kind === "unresolved") return undefined;
  const [x, y] = [identity(a, index), identity(b, index)];
  if (x.urn !== undefined && y.urn !== undefined) return x.urn === y.urn;
  // A group the stack is creating has no id yet, so no id written elsewhere can be its id.
  return x.id !== undefined && y.id !== undefined && x.id === y.id;
}

/** The URN (when the group is a resource of the stack) and the id (when known) a resolved reference stands for. */
function identity(g: Exclude<GroupRef, { kind: "unresolved" }>, index: GroupIndex): { urn?: string; id?: string } {
  if (g.kind === "resource") return { urn: g.urn, id: index.get(g.urn) };
  return { urn: [...index].find(([, id]) => id === g.id)?.[0], id: g.id };
}

/** Whether any of `refs` names `group`: true if one surely does, undefined if one may, else false. */
export function namesGroup(refs: readonly GroupRef[], group: GroupRef, index: GroupIndex): boolean | undefined {
  const answers = refs.map((r) => sameGroup(r, group, index));
  return answers.includes(true) ? true : answers.includes(undefined) ? undefined : false;
}
