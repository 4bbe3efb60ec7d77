/**
 * From the catalogue and the targets to concrete alarms: one instance per alarm definition and
 * watched resource, with the MetricAlarm arguments it becomes. Generic in the identifier type, so
 * it runs on Pulumi inputs in the component and on plain strings in tests. Pure.
 */
import {
  ALARMS, AlarmDefinition, AlarmSettings, AlarmTier, DashboardTier, ExpressionContext, MetricSource, MetricSpec, Severity, SubjectKind,
} from "./catalogue";
import type { AlarmSettingsConfig } from "./settings";
import type { MonitoringTargetsOf } from "./targets";

/** One watched resource: its dimensions, a label for people, and the region its metrics live in. */
export interface Subject<V> {
  label: V | string;
  dimensions: Record<string, V | string>;
  /** Region of the metrics when it is not the stack's (CloudFront WAF metrics: us-east-1). */
  region?: string;
  /** Stable suffix for names (broker number, instance position). */
  suffix?: string;
}

const WHOLE_ACL = "ALL";

/** The resources of `kind` in the targets; empty when the tier is absent. */
export function subjectsOf<V>(kind: SubjectKind, t: MonitoringTargetsOf<V>): Subject<V>[] {
  const numbered = (ids: V[], dim: string): Subject<V>[] => ids.map((id, i) => ({ label: id, dimensions: { [dim]: id }, suffix: String(i + 1) }));
  switch (kind) {
    case "cluster":
      return t.cluster ? [{ label: t.cluster.clusterName, dimensions: { ClusterName: t.cluster.clusterName } }] : [];
    case "ecsCluster":
      return t.ecs ? [{ label: t.ecs.clusterName, dimensions: { ClusterName: t.ecs.clusterName } }] : [];
    case "ecsService": {
      const e = t.ecs;
      return Object.entries(e?.serviceNames ?? {}).map(([name, service]) => ({ label: service, dimensions: { ClusterName: e!.clusterName, ServiceName: service }, suffix: name }));
    }
    case "loadBalancer":
      return t.alb ? [{ label: t.alb.loadBalancerArnSuffix, dimensions: { LoadBalancer: t.alb.loadBalancerArnSuffix } }] : [];
    case "targetGroup": {
      const alb = t.alb;
      return (alb?.targetGroupArnSuffixes ?? []).map((tg, i) => ({ label: tg, dimensions: { TargetGroup: tg, LoadBalancer: alb!.loadBalancerArnSuffix }, suffix: String(i + 1) }));
    }
    case "dbInstance":
      return t.database ? numbered([...t.database.instanceIds, ...t.database.replicaInstanceIds], "DBInstanceIdentifier") : [];
    case "dbReplica":
      return t.database ? numbered(t.database.replicaInstanceIds, "DBInstanceIdentifier") : [];
    case "cacheNode":
      return t.cache ? numbered(t.cache.memberClusterIds, "CacheClusterId") : [];
    case "kafkaBroker": {
      const k = t.kafka;
      return (k?.brokerIds ?? []).map((b) => ({ label: `broker ${b}`, dimensions: { "Cluster Name": k!.clusterName, "Broker ID": String(b) }, suffix: `broker-${b}` }));
    }
    case "broker":
      return t.rabbitmq ? [{ label: t.rabbitmq.brokerName, dimensions: { Broker: t.rabbitmq.brokerName } }] : [];
    case "webAcl": {
      const w = t.waf;
      if (!w) return [];
      const regional = (w.scope ?? "CLOUDFRONT") === "REGIONAL";
      return [{ label: w.webAclName, dimensions: { WebACL: w.webAclName, Rule: w.ruleMetricName ?? WHOLE_ACL, ...(regional ? { Region: w.region } : {}) }, region: w.region }];
    }
    case "bucket":
      return Object.entries(t.buckets?.names ?? {}).map(([name, bucket]) => ({ label: name, dimensions: { BucketName: bucket }, suffix: name }));
  }
}

/** The tiers present in the targets, in catalogue order. */
export function presentTiers<V>(t: MonitoringTargetsOf<V>): DashboardTier[] {
  const all: DashboardTier[] = ["cluster", "ecs", "alb", "database", "cache", "kafka", "rabbitmq", "waf", "buckets"];
  return all.filter((tier) => t[tier] !== undefined);
}

