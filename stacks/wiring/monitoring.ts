/**
 * Config and other tiers' outputs to the monitoring tier's targets: what stacks/platform.ts passes
 * `new Monitoring(...)` as `targets`. Dimension values come from the tiers' outputs; where CloudWatch
 * needs a value a component does not expose (an ARN suffix, a cache member id, max_connections) it
 * is derived here, by the AWS rule cited beside it.
 */
import * as pulumi from "@pulumi/pulumi";
import type { Cluster } from "../../components/cluster/cluster";
import type { DataTierOutputs } from "../../components/data/outputs";
import { defaultMaxConnections } from "../../components/data/postgres";
import type { EcsCluster } from "../../components/ecs/ecsCluster";
import type { EcsServices } from "../../components/ecs/ecsServices";
import type { Edge } from "../../components/edge/edge";
import { Monitoring } from "../../components/monitoring/monitoring";
import type { AccountContext } from "../../components/account";
import type { KeyRing } from "../../components/security/keyRing";
import type { Storage } from "../../components/storage/storage";
import { defaultTags } from "./tags";
import { wafMetricName } from "../../components/edge/names";
import type { MonitoringTargets } from "../../components/monitoring/targets";
import { childName } from "../../components/naming";
import type { MonitoringConfig, PlatformConfig } from "../config/schema";
import { ConfigError } from "../config/problems";
import { isSecureValue } from "../config/secure";
import type { Endpoints } from "../../components/monitoring/endpoints";

/**
 * The ELB CloudWatch dimension value of a load balancer or target group ARN: everything after
 * ":loadbalancer/" (`app/<name>/<id>`) or the resource part `targetgroup/<name>/<id>`.
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html#load-balancer-metric-dimensions-alb
 */
export function elbArnSuffix(arn: string): string {
  const m = /:(?:loadbalancer\/(.+)|(targetgroup\/.+))$/.exec(arn);
  if (!m) throw new Error(`not a load balancer or target group ARN: ${arn}`);
  return m[1] ?? m[2];
}

/**
 * ElastiCache names a replication group's member clusters after the group: `<group>-001`, `-002`, …
 * without cluster mode, `<group>-0001-001` (shard, node) with it; metrics carry them as CacheClusterId.
 * https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/CacheMetrics.WhichShouldIMonitor.html
 */
export function cacheMemberIds(groupId: string, topology: { clusterMode: boolean; shards: number; replicasPerShard: number }): string[] {
  const perShard = 1 + topology.replicasPerShard;
  const pad = (n: number, w: number) => String(n).padStart(w, "0");
  if (!topology.clusterMode) return Array.from({ length: perShard }, (_, i) => `${groupId}-${pad(i + 1, 3)}`);
  return Array.from({ length: topology.shards * perShard }, (_, i) => `${groupId}-${pad(Math.floor(i / perShard) + 1, 4)}-${pad((i % perShard) + 1, 3)}`);
}

/** RDS for PostgreSQL's default max_connections of the class (components/data/postgres.ts), or a problem naming the key. */
export function postgresMaxConnections(instanceClass: string): number {
  const max = defaultMaxConnections(instanceClass);
  if (max === undefined) {
    throw new ConfigError([{ key: "platform:database.instanceClass", value: instanceClass, allowed: "a db.t*, db.m*, db.r*, db.x* or db.z* class the monitoring tier can size max_connections for" }]);
  }
  return max;
}

/**
 * The ECS engine's cluster and services, as its component reports them: the cluster name, and each
 * ECS service name by the service's name in platform:services.
 */
export interface EcsMonitoringInput {
  clusterName: pulumi.Input<string>;
  serviceNames: Record<string, pulumi.Input<string>>;
  /** Each service's own log group (EcsServices writes there), by service name: archived in prod. */
  logGroupNames?: Record<string, pulumi.Input<string>>;
}

