/**
 * The data tier: RDS, ElastiCache, MSK, Amazon MQ, EFS. Instance-hour keys name the engine and
 * class, e.g. rds.postgres.db.t4g.small, elasticache.redis.cache.t4g.small, msk.kafka.m5.large.
 */
import { Pricer, hours, isMissing, line, need, partly, usd } from "./context";

/**
 * Multi-AZ runs a standby: twice the instance hours and twice the storage (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_OnDemandDBInstances.html).
 * A read replica inherits its source's attributes "except as specified", storage included, so one
 * that sets no allocated storage is priced at its source's size
 * (https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstanceReadReplica.html).
 */
export const rdsInstance: Pricer = (r, ctx) => {
  const engine = String(r.inputs.engine ?? "postgres");
  if (engine !== "postgres") return { missing: `RDS engine ${engine} is not priced` };
  const cls = String(r.inputs.instanceClass);
  const e = need(ctx, `rds.postgres.${cls}`);
  if (isMissing(e)) return e;
  const copies = r.inputs.multiAz ? 2 : 1;
  const source = r.inputs.replicateSourceDb ? ctx.byArn(String(r.inputs.replicateSourceDb)) : undefined;
  const gb = Number(r.inputs.allocatedStorage ?? source?.inputs.allocatedStorage ?? 20);
  const az = copies === 2 ? "Multi-AZ (primary + standby)" : "Single-AZ";
  const instance = line(e[0], hours(copies), `${cls} ${az}: ${copies} x 730 h x ${usd(e[0].value)}${r.inputs.replicateSourceDb ? " (read replica)" : ""}`);
  const storage = need(ctx, "rds.storage.gp3.gb");
  if (isMissing(storage)) return partly([instance], storage);
  return [instance, line(storage[0], gb * copies, `${gb} GB gp3 x ${copies} x ${usd(storage[0].value)}/GB-month`, "storage")];
};

/** Nodes of a replication group: shards x (1 + replicas) in cluster mode, else numCacheClusters. */
export function cacheNodes(inputs: Record<string, any>): number {
  if (String(inputs.clusterMode ?? "disabled") === "enabled" || inputs.numNodeGroups !== undefined) {
    return Number(inputs.numNodeGroups ?? 1) * (1 + Number(inputs.replicasPerNodeGroup ?? 0));
  }
  return Number(inputs.numCacheClusters ?? 1);
}

/** Valkey nodes cost AWS's stated fraction of the Redis OSS rate of the same node type. */
export const replicationGroup: Pricer = (r, ctx) => {
  const type = String(r.inputs.nodeType);
  const valkey = String(r.inputs.engine ?? "redis") === "valkey";
  const e = need(ctx, `elasticache.redis.${type}`, ...(valkey ? ["elasticache.valkeyNodeFactor"] : []));
  if (isMissing(e)) return e;
  const nodes = cacheNodes(r.inputs);
  const factor = valkey ? e[1].value : 1;
  const l = line(e[0], hours(nodes) * factor, `${nodes} x ${type} x 730 h x ${usd(e[0].value)}${valkey ? ` x ${factor} (Valkey)` : ""}`);
  return [valkey ? { ...l, source: `${l.source}; ${line(e[1], 0, "").source}` } : l];
};

export const mskCluster: Pricer = (r, ctx) => {
  const info = r.inputs.brokerNodeGroupInfo ?? {};
  const type = String(info.instanceType);
  const e = need(ctx, `msk.${type}`, "msk.storage.gb");
  if (isMissing(e)) return e;
  const brokers = Number(r.inputs.numberOfBrokerNodes ?? 3);
  const gb = Number(info.storageInfo?.ebsStorageInfo?.volumeSize ?? 1000);
  return [
    line(e[0], hours(brokers), `${brokers} brokers x ${type} x 730 h x ${usd(e[0].value)}`),
    line(e[1], brokers * gb, `${brokers} x ${gb} GB x ${usd(e[1].value)}/GB-month`, "storage"),
  ];
};

/**
 * Broker node-hours per hour by deployment mode: a RabbitMQ cluster is three broker nodes, billed
 * each (https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/rabbitmq-basic-elements.html),
 * active/standby two, single one.
 */
const BROKERS: Record<string, number> = { CLUSTER_MULTI_AZ: 3, ACTIVE_STANDBY_MULTI_AZ: 2, SINGLE_INSTANCE: 1 };

export const mqBroker: Pricer = (r, ctx) => {
  const type = String(r.inputs.hostInstanceType);
  const e = need(ctx, `mq.${type}`);
  if (isMissing(e)) return e;
  const n = BROKERS[String(r.inputs.deploymentMode ?? "SINGLE_INSTANCE")] ?? 1;
  return [line(e[0], hours(n), `${n} x ${type} x 730 h x ${usd(e[0].value)}; broker storage not priced`)];
};

export const efsFileSystem: Pricer = (_r, ctx) => {
  const e = need(ctx, "efs.standard.gb");
  if (isMissing(e)) return e;
  const gb = ctx.assumptions.efsStorageGb;
  return [line(e[0], gb, `${gb} GB Standard (platform:cost.efsStorageGb) x ${usd(e[0].value)}/GB-month`)];
};
