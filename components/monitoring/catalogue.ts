/**
 * The alarm catalogue: every alarm and dashboard panel the monitoring tier can build, as data. Both
 * the alarms and the dashboard widgets are derived from it, so a metric on the dashboard is the
 * metric that pages. Pure; no Pulumi imports.
 *
 * Metric names, namespaces and dimensions:
 * - ContainerInsights: https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Container-Insights-metrics-EKS.html
 * - AWS/ECS: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/available-metrics.html
 * - ECS/ContainerInsights: https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Container-Insights-metrics-ECS.html
 * - AWS/ApplicationELB: https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html
 * - AWS/RDS: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-metrics.html
 * - AWS/ElastiCache: https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/CacheMetrics.Redis.html
 * - AWS/Kafka: https://docs.aws.amazon.com/msk/latest/developerguide/metrics-details.html
 * - AWS/AmazonMQ: https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/rabbitmq-logging-monitoring.html
 * - AWS/WAFV2: https://docs.aws.amazon.com/waf/latest/developerguide/waf-metrics.html
 * - AWS/S3: https://docs.aws.amazon.com/AmazonS3/latest/userguide/metrics-dimensions.html
 */

/** Tiers that get alarms, in dashboard order. */
export const ALARM_TIERS = ["cluster", "ecs", "alb", "database", "cache", "kafka", "rabbitmq", "waf"] as const;
export type AlarmTier = (typeof ALARM_TIERS)[number];
/** Tiers that get a dashboard row: the alarm tiers and the storage tier's buckets. */
export type DashboardTier = AlarmTier | "buckets";

/** critical pages on-call now; warning notifies the team for the next working hours. */
export type Severity = "critical" | "warning";
export type Statistic = "Average" | "Sum" | "Maximum" | "Minimum";
export type Comparison = "GreaterThanThreshold" | "LessThanThreshold";
/**
 * How an alarm treats periods without data.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html#alarms-and-missing-data
 */
export type MissingData = "missing" | "ignore" | "breaching" | "notBreaching";
/** Unit of a configured threshold; it decides the range config validation accepts. */
export type ThresholdUnit = "percent" | "seconds" | "count" | "mebibytes" | "ratio";

/** Which resources of a tier an alarm or panel is repeated for. */
export type SubjectKind = "cluster" | "ecsCluster" | "ecsService" | "loadBalancer" | "targetGroup" | "dbInstance" | "dbReplica" | "cacheNode" | "kafkaBroker" | "broker" | "webAcl" | "bucket";

export interface MetricSpec {
  namespace: string;
  metricName: string;
  statistic: Statistic;
  /** Dimensions that are constants rather than resource identifiers (S3 StorageType, FilterId). */
  fixedDimensions?: Record<string, string>;
}

/** Constants some metric-math expressions carry (max_connections, allocated storage). */
export interface ExpressionContext {
  maxConnections: number;
  allocatedStorageGiB: number;
}

/** One metric, or a metric-math expression over metrics m1, m2, ... */
export type MetricSource =
  | { kind: "metric"; metric: MetricSpec }
  | { kind: "math"; metrics: MetricSpec[]; expression: (c: ExpressionContext) => string; label: string };

export interface AlarmSettings {
  /** Threshold in the alarm's unit. */
  threshold: number;
  /** Seconds per datapoint: a multiple of 60 (every metric here has 60 s resolution or coarser). */
  periodSeconds: number;
  /** Datapoints the alarm looks back over (N). */
  evaluationPeriods: number;
  /** Breaching datapoints within N that raise the alarm (M of N). */
  datapointsToAlarm: number;
}

export interface AlarmDefinition {
  tier: AlarmTier;
  /** camelCase, unique within the tier: the config key platform:monitoring.alarms.<tier>.<name>. */
  name: string;
  title: string;
  severity: Severity;
  subjects: SubjectKind;
  source: MetricSource;
  unit: ThresholdUnit;
  comparison: Comparison;
  treatMissingData: MissingData;
  /** Why these settings, and what to look at first: goes into the alarm description. */
  rationale: string;
  /** Reference defaults (the reference system pages at CPU > 80 %, notifies at error rate > 5 %). */
  defaults: AlarmSettings;
}

/** A dashboard-only panel (no alarm): what the reference dashboard shows beside the alarm metrics. */
export interface PanelDefinition {
  tier: DashboardTier;
  title: string;
  subjects: SubjectKind;
  metric: MetricSpec;
  periodSeconds: number;
  /** Shown only when the stack turns on S3 request metrics (they cost extra). */
  requiresRequestMetrics?: boolean;
}

