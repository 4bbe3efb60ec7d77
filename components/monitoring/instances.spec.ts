import { strict as assert } from "node:assert";
import fc from "fast-check";
import { ALL_TIERS, DEV_TIERS, ECS_TIERS } from "../../test/fixtures/monitoringTargets";
import { ALARMS, ALARM_TIERS } from "./catalogue";
import { alarmInstances, kebab, metricAlarmArgs, presentTiers, subjectsOf } from "./instances";
import { MONITORING_NAME_LIMITS } from "./naming";
import { DEFAULT_ALARM_SETTINGS } from "./settings";
import type { MonitoringTargetsOf } from "./targets";

const TOPICS = { critical: "arn:aws:sns:us-west-2:123456789012:p-critical", warning: "arn:aws:sns:us-west-2:123456789012:p-warning" };
const tierKeys = Object.keys(ALL_TIERS) as (keyof typeof ALL_TIERS)[];
/** Any subset of the tiers. */
const someTiers = fc.subarray(tierKeys).map((keys) => Object.fromEntries(keys.map((k) => [k, ALL_TIERS[k]])) as MonitoringTargetsOf<string>);

describe("alarm instances", () => {
  it("finds the watched resources of each kind, with the dimensions CloudWatch publishes", () => {
    const dims = (kind: Parameters<typeof subjectsOf>[0]) => subjectsOf(kind, ALL_TIERS).map((s) => s.dimensions);
    assert.deepEqual(dims("cluster"), [{ ClusterName: "medsearch-eks" }]);
    assert.deepEqual(dims("ecsCluster"), [{ ClusterName: "medsearch-prod" }]);
    assert.deepEqual(dims("ecsService"), [{ ClusterName: "medsearch-prod", ServiceName: "api" }, { ClusterName: "medsearch-prod", ServiceName: "web" }]);
    assert.deepEqual(dims("loadBalancer"), [{ LoadBalancer: "app/medsearch-alb/50dc6c495c0c9188" }]);
    assert.deepEqual(dims("targetGroup")[0], { TargetGroup: "targetgroup/api/73e2d6bc24d8a067", LoadBalancer: "app/medsearch-alb/50dc6c495c0c9188" });
    assert.deepEqual(dims("dbInstance"), [{ DBInstanceIdentifier: "medsearch-db" }, { DBInstanceIdentifier: "medsearch-db-replica-1" }]);
    assert.deepEqual(dims("dbReplica"), [{ DBInstanceIdentifier: "medsearch-db-replica-1" }]);
    assert.deepEqual(dims("cacheNode"), [{ CacheClusterId: "medsearch-redis-001" }, { CacheClusterId: "medsearch-redis-002" }]);
    assert.deepEqual(dims("kafkaBroker")[2], { "Cluster Name": "medsearch-msk", "Broker ID": "3" });
    assert.deepEqual(dims("broker"), [{ Broker: "medsearch-mq" }]);
    assert.deepEqual(dims("bucket").length, 2);
  });

  it("gives a CloudFront WAF the whole-ACL rule, no Region dimension and its metrics' region; a regional one Region=<region>", () => {
    assert.deepEqual(subjectsOf("webAcl", ALL_TIERS), [{ label: "medsearchEdge", dimensions: { WebACL: "medsearchEdge", Rule: "ALL" }, region: "us-east-1" }]);
    const regional = subjectsOf("webAcl", { waf: { webAclName: "api", region: "eu-west-1", scope: "REGIONAL", ruleMetricName: "RateLimit" } });
    assert.deepEqual(regional[0].dimensions, { WebACL: "api", Rule: "RateLimit", Region: "eu-west-1" });
  });

  it("creates alarms only for tiers the stack has, and every alarm of each tier it has", () => {
    fc.assert(fc.property(someTiers, (t) => {
      const instances = alarmInstances(t, DEFAULT_ALARM_SETTINGS);
      const present = new Set(presentTiers(t));
      for (const i of instances) assert.ok(present.has(i.def.tier), `${i.def.tier} alarm without the tier`);
      for (const tier of ALARM_TIERS.filter((x) => present.has(x))) {
        const expected = ALARMS.filter((a) => a.tier === tier).reduce((n, a) => n + subjectsOf(a.subjects, t).length, 0);
        assert.equal(instances.filter((i) => i.def.tier === tier).length, expected, tier);
      }
    }));
  });

  it("gives the dev-like stack CPU and memory alarms on the cluster and four on its one database, and no replica-lag alarm without a replica", () => {
    const roles = alarmInstances(DEV_TIERS, DEFAULT_ALARM_SETTINGS).map((i) => i.role);
    assert.deepEqual(roles, ["cluster-node-cpu", "cluster-node-memory", "database-cpu-1", "database-free-storage-1", "database-connections-1", "database-freeable-memory-1"]);
  });

  it("gives an ECS stack CPU and memory alarms on its cluster and a tasks-missing and a CPU alarm per service, named after the service", () => {
    const roles = alarmInstances(ECS_TIERS, DEFAULT_ALARM_SETTINGS).map((i) => i.role);
    assert.deepEqual(roles, [
      "ecs-cluster-cpu", "ecs-cluster-memory",
      "ecs-running-tasks-backend", "ecs-running-tasks-ai-service", "ecs-running-tasks-frontend",
      "ecs-service-cpu-backend", "ecs-service-cpu-ai-service", "ecs-service-cpu-frontend",
    ]);
  });

  it("builds the tasks-missing alarm as desired minus running, both from ECS/ContainerInsights for the service, each minute", () => {
    const i = alarmInstances(ECS_TIERS, DEFAULT_ALARM_SETTINGS).find((x) => x.role === "ecs-running-tasks-frontend")!;
    const a = metricAlarmArgs(i, "ecsai-prod", TOPICS) as ReturnType<typeof metricAlarmArgs> & { metricQueries: any[] };
    assert.deepEqual(a.metricQueries, [
      { id: "e1", expression: "m1 - FILL(m2, 0)", label: "tasks missing (desired - running)", returnData: true },
      ...["DesiredTaskCount", "RunningTaskCount"].map((metricName, k) => ({
        id: `m${k + 1}`, returnData: false,
        metric: { namespace: "ECS/ContainerInsights", metricName, stat: "Average", period: 60, dimensions: { ClusterName: "ecsai-prod", ServiceName: "frontend" } },
      })),
    ]);
    assert.deepEqual([a.name, a.comparisonOperator, a.threshold, a.evaluationPeriods, a.datapointsToAlarm, a.treatMissingData, a.alarmActions, a.okActions],
      ["ecsai-prod-ecs-running-tasks-frontend", "GreaterThanThreshold", 0, 10, 8, "missing", [TOPICS.critical], [TOPICS.critical]]);
  });

  it("keeps every alarm description within CloudWatch's 1024 characters, with room for the resource the component appends", () => {
    // AlarmDescription: at most 1024 characters (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_MetricAlarm.html);
    // the component appends " Resource: <label>.", and a label (a resource name) is at most 255.
    for (const i of alarmInstances(ALL_TIERS, DEFAULT_ALARM_SETTINGS)) assert.ok(metricAlarmArgs(i, "p", TOPICS).alarmDescription.length + 13 + 255 <= 1024, i.role);
  });

  it("names alarms uniquely, kebab-case, within CloudWatch's 255 characters", () => {
    const instances = alarmInstances(ALL_TIERS, DEFAULT_ALARM_SETTINGS);
    const names = instances.map((i) => metricAlarmArgs(i, "medsearch-prod", TOPICS).name);
    assert.equal(new Set(names).size, names.length);
    for (const n of names) assert.ok(/^[a-z0-9-]+$/.test(n) && n.length <= MONITORING_NAME_LIMITS.alarm, n);
    assert.equal(kebab("underReplicated"), "under-replicated");
  });

  it("sends both ALARM and OK to the topic of the alarm's severity", () => {
    for (const i of alarmInstances(ALL_TIERS, DEFAULT_ALARM_SETTINGS)) {
      const a = metricAlarmArgs(i, "p", TOPICS);
      assert.deepEqual([a.alarmActions, a.okActions, a.actionsEnabled], [[TOPICS[i.def.severity]], [TOPICS[i.def.severity]], true], i.role);
      assert.equal(a.tags.Severity, i.def.severity);
    }
  });

  it("copies the configured settings and the catalogue's missing-data treatment into the alarm", () => {
    const settings = structuredClone(DEFAULT_ALARM_SETTINGS);
    settings.cluster.nodeCpu = { threshold: 70, periodSeconds: 120, evaluationPeriods: 10, datapointsToAlarm: 8 };
    const [cpu] = alarmInstances({ cluster: ALL_TIERS.cluster }, settings);
    const a = metricAlarmArgs(cpu, "p", TOPICS);
    assert.deepEqual(
      [a.threshold, a.comparisonOperator, a.evaluationPeriods, a.datapointsToAlarm, a.treatMissingData, "period" in a ? a.period : undefined],
      [70, "GreaterThanThreshold", 10, 8, "missing", 120],
    );
    assert.match(a.alarmDescription, /^\[critical\] Cluster node CPU > 70% for 8 of 10 periods of 2 min\./);
  });

  it("builds metric-math alarms: one returned expression over hidden inputs carrying the resource's dimensions and the period", () => {
    const i = alarmInstances({ rabbitmq: ALL_TIERS.rabbitmq }, DEFAULT_ALARM_SETTINGS).find((x) => x.def.name === "memory")!;
    const a = metricAlarmArgs(i, "p", TOPICS) as { metricQueries: any[]; metricName?: string };
    assert.equal(a.metricName, undefined);
    assert.deepEqual(a.metricQueries[0], { id: "e1", expression: "100 * m1 / m2", label: "memory used, % of the memory alarm limit", returnData: true });
    assert.deepEqual(a.metricQueries.slice(1).map((q) => [q.id, q.returnData, q.metric.metricName, q.metric.dimensions, q.metric.period]), [
      ["m1", false, "RabbitMQMemUsed", { Broker: "medsearch-mq" }, 300],
      ["m2", false, "RabbitMQMemLimit", { Broker: "medsearch-mq" }, 300],
    ]);
  });
});
