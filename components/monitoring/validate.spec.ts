import { strict as assert } from "node:assert";
import { ComponentArgsError } from "../errors";
import { PROFILES } from "../profiles";
import { MONITORING_DEFAULTS, MONITORING_KEY_DEFAULTS, MONITORING_PRESETS } from "./presets";
import type { MonitoringTargets } from "./targets";
import { ResolvedMonitoring, checkMonitoringArgs, resolveMonitoringArgs } from "./validate";

const ACCOUNT = { accountId: "123456789012", partition: "aws", region: "us-west-2" };
const TARGETS: MonitoringTargets = { buckets: { names: {}, logsBucket: { name: "logs", arn: "arn:aws:s3:::logs" } } };
const resolved = (o: Partial<ResolvedMonitoring> = {}): ResolvedMonitoring => ({ ...resolveMonitoringArgs("orders", { account: ACCOUNT, targets: TARGETS }, "test"), ...o });

describe("Monitoring presets", () => {
  it("give a direct caller the prod preset", () => assert.deepEqual(MONITORING_DEFAULTS, MONITORING_PRESETS.prod));

  it("leave tracing, data events, the archive and request metrics to staging and prod or prod alone, and bring no endpoints", () => {
    const of = (p: keyof typeof MONITORING_PRESETS) => {
      const m = MONITORING_PRESETS[p];
      return [m.tracing.enabled, m.cloudTrail.documentDataEvents, m.logs.archiveToS3, m.s3RequestMetrics, m.notifications.critical.emails.length];
    };
    assert.deepEqual([of("dev"), of("staging"), of("prod")], [[false, false, false, false, 0], [true, false, false, false, 0], [true, true, true, true, 0]]);
  });

  it("are valid in every profile", () => {
    for (const p of PROFILES) assert.deepEqual(checkMonitoringArgs({ ...resolved(), ...MONITORING_PRESETS[p] }, TARGETS), [], p);
  });
});

describe("resolveMonitoringArgs", () => {
  it("fills every omitted field: the prod preset, the component's and the stack's names, 90 days, the whole account's spend, protected keys", () => {
    assert.deepEqual(resolved(), {
      ...MONITORING_DEFAULTS, system: "orders", stack: "test", logRetentionDays: 90, budgetCostAllocationTags: {}, keys: MONITORING_KEY_DEFAULTS,
    });
  });

  it("takes what the caller gives over the defaults and the names", () => {
    const r = resolveMonitoringArgs("orders", { account: ACCOUNT, targets: TARGETS, system: "shop", tracing: { enabled: false, samplingRate: 0.1 }, logRetentionDays: 30 }, "test");
    assert.deepEqual([r.system, r.stack, r.tracing, r.logRetentionDays, r.cloudTrail], ["shop", "test", { enabled: false, samplingRate: 0.1 }, 30, MONITORING_DEFAULTS.cloudTrail]);
  });

  it("reports every problem at once, each naming its Args field", () => {
    const problems = checkMonitoringArgs(resolved({
      budget: { enabled: true, monthlyLimitUsd: 0, actualPercent: 80, forecastPercent: -1 },
      dailyReport: { enabled: true, scheduleExpression: "every day" },
      logs: { namespaces: ["apps", "Apps", "apps"], archiveToS3: false },
      keys: { deletionWindowDays: 5, protect: true },
      tracing: { enabled: true, samplingRate: 2 },
    }), TARGETS);
    assert.deepEqual(problems.map((p) => p.slice(0, p.indexOf(":"))), [
      "tracing.samplingRate", "budget.monthlyLimitUsd", "budget.forecastPercent", "dailyReport.scheduleExpression", "logs.namespaces[1]", "logs.namespaces[2]", "keys.deletionWindowDays",
    ]);
    assert.match(problems[5], /got "apps"; allowed: a namespace not already listed/);
  });

  it("checks a budget or a report only when it is on", () => {
    assert.deepEqual(checkMonitoringArgs(resolved({
      budget: { enabled: false, monthlyLimitUsd: 0, actualPercent: 0, forecastPercent: 0 }, dailyReport: { enabled: false, scheduleExpression: "" },
    }), TARGETS), []);
  });

  it("names system / stack when a name would pass an AWS limit", () => {
    const problems = checkMonitoringArgs(resolved({ system: "s".repeat(40) }), TARGETS);
    assert.match(problems.join("; "), /^system \/ stack: X-Ray sampling rule name s+-test is 45 characters; AWS allows 32/);
  });

  it("throws one ComponentArgsError (a caller's mistake, not a bug) with every problem", () => {
    assert.throws(() => resolveMonitoringArgs("orders", { account: ACCOUNT, targets: {}, logRetentionDays: 10 as 7 }, "test"), (e: Error) => {
      assert.ok(e instanceof ComponentArgsError, String(e));
      assert.match(e.message, /^orders: cloudTrail\.enabled: got true.*; logs\.archiveToS3: got true.*; logRetentionDays: got 10/);
      assert.equal(e.problems.length, 3);
      return true;
    });
  });
});