export interface AlarmInstance<V> {
  def: AlarmDefinition;
  settings: AlarmSettings;
  subject: Subject<V>;
  /** Child role and physical-name part: <tier>-<name>[-<suffix>], kebab-case. */
  role: string;
  expressionContext: ExpressionContext;
}

export const kebab = (s: string): string => s.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();

function contextOf<V>(t: MonitoringTargetsOf<V>): ExpressionContext {
  return { maxConnections: t.database?.maxConnections ?? 0, allocatedStorageGiB: t.database?.allocatedStorageGiB ?? 0 };
}

/** Every alarm the targets call for: none for a tier the stack does not have. */
export function alarmInstances<V>(t: MonitoringTargetsOf<V>, settings: AlarmSettingsConfig): AlarmInstance<V>[] {
  return ALARMS.flatMap((def) =>
    subjectsOf(def.subjects, t).map((subject) => ({
      def,
      settings: settings[def.tier][def.name],
      subject,
      role: [def.tier, kebab(def.name), ...(subject.suffix ? [subject.suffix] : [])].join("-"),
      expressionContext: contextOf(t),
    })),
  );
}

/** The CloudWatch query of one metric for one subject. */
export function queryMetric<V>(spec: MetricSpec, subject: Subject<V>, periodSeconds: number) {
  return { namespace: spec.namespace, metricName: spec.metricName, stat: spec.statistic, period: periodSeconds, dimensions: { ...subject.dimensions, ...spec.fixedDimensions } };
}

/** metricQueries for a math source: the expression returns data, its inputs m1..mN do not. */
export function metricQueries<V>(source: Extract<MetricSource, { kind: "math" }>, subject: Subject<V>, periodSeconds: number, c: ExpressionContext) {
  return [
    { id: "e1", expression: source.expression(c), label: source.label, returnData: true },
    ...source.metrics.map((spec, i) => ({ id: `m${i + 1}`, returnData: false, metric: queryMetric(spec, subject, periodSeconds) })),
  ];
}

export const SEVERITY_TAG = "Severity";

/**
 * MetricAlarm arguments for an instance, alarm and OK actions both to the topic of its severity (an
 * OK tells on-call the page resolved itself).
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html
 */
export function metricAlarmArgs<V, A>(i: AlarmInstance<V>, namePrefix: string, topics: Record<Severity, A>) {
  const { def, settings: s, subject } = i;
  const source = def.source.kind === "metric"
    ? { namespace: def.source.metric.namespace, metricName: def.source.metric.metricName, statistic: def.source.metric.statistic, period: s.periodSeconds, dimensions: queryMetric(def.source.metric, subject, s.periodSeconds).dimensions }
    : { metricQueries: metricQueries(def.source, subject, s.periodSeconds, i.expressionContext) };
  const topic = topics[def.severity];
  return {
    name: `${namePrefix}-${i.role}`,
    alarmDescription: alarmDescription(def, s),
    ...source,
    comparisonOperator: def.comparison,
    threshold: s.threshold,
    evaluationPeriods: s.evaluationPeriods,
    datapointsToAlarm: s.datapointsToAlarm,
    treatMissingData: def.treatMissingData,
    actionsEnabled: true,
    alarmActions: [topic],
    okActions: [topic],
    tags: { [SEVERITY_TAG]: def.severity, MonitoredTier: def.tier },
  };
}

const UNIT_TEXT: Record<AlarmDefinition["unit"], string> = { percent: "%", seconds: " s", count: "", mebibytes: " MiB", ratio: "×" };

/** What pages: severity, condition and the first thing to check. */
export function alarmDescription(def: AlarmDefinition, s: AlarmSettings): string {
  const op = def.comparison === "GreaterThanThreshold" ? ">" : "<";
  const window = `${s.datapointsToAlarm} of ${s.evaluationPeriods} periods of ${s.periodSeconds / 60} min`;
  return `[${def.severity}] ${def.title} ${op} ${s.threshold}${UNIT_TEXT[def.unit]} for ${window}. ${def.rationale}`;
}

/** Alarms per tier, for "no alarms for absent tiers" checks and the README. */
export function alarmTiers<V>(instances: AlarmInstance<V>[]): AlarmTier[] {
  return [...new Set(instances.map((i) => i.def.tier))];
}
