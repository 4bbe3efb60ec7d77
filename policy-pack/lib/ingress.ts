/**
 * Ingress rules of a stack's security groups, however they are declared: inline on
 * aws:ec2/securityGroup:SecurityGroup, as aws:ec2/securityGroupRule:SecurityGroupRule, or as
 * aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule. Pure; no Pulumi imports.
 */
import type { PolicyResource } from "@pulumi/policy";
import { T } from "./types";

export interface Ingress {
  /** Id of the group the rule belongs to. */
  groupId: string;
  /** The resource that declares the rule, for the violation's URN. */
  declaredBy: PolicyResource;
  protocol: string;
  fromPort: number;
  toPort: number;
  /** IPv4 and IPv6 CIDR sources. */
  cidrs: string[];
  /** Security-group (or self) sources. */
  groups: string[];
  /** Managed prefix list sources: their contents are not visible to the policy. */
  prefixLists: string[];
}

const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : typeof v === "string" ? [v] : []);

function inline(sg: PolicyResource): Ingress[] {
  return (sg.props.ingress ?? []).map((r: Record<string, any>) => ({
    groupId: sg.props.id, declaredBy: sg, protocol: String(r.protocol), fromPort: r.fromPort, toPort: r.toPort,
    cidrs: [...list(r.cidrBlocks), ...list(r.ipv6CidrBlocks)],
    groups: [...list(r.securityGroups), ...(r.self ? [sg.props.id] : [])],
    prefixLists: list(r.prefixListIds),
  }));
}

function ruleResource(r: PolicyResource): Ingress | undefined {
  const p = r.props;
  if (r.type === T.securityGroupRule) {
    if (p.type !== "ingress") return undefined;
    return {
      groupId: p.securityGroupId, declaredBy: r, protocol: String(p.protocol), fromPort: p.fromPort, toPort: p.toPort,
      cidrs: [...list(p.cidrBlocks), ...list(p.ipv6CidrBlocks)],
      groups: [...list(p.sourceSecurityGroupId), ...(p.self ? [p.securityGroupId] : [])],
      prefixLists: list(p.prefixListIds),
    };
  }
  if (r.type === T.securityGroupIngressRule) {
    return {
      groupId: p.securityGroupId, declaredBy: r, protocol: String(p.ipProtocol), fromPort: p.fromPort, toPort: p.toPort,
      cidrs: [...list(p.cidrIpv4), ...list(p.cidrIpv6)], groups: list(p.referencedSecurityGroupId), prefixLists: list(p.prefixListId),
    };
  }
  return undefined;
}

export function stackIngress(resources: PolicyResource[]): Ingress[] {
  return resources.flatMap((r) => (r.type === T.securityGroup ? inline(r) : [ruleResource(r)].filter((x): x is Ingress => !!x)));
}

/** True when the rule lets traffic to `port` in: all protocols, or TCP over a range holding it. */
export function coversPort(rule: Ingress, port: number): boolean {
  if (rule.protocol === "-1" || rule.protocol === "all") return true;
  if (rule.protocol !== "tcp" && rule.protocol !== "6") return false;
  return rule.fromPort <= port && port <= rule.toPort;
}

/** True when `inner` is a block inside `outer`, of the same IP family (lib/cidrs.ts). */
export { cidrWithin } from "./cidrs";

export const isAnywhere = (cidr: string): boolean => cidr === "0.0.0.0/0" || cidr === "::/0";
