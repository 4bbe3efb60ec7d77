/**
 * Ingress rules of a stack's security groups, however they are declared: inline on
 * aws:ec2/securityGroup:SecurityGroup, as aws:ec2/securityGroupRule:SecurityGroupRule, or as
 * aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule. Pure; no Pulumi imports. Values
 * unknown during preview are kept apart from known ones, never guessed: a field that cannot be
 * read is undefined, with a `reread` that raises the engine's UnknownValueError for it.
 */
import type { PolicyResource } from "@pulumi/policy";
import { GroupRef, groupRefs } from "./securityGroups";
import { T } from "./types";
import { readPath } from "./unknowns";

export interface Ingress {
  /** The group the rule belongs to. */
  group: GroupRef;
  /** The resource that declares the rule, for the violation's URN. */
  declaredBy: PolicyResource;
  /** Protocol and port range, each undefined while unknown (see unknownPorts). */
  protocol?: string;
  fromPort?: number;
  toPort?: number;
  /** Known IPv4 and IPv6 CIDR sources. */
  cidrs: string[];
  /** Known managed prefix list sources: their contents are not visible to the policy. */
  prefixLists: string[];
  /** Raises for the first unknown protocol or port, if any. Security-group sources are never read: they are always inside. */
  unknownPorts?: () => never;
  /** Raises for the first unknown CIDR or prefix-list source, if any. */
  unknownSources?: () => never;
}

type Path = readonly (string | number)[];

/** Every string of the sources at `base` + each key (a list or one value), and a reread for the first unknown one. */
function sources(r: PolicyResource, base: Path, keys: readonly string[]): { values: string[]; unknown?: () => never } {
  const values: string[] = [];
  let unknown: (() => never) | undefined;
  for (const key of keys) {
    const v = readPath<unknown>(r.props, [...base, key]);
    if (v.unknown) unknown ??= v.reread;
    else if (typeof v.value === "string") values.push(v.value);
    else if (Array.isArray(v.value)) {
      for (let i = 0; i < v.value.length; i++) {
        const e = readPath<unknown>(r.props, [...base, key, i]);
        if (e.unknown) unknown ??= e.reread;
        else if (typeof e.value === "string") values.push(e.value);
      }
    }
  }
  return { values, unknown };
}

/** Protocol and ports at `base` under the given keys, and a reread for the first unknown one. */
function ports(r: PolicyResource, base: Path, protocolKey: string): Pick<Ingress, "protocol" | "fromPort" | "toPort" | "unknownPorts"> {
  const [protocol, fromPort, toPort] = [protocolKey, "fromPort", "toPort"].map((k) => readPath<string | number>(r.props, [...base, k]));
  const unknown = [protocol, fromPort, toPort].find((x) => x.unknown);
  const value = (k: typeof protocol) => (k.unknown ? undefined : k.value);
  return {
    protocol: protocol.unknown ? undefined : String(value(protocol)),
    fromPort: value(fromPort) as number | undefined,
    toPort: value(toPort) as number | undefined,
    unknownPorts: unknown?.unknown ? unknown.reread : undefined,
  };
}

function rule(r: PolicyResource, group: GroupRef, base: Path, protocolKey: string, cidrKeys: string[], prefixKeys: string[]): Ingress {
  const cidrs = sources(r, base, cidrKeys);
  const prefixLists = sources(r, base, prefixKeys);
  return { group, declaredBy: r, ...ports(r, base, protocolKey), cidrs: cidrs.values, prefixLists: prefixLists.values, unknownSources: cidrs.unknown ?? prefixLists.unknown };
}

/** A rule of which nothing is known until apply (its list, or whether it is ingress at all, is unknown). */
const unknownRule = (r: PolicyResource, group: GroupRef, reread: () => never): Ingress => ({ group, declaredBy: r, cidrs: [], prefixLists: [], unknownPorts: reread, unknownSources: reread });

function inline(sg: PolicyResource): Ingress[] {
  const group: GroupRef = { kind: "resource", urn: sg.urn };
  const list = readPath<unknown[]>(sg.props, ["ingress"]);
  if (list.unknown) return [unknownRule(sg, group, list.reread)];
  const out: Ingress[] = [];
  for (let i = 0; i < (list.value?.length ?? 0); i++) out.push(rule(sg, group, ["ingress", i], "protocol", ["cidrBlocks", "ipv6CidrBlocks"], ["prefixListIds"]));
  return out;
}

/** The group a separate rule resource belongs to (its securityGroupId, one group). */
function ownerOf(r: PolicyResource): GroupRef {
  const [group] = groupRefs(r, ["securityGroupId"]).refs;
  return group ?? { kind: "id", id: "" };
}

function ruleResource(r: PolicyResource): Ingress | undefined {
  if (r.type === T.securityGroupRule) {
    const type = readPath<string>(r.props, ["type"]);
    if (type.unknown) return unknownRule(r, ownerOf(r), type.reread);
    if (type.value !== "ingress") return undefined;
    return rule(r, ownerOf(r), [], "protocol", ["cidrBlocks", "ipv6CidrBlocks"], ["prefixListIds"]);
  }
  if (r.type === T.securityGroupIngressRule) return rule(r, ownerOf(r), [], "ipProtocol", ["cidrIpv4", "cidrIpv6"], ["prefixListId"]);
  return undefined;
}

export function stackIngress(resources: readonly PolicyResource[]): Ingress[] {
  return resources.flatMap((r) => (r.type === T.securityGroup ? inline(r) : [ruleResource(r)].filter((x): x is Ingress => !!x)));
}

/**
 * Whether the rule lets traffic to `port` in (all protocols, or TCP over a range holding it): true,
 * false, or undefined while the rule's protocol or range (unknownPorts) or the port (undefined) is
 * unknown. A range left out is no range: it admits nothing.
 */
export function coversPort(rule: Pick<Ingress, "protocol" | "fromPort" | "toPort" | "unknownPorts">, port: number | undefined): boolean | undefined {
  const unknown = rule.unknownPorts ? undefined : false;
  if (rule.protocol === undefined) return unknown;
  if (rule.protocol !== "-1" && rule.protocol !== "all" && rule.protocol !== "tcp" && rule.protocol !== "6") return false;
  if (port === undefined) return undefined;
  if (rule.protocol === "-1" || rule.protocol === "all") return true;
  if (rule.fromPort === undefined || rule.toPort === undefined) return unknown;
  return rule.fromPort <= port && port <= rule.toPort;
}

/** True when `inner` is a block inside `outer`, of the same IP family (lib/cidrs.ts). */
export { cidrWithin } from "./cidrs";

export const isAnywhere = (cidr: string): boolean => cidr === "0.0.0.0/0" || cidr === "::/0";
