import { strict as assert } from "node:assert";
import fc from "fast-check";
import { ALL_TIERS, DEV_TIERS, ECS_TIERS, targetIdentifiers } from "../../test/fixtures/monitoringTargets";
import type { MonitoringTargetsOf } from "./targets";
import { DashboardInput, Widget, dashboardBody } from "./dashboard";
import { DEFAULT_ALARM_SETTINGS } from "./settings";

const input = (targets: MonitoringTargetsOf<string>, o: Partial<DashboardInput> = {}): DashboardInput =>
  ({ title: "medsearch / prod", region: "us-west-2", targets, settings: DEFAULT_ALARM_SETTINGS, alarms: [], requestMetrics: true, ...o });

const tierKeys = Object.keys(ALL_TIERS) as (keyof typeof ALL_TIERS)[];
const someTiers = fc.subarray(tierKeys).map((keys) => Object.fromEntries(keys.map((k) => [k, ALL_TIERS[k]])) as MonitoringTargetsOf<string>);

const metricWidgets = (ws: Widget[]) => ws.filter((w) => w.type === "metric");
const headings = (ws: Widget[]) => ws.filter((w) => w.type === "text" && String(w.properties.markdown).startsWith("## ")).map((w) => String(w.properties.markdown).slice(3));

/** Every dimension value of every metric row: the row is [namespace, metric, name1, value1, ..., options]. */
function dimensionValues(ws: Widget[]): string[] {
  return metricWidgets(ws).flatMap((w) => (w.properties.metrics as unknown[][]).flatMap((row) => {
    if (typeof row[0] !== "string") return [];
    const dims = row.slice(2, row.length - 1) as string[];
    return dims.filter((_, i) => i % 2 === 1);
  }));
}

const FIXED = new Set(["StandardStorage", "AllStorageTypes", "EntireBucket", "ALL"]);

