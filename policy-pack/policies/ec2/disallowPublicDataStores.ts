import type { PolicyResource } from "@pulumi/policy";
import { Ingress, cidrWithin, coversPort, isAnywhere, stackIngress } from "../../lib/ingress";
import type { PackStackPolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

/**
 * Ports data stores listen on: PostgreSQL, MySQL, SQL Server, Oracle, Redis/Valkey, Memcached,
 * Kafka (plaintext, TLS, SASL/SCRAM, IAM; public listeners 9194-9198), ZooKeeper, AMQP(S),
 * MongoDB/DocumentDB and OpenSearch.
 */
export const DATA_PORTS = [5432, 3306, 1433, 1521, 6379, 11211, 9092, 9094, 9096, 9098, 9194, 9196, 9198, 2181, 2182, 5671, 5672, 27017, 9200] as const;

interface DataStore {
  resource: PolicyResource;
  port: number;
  securityGroupIds: string[];
  /** Why the store is public, when it is. */
  publicReason?: string;
}

const ids = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

function dataStores(resources: PolicyResource[]): DataStore[] {
  return resources.flatMap((r): DataStore[] => {
    const p = r.props;
    switch (r.type) {
      case T.rdsInstance:
        return [{ resource: r, port: p.port ?? 5432, securityGroupIds: ids(p.vpcSecurityGroupIds), publicReason: p.publiclyAccessible === true ? "publiclyAccessible is true" : undefined }];
      case T.replicationGroup:
        return [{ resource: r, port: p.port ?? 6379, securityGroupIds: ids(p.securityGroupIds) }];
      case T.mskCluster: {
        const access = p.brokerNodeGroupInfo?.connectivityInfo?.publicAccess?.type ?? "DISABLED";
        return [{ resource: r, port: 9098, securityGroupIds: ids(p.brokerNodeGroupInfo?.securityGroups), publicReason: access !== "DISABLED" ? `public access is ${access}` : undefined }];
      }
      case T.mqBroker:
        return [{ resource: r, port: 5671, securityGroupIds: ids(p.securityGroups), publicReason: p.publiclyAccessible === true ? "publiclyAccessible is true" : undefined }];
      default:
        return [];
    }
  });
}

/** Sources a rule admits that are neither security groups nor blocks inside a VPC of the stack. */
function outsideSources(rule: Ingress, vpcCidrs: string[]): string[] {
  return [...rule.cidrs.filter((c) => !vpcCidrs.some((v) => cidrWithin(c, v))), ...rule.prefixLists.map((p) => `prefix list ${p}`)];
}

/**
 * A stack policy: whether a store is reachable from outside the VPC depends on its security groups,
 * which are other resources. VPC CIDRs come from aws:ec2/vpc:Vpc resources (a real run shows awsx's
 * child VPC); with none known, only security-group sources count as inside.
 */
export const disallowPublicDataStores: PackStackPolicy = {
  name: "ec2-disallow-public-data-stores",
  resourceTypes: [T.rdsInstance, T.replicationGroup, T.mskCluster, T.mqBroker, T.securityGroup, T.securityGroupRule, T.securityGroupIngressRule, T.vpc],
  description: "Data stores (RDS, ElastiCache, MSK, Amazon MQ) are reachable only from inside the VPC: not public, each with its own security group admitting its port only from security groups or VPC-internal CIDRs; no security group opens a data port to 0.0.0.0/0.",
  severity: "critical",
  remediationSteps: "Keep data stores private (publiclyAccessible: false, MSK public access DISABLED), give each its own security group, and admit the data port only from client security groups.",
  enforcementLevel: "mandatory",
  validateStack: (args, reportViolation) => {
    const vpcCidrs = args.resources.filter((r) => r.type === T.vpc).map((v) => v.props.cidrBlock).filter((c): c is string => typeof c === "string");
    const rules = stackIngress(args.resources);
    for (const store of dataStores(args.resources)) {
      const name = store.resource.name;
      if (store.publicReason) reportViolation(`Data store ${name} is reachable from the internet (${store.publicReason}); keep it private to the VPC.`, store.resource.urn);
      if (store.securityGroupIds.length === 0) {
        reportViolation(`Data store ${name} has no security group of its own, so the VPC default group applies; attach one that admits only its clients.`, store.resource.urn);
      }
      for (const rule of rules.filter((r) => store.securityGroupIds.includes(r.groupId) && coversPort(r, store.port))) {
        const outside = outsideSources(rule, vpcCidrs);
        if (outside.length > 0) {
          reportViolation(`Data store ${name} admits port ${store.port} from ${outside.join(", ")}, outside the VPC; admit only security groups or VPC CIDRs.`, rule.declaredBy.urn);
        }
      }
    }
    for (const rule of rules.filter((r) => r.cidrs.some(isAnywhere))) {
      const open = DATA_PORTS.filter((port) => coversPort(rule, port));
      if (open.length > 0) {
        reportViolation(`Security group ${rule.declaredBy.name} opens data port${open.length > 1 ? "s" : ""} ${open.join(", ")} to the internet; remove the 0.0.0.0/0 or ::/0 source.`, rule.declaredBy.urn);
      }
    }
  },
};