/** What the other tiers built, as platform.ts holds it. */
export interface MonitoredTiers {
  cluster?: { clusterName: string };
  /** Required when platform:cluster.enabled with engine ecs: without it the ECS cluster would go unwatched. */
  ecs?: EcsMonitoringInput;
  data: DataTierOutputs;
  edge?: { albArn: pulumi.Output<string>; targetGroupArns: Record<string, pulumi.Output<string>> };
  /** The edge component's name, from which its CloudFront web ACL's metric name is derived. */
  edgeName?: string;
  buckets: NonNullable<MonitoringTargets["buckets"]>;
}

/**
 * The targets from the tiers present. The WAF target is the CloudFront-scope web ACL, in front of
 * every request; its metric name is the one the edge's createWebAcl gives its visibility config.
 * On the ECS engine the container tier is the ECS cluster (ecsTarget), not an EKS cluster.
 */
export function monitoringTargets(config: PlatformConfig, t: MonitoredTiers): MonitoringTargets {
  const { database, cache, messaging } = t.data;
  const ecs = ecsTarget(config, t.ecs);
  return {
    ...(t.cluster ? { cluster: { clusterName: t.cluster.clusterName } } : {}),
    ...(ecs ? { ecs } : {}),
    ...(t.edge
      ? {
        alb: {
          loadBalancerArnSuffix: t.edge.albArn.apply(elbArnSuffix),
          targetGroupArnSuffixes: Object.values(t.edge.targetGroupArns).map((arn) => arn.apply(elbArnSuffix)),
        },
      }
      : {}),
    ...(t.edge && t.edgeName ? { waf: { webAclName: wafMetricName(childName(t.edgeName, "cf-waf")), region: "us-east-1", scope: "CLOUDFRONT" as const } } : {}),
    ...(database
      ? {
        database: {
          instanceIds: database.instanceIdentifiers.slice(0, 1),
          replicaInstanceIds: database.instanceIdentifiers.slice(1),
          maxConnections: postgresMaxConnections(config.database.instanceClass),
          allocatedStorageGiB: config.database.allocatedStorageGiB,
        },
      }
      : {}),
    ...(cache
      ? {
        cache: {
          replicationGroupId: cache.replicationGroupId,
          memberClusterIds: cacheMemberIds("", config.cache).map((suffix) => pulumi.interpolate`${cache.replicationGroupId}${suffix}`),
        },
      }
      : {}),
    ...(messaging?.kafka
      ? { kafka: { clusterName: messaging.kafka.clusterName, brokerIds: Array.from({ length: config.messaging.kafka.brokerCount }, (_, i) => i + 1) } }
      : {}),
    ...(messaging?.rabbitmq ? { rabbitmq: { brokerName: messaging.rabbitmq.brokerName } } : {}),
    buckets: t.buckets,
  };
}

/**
 * The ECS target of a stack with `platform:cluster.engine: ecs`: exactly the cluster and services the
 * ECS component built, one per entry of platform:services, so no service goes without alarms. A
 * stack on EKS, or without the container tier, has none.
 */
export function ecsTarget(config: PlatformConfig, ecs: EcsMonitoringInput | undefined): MonitoringTargets["ecs"] {
  const onEcs = config.cluster.enabled && config.cluster.engine === "ecs";
  if (!onEcs) {
    if (ecs) throw new Error("monitoring wiring: an ECS cluster was passed, but platform:cluster is not enabled with engine ecs");
    return undefined;
  }
  if (!ecs) throw new Error("monitoring wiring: platform:cluster.engine is ecs, but the ECS cluster's outputs were not passed to the monitoring tier; its cluster and services would have no alarms");
  const expected = config.services.map((s) => s.name).sort();
  const given = Object.keys(ecs.serviceNames).sort();
  if (JSON.stringify(given) !== JSON.stringify(expected)) {
    throw new Error(`monitoring wiring: the ECS services passed (${given.join(", ") || "none"}) are not those of platform:services (${expected.join(", ") || "none"})`);
  }
  return { clusterName: ecs.clusterName, serviceNames: { ...ecs.serviceNames } };
}

