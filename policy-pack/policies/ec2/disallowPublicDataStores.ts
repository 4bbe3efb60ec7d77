import type { PolicyResource } from "@pulumi/policy";
import { Ingress, cidrWithin, coversPort, isAnywhere, stackIngress } from "../../lib/ingress";
import type { PackStackPolicy } from "../../lib/metadata";
import { GroupIndex, GroupRefs, groupIndex, groupRefs, namesGroup } from "../../lib/securityGroups";
import { T } from "../../lib/types";
import { readPath } from "../../lib/unknowns";

/**
 * Ports data stores listen on: PostgreSQL, MySQL, SQL Server, Oracle, Redis/Valkey, Memcached,
 * Kafka (plaintext, TLS, SASL/SCRAM, IAM; public listeners 9194-9198), ZooKeeper, AMQP(S),
 * MongoDB/DocumentDB and OpenSearch.
 */
export const DATA_PORTS = [5432, 3306, 1433, 1521, 6379, 11211, 9092, 9094, 9096, 9098, 9194, 9196, 9198, 2181, 2182, 5671, 5672, 27017, 9200] as const;

/** What a check could not decide during preview: raising it reports the engine's "can't run during preview". */
type Undecided = Array<() => never>;

interface DataStore {
  resource: PolicyResource;
  /** The port, undefined while unknown (an RDS port AWS picks is unknown until the instance exists). */
  port?: number;
  unknownPort?: () => never;
  groups: GroupRefs;
  /** Why the store is public, when it is. */
  publicReason?: string;
}

/** Reads `path` of a store: the value (or `fallback` when absent), or undefined with a reread while unknown. */
function field<V>(r: PolicyResource, path: (string | number)[], fallback: V): { value?: V; reread?: () => never } {
  const v = readPath<V>(r.props, path);
  return v.unknown ? { reread: v.reread } : { value: v.value ?? fallback };
}

function store(r: PolicyResource, port: { value?: number; reread?: () => never }, groupPath: string[], isPublic: { value?: boolean; reread?: () => never }, reason: string, undecided: Undecided): DataStore {
  if (isPublic.reread) undecided.push(isPublic.reread);
  return { resource: r, port: port.value, unknownPort: port.reread, groups: groupRefs(r, groupPath), publicReason: isPublic.value ? reason : undefined };
}

function dataStore(r: PolicyResource, undecided: Undecided): DataStore | undefined {
  const publiclyAccessible = () => field(r, ["publiclyAccessible"], false);
  switch (r.type) {
    case T.rdsInstance:
      return store(r, field(r, ["port"], 5432), ["vpcSecurityGroupIds"], publiclyAccessible(), "publiclyAccessible is true", undecided);
    case T.replicationGroup:
      return store(r, field(r, ["port"], 6379), ["securityGroupIds"], { value: false }, "", undecided);
    case T.mskCluster: {
      const access = field(r, ["brokerNodeGroupInfo", "connectivityInfo", "publicAccess", "type"], "DISABLED");
      const isPublic = access.reread ? { reread: access.reread } : { value: access.value !== "DISABLED" };
      return store(r, { value: 9098 }, ["brokerNodeGroupInfo", "securityGroups"], isPublic, `public access is ${access.value}`, undecided);
    }
    case T.mqBroker:
      return store(r, { value: 5671 }, ["securityGroups"], publiclyAccessible(), "publiclyAccessible is true", undecided);
    default:
      return undefined;
  }
}

/** The stack's VPC blocks: aws:ec2/vpc:Vpc resources (a real run shows awsx's child VPC). */
function vpcBlocks(resources: readonly PolicyResource[]): { cidrs: string[]; unknown?: () => never } {
  const blocks = resources.filter((r) => r.type === T.vpc).map((v) => readPath<string>(v.props, ["cidrBlock"]));
  const unknown = blocks.find((b) => b.unknown);
  return { cidrs: blocks.flatMap((b) => (!b.unknown && typeof b.value === "string" ? [b.value] : [])), unknown: unknown?.unknown ? unknown.reread : undefined };
}

/** Sources a rule admits that are neither security groups nor blocks inside a VPC of the stack; `unknown` when some may be. */
function outsideSources(rule: Ingress, vpc: ReturnType<typeof vpcBlocks>): { known: string[]; unknown?: () => never } {
  const outside = rule.cidrs.filter((c) => !vpc.cidrs.some((v) => cidrWithin(c, v)));
  return { known: [...outside, ...rule.prefixLists.map((p) => `prefix list ${p}`)], unknown: rule.unknownSources ?? (outside.length > 0 ? vpc.unknown : undefined) };
}

