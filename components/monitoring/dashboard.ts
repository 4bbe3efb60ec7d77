/**
 * The dashboard body: a header, the alarm states, then a row per tier the stack has, each widget
 * drawn from the same catalogue entries (metric, statistic, period, threshold) as the alarms.
 * Pure; the component resolves the targets to strings and serializes the result.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html
 */
import { ALARMS, AlarmDefinition, AlarmSettings, DashboardTier, ExpressionContext, PANELS } from "./catalogue";
import { Subject, alarmDescription, presentTiers, queryMetric, subjectsOf } from "./instances";
import type { AlarmSettingsConfig } from "./settings";
import type { MonitoringTargetsOf } from "./targets";

export interface DashboardInput {
  /** Shown in the header, e.g. "medsearch / prod". */
  title: string;
  /** The stack's region: every widget's region unless its metrics live elsewhere (CloudFront WAF). */
  region: string;
  targets: MonitoringTargetsOf<string>;
  settings: AlarmSettingsConfig;
  /** Alarm ARNs with their region, for the alarm-status widgets. */
  alarms: { region: string; arn: string }[];
  /** Whether S3 request metrics exist (the Requests panel is left out otherwise). */
  requestMetrics: boolean;
}

export interface Widget {
  type: "metric" | "text" | "alarm";
  x: number;
  y: number;
  width: number;
  height: number;
  properties: Record<string, unknown>;
}

const TIER_TITLES: Record<DashboardTier, string> = {
  cluster: "EKS cluster", ecs: "ECS cluster", alb: "Load balancer", database: "Database (RDS)", cache: "Cache (Redis)",
  kafka: "Kafka (MSK)", rabbitmq: "RabbitMQ (Amazon MQ)", waf: "WAF", buckets: "S3 storage",
};

/** Targets of the reference system, shown in the header so every chart is read against them. */
export const SERVICE_TARGETS = "Targets: availability above 99.9 %, average response time under 2 s, error rate under 1 %.";

const GRID = 24;
const W = 8;
const H = 6;
/** An alarm widget shows at most 100 alarms. */
const ALARMS_PER_WIDGET = 100;

type MetricRow = (string | Record<string, unknown>)[];
type Query = ReturnType<typeof queryMetric<string>>;

function metricRow(q: Query, opts: Record<string, unknown>): MetricRow {
  return [q.namespace, q.metricName, ...Object.entries(q.dimensions).flat(), { stat: q.stat, period: q.period, ...opts }];
}

/**
 * The alarm's metric for every subject. A math alarm becomes one expression per subject over its own
 * hidden inputs; ids must be unique in a widget, so subject n's inputs are m<n>x1, m<n>x2, ...
 */
function alarmMetrics(def: AlarmDefinition, subjects: Subject<string>[], s: AlarmSettings, ctx: ExpressionContext): MetricRow[] {
  return subjects.flatMap((subject, i) => {
    const n = i + 1;
    const label = String(subject.label);
    if (def.source.kind === "metric") return [metricRow(queryMetric(def.source.metric, subject, s.periodSeconds), { label })];
    const expression = def.source.expression(ctx).replace(/\bm(\d+)\b/g, `m${n}x$1`);
    return [
      [{ expression, label, id: `e${n}` }],
      ...def.source.metrics.map((spec, k) => metricRow(queryMetric(spec, subject, s.periodSeconds), { id: `m${n}x${k + 1}`, visible: false })),
    ];
  });
}

function tierWidgets(tier: DashboardTier, input: DashboardInput): Omit<Widget, "x" | "y">[] {
  const widgets: Omit<Widget, "x" | "y">[] = [];
  const ctx = { maxConnections: input.targets.database?.maxConnections ?? 0, allocatedStorageGiB: input.targets.database?.allocatedStorageGiB ?? 0 };
  for (const def of ALARMS.filter((a) => a.tier === tier)) {
    const subjects = subjectsOf(def.subjects, input.targets);
    if (subjects.length === 0) continue;
    const s = input.settings[def.tier][def.name];
    const metrics = alarmMetrics(def, subjects, s, ctx);
    widgets.push({
      type: "metric", width: W, height: H,
      properties: {
        title: `${def.title} [${def.severity}]`, view: "timeSeries", stacked: false, region: subjects[0].region ?? input.region, period: s.periodSeconds, metrics,
        annotations: { horizontal: [{ label: alarmDescription(def, s).split(". ")[0], value: s.threshold }] },
      },
    });
  }
  for (const p of PANELS.filter((x) => x.tier === tier && (!x.requiresRequestMetrics || input.requestMetrics))) {
    const subjects = subjectsOf(p.subjects, input.targets);
    if (subjects.length === 0) continue;
    widgets.push({
      type: "metric", width: W, height: H,
      properties: {
        title: p.title, view: "timeSeries", stacked: false, region: subjects[0].region ?? input.region, period: p.periodSeconds,
        metrics: subjects.map((sub) => metricRow(queryMetric(p.metric, sub, p.periodSeconds), { label: String(sub.label) })),
      },
    });
  }
  return widgets;
}

function header(input: DashboardInput, tiers: DashboardTier[]): Omit<Widget, "x" | "y"> {
  const rows = tiers.length > 0 ? tiers.map((t) => TIER_TITLES[t]).join(" · ") : "no monitored tiers yet";
  const groups = input.targets.cluster?.nodeGroupNames?.length ? ` Node groups: ${input.targets.cluster.nodeGroupNames.join(", ")}.` : "";
  return { type: "text", width: GRID, height: 2, properties: { markdown: `# ${input.title}\n${SERVICE_TARGETS} Rows: ${rows}.${groups}` } };
}

function alarmStatus(input: DashboardInput): Omit<Widget, "x" | "y">[] {
  const byRegion = new Map<string, string[]>();
  for (const a of input.alarms) byRegion.set(a.region, [...(byRegion.get(a.region) ?? []), a.arn]);
  return [...byRegion.entries()].flatMap(([region, arns]) => {
    const chunks: string[][] = [];
    for (let i = 0; i < arns.length; i += ALARMS_PER_WIDGET) chunks.push(arns.slice(i, i + ALARMS_PER_WIDGET));
    // The alarm widget takes ARNs, a title, sortBy and states; alarms in ALARM come first.
    return chunks.map((alarms) => ({ type: "alarm" as const, width: GRID, height: 3, properties: { title: `Alarms (${region})`, sortBy: "stateUpdatedTimestamp", alarms } }));
  });
}

/** Lays widgets out left to right, a new line when the row is full; each tier starts on a new line. */
function layout(blocks: Omit<Widget, "x" | "y">[][]): Widget[] {
  const out: Widget[] = [];
  let y = 0;
  for (const block of blocks) {
    let x = 0;
    let rowHeight = 0;
    for (const w of block) {
      if (x + w.width > GRID) {
        y += rowHeight;
        x = 0;
        rowHeight = 0;
      }
      out.push({ ...w, x, y });
      x += w.width;
      rowHeight = Math.max(rowHeight, w.height);
    }
    y += rowHeight;
  }
  return out;
}

export function dashboardBody(input: DashboardInput): { start: string; widgets: Widget[] } {
  const tiers = presentTiers(input.targets);
  const rows = tiers.map((tier) => {
    const widgets = tierWidgets(tier, input);
    return widgets.length > 0 ? [{ type: "text" as const, width: GRID, height: 1, properties: { markdown: `## ${TIER_TITLES[tier]}` } }, ...widgets] : [];
  });
  return { start: "-PT12H", widgets: layout([[header(input, tiers)], alarmStatus(input), ...rows]) };
}