const m = (namespace: string, metricName: string, statistic: Statistic, fixedDimensions?: Record<string, string>): MetricSpec =>
  ({ namespace, metricName, statistic, ...(fixedDimensions ? { fixedDimensions } : {}) });
const every = (periodSeconds: number, evaluationPeriods: number, datapointsToAlarm: number, threshold: number): AlarmSettings =>
  ({ threshold, periodSeconds, evaluationPeriods, datapointsToAlarm });

const CI = "ContainerInsights";
const ECS = "AWS/ECS";
const ECS_CI = "ECS/ContainerInsights";
const ALB = "AWS/ApplicationELB";
const RDS = "AWS/RDS";
const REDIS = "AWS/ElastiCache";
const MSK = "AWS/Kafka";
const MQ = "AWS/AmazonMQ";
const WAF = "AWS/WAFV2";
const S3 = "AWS/S3";
const GIB = 1024 ** 3;

/**
 * Name of the whole-bucket request-metrics configuration the storage tier creates (requestMetrics);
 * S3 publishes its metrics with FilterId=<this>. Repeated here to keep the catalogue free of
 * component imports; catalogue.spec.ts checks they agree.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/metrics-configurations.html
 */
export const REQUEST_METRICS_ID = "EntireBucket";

/** Gauges are published continuously: a gap is neither health nor trouble, so it stays visible as INSUFFICIENT_DATA. */
const GAUGE: MissingData = "missing";
/** Event counts are published only when non-zero: no datapoint means no events. */
const EVENTS: MissingData = "notBreaching";