/** The violation for a store and one rule of the stack, if the rule surely opens it from outside; undecided parts go to `undecided`. */
function checkRule(s: DataStore, rule: Ingress, index: GroupIndex, vpc: ReturnType<typeof vpcBlocks>, undecided: Undecided): string | undefined {
  const names = namesGroup(s.groups.refs, rule.group, index);
  const covers = coversPort(rule, s.port);
  if (names === false || covers === false) return undefined;
  const outside = outsideSources(rule, vpc);
  if (outside.known.length === 0 && !outside.unknown) return undefined;
  if (names === true && covers === true && !outside.unknown) {
    return `Data store ${s.resource.name} admits port ${s.port} from ${outside.known.join(", ")}, outside the VPC; admit only security groups or VPC CIDRs.`;
  }
  // The advisory names a value that kept the verdict open: the group, the port, or a source.
  const pending = [
    ...(names === undefined ? [...s.groups.refs, rule.group].flatMap((g) => (g.kind === "unresolved" ? [g.reread] : [])) : []),
    ...(covers === undefined ? [s.unknownPort, rule.unknownPorts] : []),
    outside.unknown,
  ];
  undecided.push(...pending.filter((p): p is () => never => p !== undefined).slice(0, 1));
  return undefined;
}

/** Rules that open a data port to the whole internet, whichever group they belong to. */
function checkAnywhere(rule: Ingress, undecided: Undecided): string | undefined {
  if (!rule.cidrs.some(isAnywhere)) {
    if (rule.unknownSources && DATA_PORTS.some((p) => coversPort(rule, p) !== false)) undecided.push(rule.unknownSources);
    return undefined;
  }
  const covers = DATA_PORTS.map((port) => ({ port, covers: coversPort(rule, port) }));
  if (covers.some((c) => c.covers === undefined)) {
    undecided.push(rule.unknownPorts!);
    return undefined;
  }
  const open = covers.filter((c) => c.covers).map((c) => c.port);
  return open.length > 0 ? `Security group ${rule.declaredBy.name} opens data port${open.length > 1 ? "s" : ""} ${open.join(", ")} to the internet; remove the 0.0.0.0/0 or ::/0 source.` : undefined;
}

/**
 * A stack policy: whether a store is reachable from outside the VPC depends on its security groups,
 * which are other resources. VPC CIDRs come from aws:ec2/vpc:Vpc resources (a real run shows awsx's
 * child VPC); with none known, only security-group sources count as inside. During preview group
 * ids are unknown: stores and rules are joined through the SecurityGroup resources their ids come
 * from (lib/securityGroups.ts). The policy reports what it can decide and, where an unknown value
 * could still change the verdict, the engine's "can't run during preview" advisory instead of a guess.
 */
export const disallowPublicDataStores: PackStackPolicy = {
  name: "ec2-disallow-public-data-stores",
  resourceTypes: [T.rdsInstance, T.replicationGroup, T.mskCluster, T.mqBroker, T.securityGroup, T.securityGroupRule, T.securityGroupIngressRule, T.vpc],
  description: "Data stores (RDS, ElastiCache, MSK, Amazon MQ) are reachable only from inside the VPC: not public, each with its own security group admitting its port only from security groups or VPC-internal CIDRs; no security group opens a data port to 0.0.0.0/0.",
  severity: "critical",
  remediationSteps: "Keep data stores private (publiclyAccessible: false, MSK public access DISABLED), give each its own security group, and admit the data port only from client security groups.",
  enforcementLevel: "mandatory",
  validateStack: (args, reportViolation) => {
    const undecided: Undecided = [];
    const index = groupIndex(args.resources);
    const vpc = vpcBlocks(args.resources);
    const rules = stackIngress(args.resources);
    for (const s of args.resources.map((r) => dataStore(r, undecided)).filter((x): x is DataStore => !!x)) {
      const name = s.resource.name;
      if (s.publicReason) reportViolation(`Data store ${name} is reachable from the internet (${s.publicReason}); keep it private to the VPC.`, s.resource.urn);
      if (s.groups.none === true) reportViolation(`Data store ${name} has no security group of its own, so the VPC default group applies; attach one that admits only its clients.`, s.resource.urn);
      if (s.groups.none === undefined) undecided.push(...s.groups.refs.flatMap((g) => (g.kind === "unresolved" ? [g.reread] : [])));
      for (const rule of rules) {
        const message = checkRule(s, rule, index, vpc, undecided);
        if (message) reportViolation(message, rule.declaredBy.urn);
      }
    }
    for (const rule of rules) {
      const message = checkAnywhere(rule, undecided);
      if (message) reportViolation(message, rule.declaredBy.urn);
    }
    // Everything decidable is reported; an undecided check ends the policy with the engine's advisory.
    if (undecided.length > 0) undecided[0]();
  },
};
