import { strict as assert } from "node:assert";
import { REQUEST_METRICS_ID as STORAGE_REQUEST_METRICS_ID } from "../storage/storage";
import { ALARMS, ALARM_TIERS, AlarmDefinition, PANELS, REQUEST_METRICS_ID } from "./catalogue";
import { settingProblems } from "./settings";

/** What the source measures, as "<namespace> <metric> <statistic>", math inputs joined by " | ". */
const measures = (a: AlarmDefinition) =>
  (a.source.kind === "metric" ? [a.source.metric] : a.source.metrics).map((m) => `${m.namespace} ${m.metricName} ${m.statistic}`).join(" | ");

const op = (a: AlarmDefinition) => (a.comparison === "GreaterThanThreshold" ? ">" : "<");

describe("alarm catalogue", () => {
  // tier.name: measured metric(s), condition, period s × N (M to alarm), missing data, severity.
  const table: Record<string, [string, string, string, string, string]> = {
    "cluster.nodeCpu": ["ContainerInsights node_cpu_utilization Average", "> 80", "300×3 (3)", "missing", "critical"],
    "cluster.nodeMemory": ["ContainerInsights node_memory_utilization Average", "> 80", "300×3 (3)", "missing", "critical"],
    "ecs.clusterCpu": ["AWS/ECS CPUUtilization Average", "> 80", "300×3 (3)", "missing", "critical"],
    "ecs.clusterMemory": ["AWS/ECS MemoryUtilization Average", "> 80", "300×3 (3)", "missing", "critical"],
    "ecs.runningTasks": ["ECS/ContainerInsights DesiredTaskCount Average | ECS/ContainerInsights RunningTaskCount Average", "> 0", "60×10 (8)", "missing", "critical"],
    "ecs.serviceCpu": ["AWS/ECS CPUUtilization Average", "> 90", "300×3 (3)", "missing", "warning"],
    "alb.errorRate": ["AWS/ApplicationELB HTTPCode_ELB_5XX_Count Sum | AWS/ApplicationELB HTTPCode_Target_5XX_Count Sum | AWS/ApplicationELB RequestCount Sum", "> 5", "60×5 (3)", "notBreaching", "warning"],
    "alb.responseTime": ["AWS/ApplicationELB TargetResponseTime Average", "> 2", "60×5 (3)", "notBreaching", "warning"],
    "database.cpu": ["AWS/RDS CPUUtilization Average", "> 80", "300×3 (3)", "missing", "critical"],
    "database.freeStorage": ["AWS/RDS FreeStorageSpace Minimum", "< 10", "300×2 (2)", "missing", "critical"],
    "database.connections": ["AWS/RDS DatabaseConnections Maximum", "> 80", "300×2 (2)", "missing", "critical"],
    "database.replicaLag": ["AWS/RDS ReplicaLag Maximum", "> 60", "60×5 (5)", "missing", "warning"],
    "database.freeableMemory": ["AWS/RDS FreeableMemory Minimum", "< 256", "300×3 (3)", "missing", "warning"],
    "cache.engineCpu": ["AWS/ElastiCache EngineCPUUtilization Average", "> 80", "300×3 (3)", "missing", "critical"],
    "cache.memory": ["AWS/ElastiCache DatabaseMemoryUsagePercentage Average", "> 80", "300×2 (2)", "missing", "critical"],
    "cache.evictions": ["AWS/ElastiCache Evictions Sum", "> 0", "300×1 (1)", "notBreaching", "warning"],
    "cache.replicationLag": ["AWS/ElastiCache ReplicationLag Maximum", "> 30", "60×5 (5)", "notBreaching", "warning"],
    "kafka.diskUsed": ["AWS/Kafka KafkaDataLogsDiskUsed Maximum", "> 85", "300×1 (1)", "missing", "critical"],
    "kafka.underReplicated": ["AWS/Kafka UnderReplicatedPartitions Maximum", "> 0", "300×3 (3)", "missing", "critical"],
    "rabbitmq.memory": ["AWS/AmazonMQ RabbitMQMemUsed Maximum | AWS/AmazonMQ RabbitMQMemLimit Maximum", "> 80", "300×3 (3)", "missing", "critical"],
    "rabbitmq.diskFree": ["AWS/AmazonMQ RabbitMQDiskFree Minimum | AWS/AmazonMQ RabbitMQDiskFreeLimit Maximum", "< 2", "300×2 (2)", "missing", "critical"],
    "waf.blockedRequests": ["AWS/WAFV2 BlockedRequests Sum", "> 1000", "300×1 (1)", "notBreaching", "warning"],
  };

  it("holds exactly the documented alarms, with the reference system's thresholds", () => {
    const actual = Object.fromEntries(ALARMS.map((a) => [`${a.tier}.${a.name}`, [
      measures(a), `${op(a)} ${a.defaults.threshold}`, `${a.defaults.periodSeconds}×${a.defaults.evaluationPeriods} (${a.defaults.datapointsToAlarm})`, a.treatMissingData, a.severity,
    ]]));
    assert.deepEqual(actual, table);
  });

  it("pages at CPU above 80 % and notifies at an error rate above 5 %, as the reference system does", () => {
    // Every CPU alarm on what the services run on (nodes, container instances, data stores) pages at 80 %.
    const cpu = ALARMS.filter((a) => /cpu/i.test(a.name) && `${a.tier}.${a.name}` !== "ecs.serviceCpu");
    assert.ok(cpu.length >= 4);
    for (const a of cpu) assert.deepEqual([a.defaults.threshold, a.severity], [80, "critical"], a.name);
    const errors = ALARMS.find((a) => a.name === "errorRate")!;
    assert.deepEqual([errors.defaults.threshold, errors.unit, errors.severity], [5, "percent", "warning"]);
  });

  it("watches an ECS cluster as the EKS nodes are watched, and warns when a service's CPU stays far above the 70 % its autoscaling holds", () => {
    const byKey = (tier: string, name: string) => ALARMS.find((a) => a.tier === tier && a.name === name)!;
    for (const [ecs, eks] of [["clusterCpu", "nodeCpu"], ["clusterMemory", "nodeMemory"]]) {
      const [a, b] = [byKey("ecs", ecs), byKey("cluster", eks)];
      assert.deepEqual([a.defaults, a.severity, a.subjects, a.treatMissingData], [b.defaults, b.severity, "ecsCluster", b.treatMissingData], ecs);
    }
    const service = byKey("ecs", "serviceCpu");
    assert.deepEqual([service.subjects, service.severity, service.defaults.threshold, service.comparison], ["ecsService", "warning", 90, "GreaterThanThreshold"]);
  });

  it("pages when an ECS service runs fewer tasks than it wants, counting a gap in the running count as none running", () => {
    const a = ALARMS.find((x) => x.tier === "ecs" && x.name === "runningTasks")!;
    assert.ok(a.source.kind === "math");
    assert.equal(a.source.expression({ maxConnections: 0, allocatedStorageGiB: 0 }), "m1 - FILL(m2, 0)");
    assert.deepEqual([a.subjects, a.severity, a.comparison, a.unit, a.defaults.threshold], ["ecsService", "critical", "GreaterThanThreshold", "count", 0]);
    // Longer than a scale-out onto a new container instance; M < N so a crash loop cannot reset it.
    assert.ok(a.defaults.periodSeconds * a.defaults.datapointsToAlarm >= 300 && a.defaults.datapointsToAlarm < a.defaults.evaluationPeriods);
  });

  it("names each alarm once per tier and covers every tier", () => {
    const keys = ALARMS.map((a) => `${a.tier}.${a.name}`);
    assert.equal(new Set(keys).size, keys.length);
    assert.deepEqual([...new Set(ALARMS.map((a) => a.tier))], [...ALARM_TIERS]);
  });

  it("gives every stateful tier (database, cache, kafka, rabbitmq) a critical alarm on every resource it watches", () => {
    for (const tier of ["database", "cache", "kafka", "rabbitmq"]) {
      const critical = ALARMS.filter((a) => a.tier === tier && a.severity === "critical");
      assert.ok(critical.some((a) => a.subjects !== "dbReplica"), `${tier} has no critical alarm on every resource`);
    }
  });

  it("accepts its own defaults", () => {
    for (const a of ALARMS) assert.deepEqual(settingProblems(a, a.defaults), [], `${a.tier}.${a.name}`);
  });

  it("treats missing data as not breaching exactly for metrics published only when non-zero or with traffic", () => {
    for (const a of ALARMS) {
      const onlyWhenActive = a.source.kind === "math" ? a.tier === "alb" : /5XX|Evictions|BlockedRequests|TargetResponseTime|ReplicationLag/.test(a.source.metric.metricName);
      assert.equal(a.treatMissingData === "notBreaching", onlyWhenActive, `${a.tier}.${a.name}`);
    }
  });

  it("writes math expressions over exactly its inputs m1..mN", () => {
    const ctx = { maxConnections: 200, allocatedStorageGiB: 100 };
    for (const a of ALARMS) {
      if (a.source.kind !== "math") continue;
      const used = [...new Set(a.source.expression(ctx).match(/\bm\d+\b/g))].sort();
      assert.deepEqual(used, a.source.metrics.map((_, i) => `m${i + 1}`), `${a.tier}.${a.name}`);
    }
  });

  it("turns connections into a share of max_connections and free storage into a share of the allocated bytes", () => {
    const ctx = { maxConnections: 200, allocatedStorageGiB: 100 };
    const expr = (name: string) => { const s = ALARMS.find((a) => a.name === name)!.source; return s.kind === "math" ? s.expression(ctx) : ""; };
    assert.equal(expr("connections"), "100 * m1 / 200");
    assert.equal(expr("freeStorage"), `100 * m1 / ${100 * 1024 ** 3}`);
  });

  it("puts on the dashboard what the reference shows beside the alarms: pods, hit rate, bucket size and requests", () => {
    const panels = PANELS.map((p) => `${p.tier}:${p.metric.metricName}`);
    for (const p of ["cluster:node_number_of_running_pods", "cache:CacheHitRate", "buckets:BucketSizeBytes", "buckets:AllRequests"]) assert.ok(panels.includes(p), p);
  });

  it("shows an ECS cluster's running tasks per service and its CPU and memory reservation (what the capacity provider scales on)", () => {
    const ecs = PANELS.filter((p) => p.tier === "ecs").map((p) => [p.subjects, `${p.metric.namespace} ${p.metric.metricName} ${p.metric.statistic}`]);
    assert.deepEqual(ecs, [
      ["ecsService", "ECS/ContainerInsights RunningTaskCount Average"],
      ["ecsCluster", "AWS/ECS CPUReservation Average"],
      ["ecsCluster", "AWS/ECS MemoryReservation Average"],
      ["ecsCluster", "ECS/ContainerInsights ContainerInstanceCount Average"],
    ]);
  });

  it("uses the request-metrics id the storage tier creates", () => {
    assert.equal(REQUEST_METRICS_ID, STORAGE_REQUEST_METRICS_ID);
  });
});