describe("dashboard body", () => {
  it("is valid JSON that round-trips", () => {
    const body = dashboardBody(input(ALL_TIERS));
    assert.deepEqual(JSON.parse(JSON.stringify(body)), body);
  });

  it("has a row for each tier the stack has, in catalogue order, and none for the others", () => {
    assert.deepEqual(headings(dashboardBody(input(ALL_TIERS)).widgets), [
      "EKS cluster", "ECS cluster", "Load balancer", "Database (RDS)", "Cache (Redis)", "Kafka (MSK)", "RabbitMQ (Amazon MQ)", "WAF", "S3 storage",
    ]);
    assert.deepEqual(headings(dashboardBody(input(DEV_TIERS)).widgets), ["EKS cluster", "Database (RDS)", "S3 storage"]);
  });

  it("names only resources of the targets (and CloudWatch's fixed dimension values)", () => {
    fc.assert(fc.property(someTiers, (t) => {
      const known = targetIdentifiers(t);
      for (const v of dimensionValues(dashboardBody(input(t)).widgets)) assert.ok(known.has(v) || FIXED.has(v), v);
    }));
  });

  it("lays widgets on the 24-column grid without overlaps", () => {
    fc.assert(fc.property(someTiers, (t) => {
      const ws = dashboardBody(input(t, { alarms: [{ region: "us-west-2", arn: "arn:a" }] })).widgets;
      for (const w of ws) assert.ok(w.x >= 0 && w.x + w.width <= 24 && w.y >= 0, JSON.stringify(w));
      for (let i = 0; i < ws.length; i++) for (let j = i + 1; j < ws.length; j++) {
        const [a, b] = [ws[i], ws[j]];
        const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
        assert.ok(!overlap, `${JSON.stringify(a.properties.title)} overlaps ${JSON.stringify(b.properties.title)}`);
      }
    }));
  });

  it("draws each alarm's threshold on its widget, from the configured settings", () => {
    const settings = structuredClone(DEFAULT_ALARM_SETTINGS);
    settings.database.cpu.threshold = 65;
    const w = metricWidgets(dashboardBody(input(DEV_TIERS, { settings })).widgets).find((x) => x.properties.title === "RDS CPU [critical]")!;
    assert.deepEqual((w.properties.annotations as any).horizontal, [{ label: "[critical] RDS CPU > 65% for 3 of 3 periods of 5 min", value: 65 }]);
    assert.equal(w.properties.period, 300);
  });

  it("repeats a metric-math alarm per resource, with ids unique in the widget", () => {
    const w = metricWidgets(dashboardBody(input(ALL_TIERS)).widgets).find((x) => x.properties.title === "RDS connections [critical]")!;
    const rows = w.properties.metrics as any[][];
    const ids = rows.map((r) => r[r.length - 1].id ?? r[0].id);
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual(rows.filter((r) => typeof r[0] === "object").map((r) => r[0].expression), ["100 * m1x1 / 200", "100 * m2x1 / 200"]);
  });

  it("gives an ECS stack an ECS row: cluster CPU and memory, tasks missing and CPU per service, running tasks, reservation, instances", () => {
    const ws = dashboardBody(input(ECS_TIERS)).widgets;
    assert.deepEqual(headings(ws), ["ECS cluster", "S3 storage"]);
    const ecs = metricWidgets(ws).filter((w) => (w.properties.metrics as unknown[][]).some((r) => r[0] === "AWS/ECS" || r[0] === "ECS/ContainerInsights" || typeof r[0] === "object"));
    assert.deepEqual(ecs.map((w) => w.properties.title), [
      "ECS cluster CPU [critical]", "ECS cluster memory [critical]", "ECS service tasks missing [critical]", "ECS service CPU [warning]",
      "Running tasks", "CPU reservation", "Memory reservation", "Container instances",
    ]);
    const running = ecs.find((w) => w.properties.title === "Running tasks")!;
    assert.deepEqual((running.properties.metrics as unknown[][]).map((r) => r.slice(0, 6)), ["backend", "ai-service", "frontend"].map((svc) =>
      ["ECS/ContainerInsights", "RunningTaskCount", "ClusterName", "ecsai-prod", "ServiceName", svc]));
  });

  it("repeats the tasks-missing expression per ECS service over that service's own desired and running counts", () => {
    const w = metricWidgets(dashboardBody(input(ECS_TIERS)).widgets).find((x) => x.properties.title === "ECS service tasks missing [critical]")!;
    const rows = w.properties.metrics as any[][];
    assert.deepEqual(rows.filter((r) => typeof r[0] === "object").map((r) => [r[0].expression, r[0].label]), [
      ["m1x1 - FILL(m1x2, 0)", "backend"], ["m2x1 - FILL(m2x2, 0)", "ai-service"], ["m3x1 - FILL(m3x2, 0)", "frontend"],
    ]);
    assert.deepEqual(rows.filter((r) => r[0] === "ECS/ContainerInsights").slice(0, 2).map((r) => [r[1], r[5], r[6].id, r[6].visible]), [
      ["DesiredTaskCount", "backend", "m1x1", false], ["RunningTaskCount", "backend", "m1x2", false],
    ]);
    assert.deepEqual((w.properties.annotations as any).horizontal, [{ label: "[critical] ECS service tasks missing > 0 for 8 of 10 periods of 1 min", value: 0 }]);
  });

  it("draws the WAF row from us-east-1 for a CloudFront web ACL", () => {
    const waf = metricWidgets(dashboardBody(input(ALL_TIERS)).widgets).filter((w) => String(w.properties.title).startsWith("WAF"));
    assert.deepEqual(waf.map((w) => w.properties.region), ["us-east-1", "us-east-1"]);
  });

  it("leaves out the S3 requests panel without request metrics", () => {
    const titles = (requestMetrics: boolean) => metricWidgets(dashboardBody(input(DEV_TIERS, { requestMetrics })).widgets).map((w) => w.properties.title);
    assert.ok(titles(true).includes("Requests"));
    assert.ok(!titles(false).includes("Requests"));
  });

  it("shows alarm states per region, at most 100 alarms per widget", () => {
    const alarms = [...Array.from({ length: 130 }, (_, i) => ({ region: "us-west-2", arn: `arn:${i}` })), { region: "us-east-1", arn: "arn:waf" }];
    const ws = dashboardBody(input(ALL_TIERS, { alarms })).widgets.filter((w) => w.type === "alarm");
    assert.deepEqual(ws.map((w) => [w.properties.title, (w.properties.alarms as string[]).length]), [["Alarms (us-west-2)", 100], ["Alarms (us-west-2)", 30], ["Alarms (us-east-1)", 1]]);
    assert.ok(ws.every((w) => w.properties.sortBy === "stateUpdatedTimestamp" && !("region" in w.properties)));
  });

  it("states the service targets in the header, and the cluster's node groups (Container Insights has no node-group dimension)", () => {
    const [header] = dashboardBody(input(DEV_TIERS)).widgets;
    assert.match(String(header.properties.markdown), /availability above 99\.9 %, average response time under 2 s, error rate under 1 %/);
    assert.match(String(dashboardBody(input(ALL_TIERS)).widgets[0].properties.markdown), /Node groups: general, gpu\.$/);
  });
});