export const ALARMS: readonly AlarmDefinition[] = [
  {
    tier: "cluster", name: "nodeCpu", title: "Cluster node CPU", severity: "critical", subjects: "cluster",
    source: { kind: "metric", metric: m(CI, "node_cpu_utilization", "Average") }, unit: "percent", comparison: "GreaterThanThreshold", treatMissingData: GAUGE,
    rationale: "Average node CPU across the cluster: sustained load the autoscaler has not absorbed. Check pending pods and node group scaling.",
    defaults: every(300, 3, 3, 80),
  },
  {
    tier: "cluster", name: "nodeMemory", title: "Cluster node memory", severity: "critical", subjects: "cluster",
    source: { kind: "metric", metric: m(CI, "node_memory_utilization", "Average") }, unit: "percent", comparison: "GreaterThanThreshold", treatMissingData: GAUGE,
    rationale: "Average node memory across the cluster: pods are close to OOM kills and evictions. Check pod memory limits and node group scaling.",
    defaults: every(300, 3, 3, 80),
  },
  {
    tier: "ecs", name: "clusterCpu", title: "ECS cluster CPU", severity: "critical", subjects: "ecsCluster",
    // With ClusterName alone, AWS/ECS CPUUtilization is the CPU the tasks use over the CPU of every
    // registered (ACTIVE or DRAINING) container instance: the EC2 counterpart of node CPU.
    source: { kind: "metric", metric: m(ECS, "CPUUtilization", "Average") }, unit: "percent", comparison: "GreaterThanThreshold", treatMissingData: GAUGE,
    rationale: "CPU the tasks use, as a share of all container instances' CPU: the instances are saturated and the capacity provider has not added any. Check service CPU and the Auto Scaling group's maxSize.",
    defaults: every(300, 3, 3, 80),
  },
  {
    tier: "ecs", name: "clusterMemory", title: "ECS cluster memory", severity: "critical", subjects: "ecsCluster",
    source: { kind: "metric", metric: m(ECS, "MemoryUtilization", "Average") }, unit: "percent", comparison: "GreaterThanThreshold", treatMissingData: GAUGE,
    rationale: "Memory the tasks use, as a share of all container instances' memory: tasks are close to OOM kills. Check task memory sizes and the Auto Scaling group's maxSize.",
    defaults: every(300, 3, 3, 80),
  },
  {
    tier: "ecs", name: "runningTasks", title: "ECS service tasks missing", severity: "critical", subjects: "ecsService",
    source: {
      kind: "math", label: "tasks missing (desired - running)",
      metrics: [m(ECS_CI, "DesiredTaskCount", "Average"), m(ECS_CI, "RunningTaskCount", "Average")],
      // A gap in the running count while the desired count is published is counted as no task
      // running, so a service down to zero cannot hide behind missing data.
      expression: () => "m1 - FILL(m2, 0)",
    },
    unit: "count", comparison: "GreaterThanThreshold", treatMissingData: GAUGE,
    rationale: "Tasks the service wants but does not run. The default window, 8 of 10 minutes, outlasts a scale-out onto a new container instance, and M of N still catches a crash loop whose task runs now and then. Check the service's events (health checks, image pulls, no capacity) and the stopped tasks' reasons.",
    defaults: every(60, 10, 8, 0),
  },
  {
    tier: "ecs", name: "serviceCpu", title: "ECS service CPU", severity: "warning", subjects: "ecsService",
    // With ClusterName and ServiceName, CPUUtilization is the CPU the service's tasks use over the CPU
    // their task definition reserves; target tracking holds it at platform:cluster.ecs.autoscaling.cpuTargetPercent.
    source: { kind: "metric", metric: m(ECS, "CPUUtilization", "Average") }, unit: "percent", comparison: "GreaterThanThreshold", treatMissingData: GAUGE,
    rationale: "Service CPU well above the scaling target (cluster.ecs.autoscaling.cpuTargetPercent, 70 % by default): the service is at replicas.max and still busy. Raise replicas.max or the service's cpu.",
    defaults: every(300, 3, 3, 90),
  },
  {
    tier: "alb", name: "errorRate", title: "Load balancer 5xx error rate", severity: "warning", subjects: "loadBalancer",
    source: {
      kind: "math", label: "5xx responses, % of requests",
      metrics: [m(ALB, "HTTPCode_ELB_5XX_Count", "Sum"), m(ALB, "HTTPCode_Target_5XX_Count", "Sum"), m(ALB, "RequestCount", "Sum")],
      // 5xx generated by the load balancer plus 5xx returned by targets, over all requests. ALB publishes
      // the counts only when non-zero, so FILL turns a quiet minute into 0 instead of a gap.
      expression: () => "100 * (FILL(m1, 0) + FILL(m2, 0)) / m3",
    },
    unit: "percent", comparison: "GreaterThanThreshold", treatMissingData: EVENTS,
    rationale: "Share of requests answered 5xx (load balancer and targets). No traffic gives no datapoint, which is not an error. Check target health and recent deploys.",
    defaults: every(60, 5, 3, 5),
  },
  {
    tier: "alb", name: "responseTime", title: "Target response time", severity: "warning", subjects: "loadBalancer",
    source: { kind: "metric", metric: m(ALB, "TargetResponseTime", "Average") }, unit: "seconds", comparison: "GreaterThanThreshold", treatMissingData: EVENTS,
    rationale: "Average seconds from request to target response (target: under 2 s). Published only with traffic, so silence is not slowness. Check database and cache latency.",
    defaults: every(60, 5, 3, 2),
  },
  {
    tier: "database", name: "cpu", title: "RDS CPU", severity: "critical", subjects: "dbInstance",
    source: { kind: "metric", metric: m(RDS, "CPUUtilization", "Average") }, unit: "percent", comparison: "GreaterThanThreshold", treatMissingData: GAUGE,
    rationale: "Sustained database CPU: queries queue and every request slows. Check Performance Insights for the top SQL.",
    defaults: every(300, 3, 3, 80),
  },
  {
    tier: "database", name: "freeStorage", title: "RDS free storage", severity: "critical", subjects: "dbInstance",
    source: {
      kind: "math", label: "free storage, % of allocated", metrics: [m(RDS, "FreeStorageSpace", "Minimum")],
      expression: (c) => `100 * m1 / ${c.allocatedStorageGiB * GIB}`,
    },
    unit: "percent", comparison: "LessThanThreshold", treatMissingData: GAUGE,
    rationale: "Free storage as a share of the allocated size: a full volume stops all writes. Raise allocated storage or its autoscaling maximum.",
    defaults: every(300, 2, 2, 10),
  },
  {
    tier: "database", name: "connections", title: "RDS connections", severity: "critical", subjects: "dbInstance",
    source: {
      kind: "math", label: "connections, % of max_connections", metrics: [m(RDS, "DatabaseConnections", "Maximum")],
      expression: (c) => `100 * m1 / ${c.maxConnections}`,
    },
    unit: "percent", comparison: "GreaterThanThreshold", treatMissingData: GAUGE,
    rationale: "Connections as a share of max_connections: at 100 % new connections fail. Check connection pooling and leaked connections.",
    defaults: every(300, 2, 2, 80),
  },
  {
    tier: "database", name: "replicaLag", title: "RDS replica lag", severity: "warning", subjects: "dbReplica",
    source: { kind: "metric", metric: m(RDS, "ReplicaLag", "Maximum") }, unit: "seconds", comparison: "GreaterThanThreshold", treatMissingData: GAUGE,
    rationale: "Seconds a read replica trails the primary: reads return stale data. Check replica load and write volume on the primary.",
    defaults: every(60, 5, 5, 60),
  },
  {
    tier: "database", name: "freeableMemory", title: "RDS freeable memory", severity: "warning", subjects: "dbInstance",
    source: { kind: "math", label: "freeable memory, MiB", metrics: [m(RDS, "FreeableMemory", "Minimum")], expression: () => "m1 / 1048576" },
    unit: "mebibytes", comparison: "LessThanThreshold", treatMissingData: GAUGE,
    rationale: "Freeable memory in MiB: below it the engine swaps and latency climbs. Check the instance class and work_mem-style settings.",
    defaults: every(300, 3, 3, 256),
  },
  {
    tier: "cache", name: "engineCpu", title: "Redis engine CPU", severity: "critical", subjects: "cacheNode",
    source: { kind: "metric", metric: m(REDIS, "EngineCPUUtilization", "Average") }, unit: "percent", comparison: "GreaterThanThreshold", treatMissingData: GAUGE,
    rationale: "CPU of the single-threaded engine itself (host CPU hides it on multi-core nodes). Check hot keys and slow commands.",
    defaults: every(300, 3, 3, 80),
  },
  {
    tier: "cache", name: "memory", title: "Redis memory", severity: "critical", subjects: "cacheNode",
    source: { kind: "metric", metric: m(REDIS, "DatabaseMemoryUsagePercentage", "Average") }, unit: "percent", comparison: "GreaterThanThreshold", treatMissingData: GAUGE,
    rationale: "Share of maxmemory in use: at 100 % the engine evicts keys or refuses writes. Check TTLs and the node type.",
    defaults: every(300, 2, 2, 80),
  },
  {
    tier: "cache", name: "evictions", title: "Redis evictions", severity: "warning", subjects: "cacheNode",
    source: { kind: "metric", metric: m(REDIS, "Evictions", "Sum") }, unit: "count", comparison: "GreaterThanThreshold", treatMissingData: EVENTS,
    rationale: "Keys evicted for lack of memory (the reference dashboard expects 0): queued notifications can be lost. Check memory usage and TTLs.",
    defaults: every(300, 1, 1, 0),
  },
  {
    tier: "cache", name: "replicationLag", title: "Redis replication lag", severity: "warning", subjects: "cacheNode",
    source: { kind: "metric", metric: m(REDIS, "ReplicationLag", "Maximum") }, unit: "seconds", comparison: "GreaterThanThreshold", treatMissingData: EVENTS,
    rationale: "Seconds a replica trails the primary; the primary publishes nothing, and a failover can move the role, so every node is watched and silence is healthy.",
    defaults: every(60, 5, 5, 30),
  },
  {
    tier: "kafka", name: "diskUsed", title: "Kafka broker disk", severity: "critical", subjects: "kafkaBroker",
    source: { kind: "metric", metric: m(MSK, "KafkaDataLogsDiskUsed", "Maximum") }, unit: "percent", comparison: "GreaterThanThreshold", treatMissingData: GAUGE,
    rationale: "Share of the broker's data volume in use: a full disk stops the broker. Raise broker storage or shorten topic retention.",
    defaults: every(300, 1, 1, 85),
  },
  {
    tier: "kafka", name: "underReplicated", title: "Kafka under-replicated partitions", severity: "critical", subjects: "kafkaBroker",
    source: { kind: "metric", metric: m(MSK, "UnderReplicatedPartitions", "Maximum") }, unit: "count", comparison: "GreaterThanThreshold", treatMissingData: GAUGE,
    rationale: "Partitions with fewer in-sync replicas than configured: one more broker loss loses data. Brief spikes during patching are filtered by 15 minutes.",
    defaults: every(300, 3, 3, 0),
  },
  {
    tier: "rabbitmq", name: "memory", title: "RabbitMQ memory", severity: "critical", subjects: "broker",
    source: {
      kind: "math", label: "memory used, % of the memory alarm limit",
      metrics: [m(MQ, "RabbitMQMemUsed", "Maximum"), m(MQ, "RabbitMQMemLimit", "Maximum")], expression: () => "100 * m1 / m2",
    },
    unit: "percent", comparison: "GreaterThanThreshold", treatMissingData: GAUGE,
    rationale: "Memory used as a share of RabbitMQ's memory limit: at the limit the broker blocks every publisher. Check queue depth and consumers.",
    defaults: every(300, 3, 3, 80),
  },
  {
    tier: "rabbitmq", name: "diskFree", title: "RabbitMQ free disk", severity: "critical", subjects: "broker",
    source: {
      kind: "math", label: "free disk, multiples of the disk alarm limit",
      metrics: [m(MQ, "RabbitMQDiskFree", "Minimum"), m(MQ, "RabbitMQDiskFreeLimit", "Maximum")], expression: () => "m1 / m2",
    },
    unit: "ratio", comparison: "LessThanThreshold", treatMissingData: GAUGE,
    rationale: "Free disk in multiples of RabbitMQ's disk limit: below 1 the broker blocks every publisher. Check queue depth and consumers.",
    defaults: every(300, 2, 2, 2),
  },
  {
    tier: "waf", name: "blockedRequests", title: "WAF blocked requests", severity: "warning", subjects: "webAcl",
    source: { kind: "metric", metric: m(WAF, "BlockedRequests", "Sum") }, unit: "count", comparison: "GreaterThanThreshold", treatMissingData: EVENTS,
    rationale: "Requests blocked per period: a spike is an attack or a rule blocking real users. Check the sampled requests of the web ACL.",
    defaults: every(300, 1, 1, 1000),
  },
];

