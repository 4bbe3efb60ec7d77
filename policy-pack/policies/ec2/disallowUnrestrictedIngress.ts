import { isWholeInternet } from "../../lib/cidrs";
import { RuleFields, declaredIngress } from "../../lib/ingress";
import { fsbp, type PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

/**
 * The ports FSBP EC2.19 calls high risk (FTP, SSH, Telnet, SMTP, POP3, RPC, IMAP, SMB, SQL Server,
 * MySQL, RDP, PostgreSQL, VNC, Kibana, OpenSearch/Elasticsearch and common admin/dev servers). They
 * are never authorized, whatever authorizedPorts lists, so the policy enforces EC2.19 as well.
 * https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-19
 */
export const HIGH_RISK_PORTS: readonly number[] = [20, 21, 22, 23, 25, 110, 135, 143, 445, 1433, 1434, 3000, 3306, 3389, 4333, 5000, 5432, 5500, 5601, 8080, 8088, 8888, 9200, 9300];

export interface UnrestrictedIngressConfig {
  /** TCP ports a security group may open to the whole internet (EC2.18's authorizedTcpPorts). */
  authorizedPorts: number[];
}

/** Protocol names and numbers as AWS accepts them, to one name each. */
const PROTOCOLS: Record<string, string> = { "-1": "all", all: "all", "6": "tcp", "17": "udp", "1": "icmp", "58": "icmpv6" };
const protocolName = (p: string): string => PROTOCOLS[p.toLowerCase()] ?? p.toLowerCase();

const range = (label: string, from: number, to: number): string => (from === to ? `${label} port ${from}` : `${label} ports ${from}-${to}`);
const list = (ports: readonly number[]): string => (ports.length > 0 ? ports.join(", ") : "none");

const RESTRICT = "restrict the source to the VPC CIDR, a security group or a prefix list such as CloudFront's origin-facing list";

/** What a rule admits beyond the authorized ports, as the violation's middle and end; undefined when nothing. */
type Finding = { admits: string; fix: string };

/** Whether the rule's protocol and ports, from the whole internet, stay within the authorized TCP ports: a Finding, undefined, or "unknown". */
function judgePorts(f: RuleFields, authorized: readonly number[]): Finding | undefined | "unknown" {
  if (f.protocol === undefined) return "unknown";
  const protocol = protocolName(f.protocol);
  const known = f.fromPort !== undefined && f.toPort !== undefined;
  const nonTcp = `; authorizedPorts opens only TCP ports, so ${RESTRICT}, or admit only authorized TCP ports`;
  if (protocol === "all") return { admits: "all traffic (every protocol and port)", fix: nonTcp };
  if (protocol === "udp") return { admits: known ? range("UDP", f.fromPort!, f.toPort!) : "UDP traffic", fix: nonTcp };
  if (protocol !== "tcp") return { admits: protocol === "icmp" || protocol === "icmpv6" ? `${protocol.toUpperCase()} traffic` : `protocol ${f.protocol} traffic`, fix: nonTcp };
  // A TCP rule without a range admits nothing.
  if (!known) return f.unknownPorts ? "unknown" : undefined;
  const [from, to] = [f.fromPort!, f.toPort!];
  const highRisk = HIGH_RISK_PORTS.filter((p) => from <= p && p <= to);
  const open = authorized.filter((p) => from <= p && p <= to && !highRisk.includes(p));
  if (highRisk.length === 0 && open.length === to - from + 1) return undefined;
  const admits = range("TCP", from, to);
  const never = `no authorizedPorts entry opens; ${RESTRICT}`;
  if (from === to && highRisk.length > 0) return { admits, fix: `, a high-risk port (FSBP EC2.19) that ${never}` };
  if (highRisk.length > 0) {
    const named = highRisk.length > 3 ? `${highRisk.slice(0, 3).join(", ")} and ${highRisk.length - 3} more` : highRisk.join(", ");
    return { admits, fix: `, high-risk port${highRisk.length > 1 ? "s" : ""} ${named} among them (FSBP EC2.19), which ${never}` };
  }
  const them = from === to ? "the port to authorizedPorts if it is" : "the ports to authorizedPorts if they are";
  return { admits, fix: `, beyond the authorized ports (${list(authorized)}); ${RESTRICT}, or add ${them} truly meant to be public` };
}

/** How a violation names the rule: the resource, and for inline rules which one. */
function ruleName(type: string, name: string, path: readonly (string | number)[]): string {
  if (type === T.securityGroupRule) return `Security group rule ${name}`;
  if (type === T.securityGroupIngressRule) return `Security group ingress rule ${name}`;
  const group = type === T.defaultSecurityGroup ? "Default security group" : "Security group";
  return `${group} ${name} ingress rule ${Number(path[1]) + 1}`;
}

/**
 * A resource policy: every rule's verdict is in the resource that declares it (inline rules of a
 * group, or a separate rule resource), whichever group it belongs to. Unrestricted means a source of
 * 0.0.0.0/0 or ::/0; such a source passes only for TCP ports within authorizedPorts, as EC2.18
 * passes only TCP and UDP ports its parameters list (it lists no UDP port by default), and never
 * for an EC2.19 high-risk port. Security-group and prefix-list sources are not unrestricted.
 * During preview a CIDR or port from another resource's output is unknown: the policy reports
 * what it can decide and says "can't run during preview" only where the unknown value could
 * change the verdict; `pulumi up` checks again with the value known, before the rule exists.
 * https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-18
 * https://docs.aws.amazon.com/config/latest/developerguide/vpc-sg-open-only-to-authorized-ports.html
 * https://docs.aws.amazon.com/config/latest/developerguide/restricted-common-ports.html (EC2.19's rule)
 */
export const disallowUnrestrictedIngress: PackResourcePolicy = {
  name: "ec2-disallow-unrestricted-ingress",
  resourceTypes: [T.securityGroup, T.securityGroupRule, T.securityGroupIngressRule, T.defaultSecurityGroup],
  description:
    "Security groups admit the whole internet (0.0.0.0/0 or ::/0) only on authorized TCP ports (authorizedPorts, default 80 and 443), never on FSBP EC2.19's high-risk ports (SSH, RDP, databases and the like), even listed in authorizedPorts; all-protocol, UDP and other non-TCP rules open to the internet fail. Inline rules of security groups and default security groups, aws.ec2.SecurityGroupRule ingress rules and aws.vpc.SecurityGroupIngressRule are checked.",
  severity: "high",
  framework: fsbp("EC2.18"),
  relatedControls: ["EC2.19"],
  remediationSteps:
    "Open to the internet only the ports a public endpoint serves (an internet-facing load balancer on 80 and 443). For anything else restrict the source to the VPC CIDR, a client security group, or a managed prefix list such as com.amazonaws.global.cloudfront.origin-facing for an origin behind CloudFront. If a TCP port is truly meant to be public, add it to authorizedPorts in the pack config.",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: {
      authorizedPorts: {
        type: "array",
        items: { type: "integer", minimum: 1, maximum: 65535 },
        uniqueItems: true,
        default: [80, 443],
        description: "TCP ports a security group may open to 0.0.0.0/0 or ::/0 (FSBP EC2.18's authorizedTcpPorts). FSBP EC2.19's high-risk ports (20-23, 25, 110, 135, 143, 445, 1433, 1434, 3000, 3306, 3389, 4333, 5000, 5432, 5500, 5601, 8080, 8088, 8888, 9200, 9300) are never authorized, even listed here.",
      },
    },
  },
  validateResource: (args, reportViolation) => {
    const declared = declaredIngress(args.type, args.props);
    const { authorizedPorts } = args.getConfig<UnrestrictedIngressConfig>();
    const undecided: Array<() => never> = declared.unknown ? [declared.unknown] : [];
    for (const { path, fields } of declared.rules) {
      const internet = fields.cidrs.filter(isWholeInternet);
      const verdict = judgePorts(fields, authorizedPorts);
      if (internet.length === 0) {
        // An unknown CIDR could be the internet: that matters only where the ports are not authorized.
        if (fields.unknownCidrs && verdict !== undefined) undecided.push(fields.unknownCidrs);
      } else if (verdict === "unknown") {
        undecided.push(fields.unknownPorts!);
      } else if (verdict) {
        reportViolation(`${ruleName(args.type, args.name, path)} admits ${verdict.admits} from ${internet.join(" and ")}${verdict.fix}.`);
      }
    }
    // Everything decidable is reported; an undecided rule ends the check with the engine's advisory.
    if (undecided.length > 0) undecided[0]();
  },
};