export interface MonitoringDeps {
  account: AccountContext;
  keys: KeyRing;
  storage: Storage;
  cluster?: Cluster;
  /** The ECS engine's cluster and services (engine ecs). */
  ecs?: { cluster: EcsCluster; services: EcsServices };
  data: DataTierOutputs;
  edge?: Edge;
}

/**
 * A secure value in the stack file as the offline plan sees it: the CLI would decrypt it, the plan
 * cannot, so the URL stands in for it (RFC 2606 reserves .invalid). It stays secret, never printed.
 */
export const OFFLINE_SECRET_URL = "https://secure-value.invalid/";

/**
 * Webhook URLs go to SNS as secrets: a paging or chat URL often carries its token, and a secret
 * keeps it out of plan output and encrypted in state.
 */
function secretUrls(e: MonitoringConfig["notifications"]["critical"]): Endpoints<pulumi.Input<string>> {
  return { emails: e.emails, httpsUrls: e.httpsUrls.map((u) => pulumi.secret(isSecureValue(u) ? OFFLINE_SECRET_URL : u)) };
}

/**
 * The monitoring tier, watching every tier the stack has (MonitoringTargets from their outputs,
 * stacks/wiring/monitoring.ts). The trail waits for the storage tier, so the log bucket's policy
 * admits it before CloudTrail checks.
 */
/** What the monitoring tier watches of the ECS engine: its cluster, each service, each service's log group. */
export function ecsMonitoringInput(ecs: { cluster: EcsCluster; services: EcsServices }): EcsMonitoringInput {
  return {
    clusterName: ecs.cluster.clusterName,
    serviceNames: Object.fromEntries(ecs.services.serviceNames.map((n) => [n, n])),
    logGroupNames: ecs.services.logGroupNames,
  };
}

export function buildMonitoring(config: PlatformConfig, deps: MonitoringDeps, opts: pulumi.ComponentResourceOptions): Monitoring {
  const w = { ...deps, ecs: deps.ecs ? ecsMonitoringInput(deps.ecs) : undefined };
  const m = config.monitoring;
  const documents = config.storage.buckets.find((b) => b.purpose === "documents");
  const targets = monitoringTargets(config, {
    cluster: w.cluster,
    ecs: w.ecs,
    data: w.data,
    edge: w.edge,
    edgeName: w.edge ? `${config.name}-edge` : undefined,
    buckets: {
      names: Object.fromEntries(Object.entries(w.storage.buckets).map(([k, b]) => [k, b.name])),
      documentsBucketArn: documents ? w.storage.buckets[documents.name].arn : undefined,
      logsBucket: { name: w.storage.logsBucket.name, arn: w.storage.logsBucket.arn },
    },
  });
  const tags = defaultTags(config);
  return new Monitoring(
    `${config.name}-monitoring`,
    {
      notifications: { critical: secretUrls(m.notifications.critical), warning: secretUrls(m.notifications.warning) },
      alarms: m.alarms,
      budget: m.budget,
      dailyReport: m.dailyReport,
      tracing: m.tracing,
      cloudTrail: m.cloudTrail,
      s3RequestMetrics: m.s3RequestMetrics,
      system: config.name,
      stack: config.stack,
      account: w.account,
      targets,
      budgetCostAllocationTags: { System: tags.System, Environment: tags.Environment },
      logs: {
        // On EKS the services' namespaces get a group each (their log shipper writes there); ECS
        // services write to their own groups, which are archived instead of duplicated.
        namespaces: [...new Set([...m.logs.namespaces, ...(w.ecs ? [] : config.services.map((s) => s.namespace))])],
        archiveToS3: m.logs.archiveToS3,
      },
      logRetentionDays: config.logging.retentionDays,
      logsKmsKeyArn: w.keys.keyArns.logs,
      otherLogGroups: w.ecs?.logGroupNames ? Object.fromEntries(Object.entries(w.ecs.logGroupNames).map(([s, g]) => [`ecs-${s}`, g])) : undefined,
      cloudTrailDependsOn: [w.storage],
      keys: { deletionWindowDays: config.keys.deletionWindowDays, protect: config.keys.protect },
    },
    opts,
  );
}
