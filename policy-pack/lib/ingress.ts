/**
 * Ingress rules of a stack's security groups, however they are declared: inline on
 * aws:ec2/securityGroup:SecurityGroup, as aws:ec2/securityGroupRule:SecurityGroupRule, or as
 * aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule (and, for resource policies, on
 * aws:ec2/defaultSecurityGroup:DefaultSecurityGroup). Pure; no Pulumi imports. Values
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
type Props = Record<string, any>;

/** A rule's protocol, ports and sources as declared, whichever resource declares it. */
export type RuleFields = Pick<Ingress, "protocol" | "fromPort" | "toPort" | "cidrs" | "prefixLists" | "unknownPorts" | "unknownSources"> & {
  /** Raises for the first unknown CIDR source, if any (unknownSources also covers prefix lists). */
  unknownCidrs?: () => never;
};

/** Where a rule keeps its fields: inline rules and aws:ec2 rules name them alike, aws:vpc rules their own way. */
interface Shape {
  protocolKey: string;
  cidrKeys: readonly string[];
  prefixKeys: readonly string[];
}
const EC2_SHAPE: Shape = { protocolKey: "protocol", cidrKeys: ["cidrBlocks", "ipv6CidrBlocks"], prefixKeys: ["prefixListIds"] };
const VPC_SHAPE: Shape = { protocolKey: "ipProtocol", cidrKeys: ["cidrIpv4", "cidrIpv6"], prefixKeys: ["prefixListId"] };

/** Every string of the sources at `base` + each key (a list or one value), and a reread for the first unknown one. */
function sources(props: Props, base: Path, keys: readonly string[]): { values: string[]; unknown?: () => never } {
  const values: string[] = [];
  let unknown: (() => never) | undefined;
  for (const key of keys) {
    const v = readPath<unknown>(props, [...base, key]);
    if (v.unknown) unknown ??= v.reread;
    else if (typeof v.value === "string") values.push(v.value);
    else if (Array.isArray(v.value)) {
      for (let i = 0; i < v.value.length; i++) {
        const e = readPath<unknown>(props, [...base, key, i]);
        if (e.unknown) unknown ??= e.reread;
        else if (typeof e.value === "string") values.push(e.value);
      }
    }
  }
  return { values, unknown };
}

/** Protocol and ports at `base` under the given keys, and a reread for the first unknown one. */
function ports(props: Props, base: Path, protocolKey: string): Pick<Ingress, "protocol" | "fromPort" | "toPort" | "unknownPorts"> {
  const [protocol, fromPort, toPort] = [protocolKey, "fromPort", "toPort"].map((k) => readPath<string | number>(props, [...base, k]));
  const unknown = [protocol, fromPort, toPort].find((x) => x.unknown);
  const value = (k: typeof protocol) => (k.unknown ? undefined : k.value);
  return {
    protocol: protocol.unknown ? undefined : String(value(protocol)),
    fromPort: value(fromPort) as number | undefined,
    toPort: value(toPort) as number | undefined,
    unknownPorts: unknown?.unknown ? unknown.reread : undefined,
  };
}

function fields(props: Props, base: Path, shape: Shape): RuleFields {
  const cidrs = sources(props, base, shape.cidrKeys);
  const prefixLists = sources(props, base, shape.prefixKeys);
  return {
    ...ports(props, base, shape.protocolKey),
    cidrs: cidrs.values,
    prefixLists: prefixLists.values,
    unknownSources: cidrs.unknown ?? prefixLists.unknown,
    unknownCidrs: cidrs.unknown,
  };
}

/** The ingress rules one resource declares, each with its path in the resource's properties ([] for a rule resource). */
export interface DeclaredIngress {
  rules: Array<{ path: Path; fields: RuleFields }>;
  /** Set when the rules themselves are unknown until apply (the inline list, or whether a rule is ingress at all): raises for it. */
  unknown?: () => never;
}

/**
 * The ingress rules `props` of a resource of type `type` declare: the inline `ingress` list of a
 * SecurityGroup or DefaultSecurityGroup, an aws:ec2 SecurityGroupRule of type "ingress", or an
 * aws:vpc SecurityGroupIngressRule. Any other type declares none.
 */
export function declaredIngress(type: string, props: Props): DeclaredIngress {
  if (type === T.securityGroup || type === T.defaultSecurityGroup) {
    const list = readPath<unknown[]>(props, ["ingress"]);
    if (list.unknown) return { rules: [], unknown: list.reread };
    return { rules: Array.from({ length: list.value?.length ?? 0 }, (_, i) => ({ path: ["ingress", i], fields: fields(props, ["ingress", i], EC2_SHAPE) })) };
  }
  if (type === T.securityGroupRule) {
    const kind = readPath<string>(props, ["type"]);
    if (kind.unknown) return { rules: [], unknown: kind.reread };
    return { rules: kind.value === "ingress" ? [{ path: [], fields: fields(props, [], EC2_SHAPE) }] : [] };
  }
  if (type === T.securityGroupIngressRule) return { rules: [{ path: [], fields: fields(props, [], VPC_SHAPE) }] };
  return { rules: [] };
}

/** A rule of which nothing is known until apply (its list, or whether it is ingress at all, is unknown). */
const unknownRule = (r: PolicyResource, group: GroupRef, reread: () => never): Ingress => ({ group, declaredBy: r, cidrs: [], prefixLists: [], unknownPorts: reread, unknownSources: reread });

/** The group a separate rule resource belongs to (its securityGroupId, one group). */
function ownerOf(r: PolicyResource): GroupRef {
  const [group] = groupRefs(r, ["securityGroupId"]).refs;
  return group ?? { kind: "id", id: "" };
}

/** The types stackIngress reads: a default security group's rules are ec2-configure-default-security-group's concern. */
const STACK_TYPES: readonly string[] = [T.securityGroup, T.securityGroupRule, T.securityGroupIngressRule];

function resourceIngress(r: PolicyResource): Ingress[] {
  if (!STACK_TYPES.includes(r.type)) return [];
  const group: GroupRef = r.type === T.securityGroup ? { kind: "resource", urn: r.urn } : ownerOf(r);
  const declared = declaredIngress(r.type, r.props);
  if (declared.unknown) return [unknownRule(r, group, declared.unknown)];
  return declared.rules.map(({ fields: f }) => ({ group, declaredBy: r, ...f }));
}

export function stackIngress(resources: readonly PolicyResource[]): Ingress[] {
  return resources.flatMap(resourceIngress);
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