export const PANELS: readonly PanelDefinition[] = [
  { tier: "cluster", title: "Running pods", subjects: "cluster", metric: m(CI, "node_number_of_running_pods", "Sum"), periodSeconds: 60 },
  { tier: "cluster", title: "Nodes", subjects: "cluster", metric: m(CI, "cluster_node_count", "Average"), periodSeconds: 60 },
  { tier: "ecs", title: "Running tasks", subjects: "ecsService", metric: m(ECS_CI, "RunningTaskCount", "Average"), periodSeconds: 60 },
  { tier: "ecs", title: "CPU reservation", subjects: "ecsCluster", metric: m(ECS, "CPUReservation", "Average"), periodSeconds: 60 },
  { tier: "ecs", title: "Memory reservation", subjects: "ecsCluster", metric: m(ECS, "MemoryReservation", "Average"), periodSeconds: 60 },
  { tier: "ecs", title: "Container instances", subjects: "ecsCluster", metric: m(ECS_CI, "ContainerInstanceCount", "Average"), periodSeconds: 60 },
  { tier: "alb", title: "Requests", subjects: "loadBalancer", metric: m(ALB, "RequestCount", "Sum"), periodSeconds: 60 },
  { tier: "alb", title: "Healthy targets", subjects: "targetGroup", metric: m(ALB, "HealthyHostCount", "Minimum"), periodSeconds: 60 },
  { tier: "cache", title: "Redis hit rate", subjects: "cacheNode", metric: m(REDIS, "CacheHitRate", "Average"), periodSeconds: 300 },
  { tier: "waf", title: "WAF allowed requests", subjects: "webAcl", metric: m(WAF, "AllowedRequests", "Sum"), periodSeconds: 300 },
  // S3 storage metrics are daily. BucketSizeBytes is per storage class; Standard is where new objects land.
  { tier: "buckets", title: "Bucket size (Standard class)", subjects: "bucket", metric: m(S3, "BucketSizeBytes", "Average", { StorageType: "StandardStorage" }), periodSeconds: 86400 },
  { tier: "buckets", title: "Objects", subjects: "bucket", metric: m(S3, "NumberOfObjects", "Average", { StorageType: "AllStorageTypes" }), periodSeconds: 86400 },
  {
    tier: "buckets", title: "Requests", subjects: "bucket", metric: m(S3, "AllRequests", "Sum", { FilterId: REQUEST_METRICS_ID }),
    periodSeconds: 300, requiresRequestMetrics: true,
  },
];

export const alarmsOf = (tier: AlarmTier): AlarmDefinition[] => ALARMS.filter((a) => a.tier === tier);
export const findAlarm = (tier: string, name: string): AlarmDefinition | undefined => ALARMS.find((a) => a.tier === tier && a.name === name);
