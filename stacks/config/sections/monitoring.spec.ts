import { strict as assert } from "node:assert";
import { ALARMS } from "../../../components/monitoring/catalogue";
import { readPlatformConfig } from "../load";
import { configProblems } from "../testing";

const base = {
  "aws:region": "us-west-2",
  "platform:profile": "dev",
  "platform:name": "medsearch",
  "platform:tags": JSON.stringify({ owner: "platform-team", costCenter: "cc-1" }),
};
const monitoring = (o: object) => ({ "platform:monitoring": JSON.stringify(o) });

const problems = configProblems;

describe("platform:monitoring", () => {
  it("turns the tier on in dev without tracing, data events, archive or request metrics, and a $200 budget", () => {
    const m = readPlatformConfig(base, "dev").monitoring;
    assert.deepEqual([m.enabled, m.tracing.enabled, m.cloudTrail, m.logs.archiveToS3, m.s3RequestMetrics, m.budget.monthlyLimitUsd],
      [true, false, { enabled: true, documentDataEvents: false }, false, false, 200]);
  });

  it("traces, archives, records document access and budgets $1,000 in prod", () => {
    const m = readPlatformConfig({ ...base, "platform:profile": "prod" }, "prod").monitoring;
    assert.deepEqual([m.tracing, m.cloudTrail.documentDataEvents, m.logs.archiveToS3, m.s3RequestMetrics, m.budget.monthlyLimitUsd],
      [{ enabled: true, samplingRate: 0.05 }, true, true, true, 1000]);
  });

  it("defaults every alarm to the catalogue's reference settings", () => {
    const m = readPlatformConfig(base, "dev").monitoring;
    for (const a of ALARMS) assert.deepEqual(m.alarms[a.tier][a.name], a.defaults, `${a.tier}.${a.name}`);
  });

  it("has platform:monitoring.alarms.ecs.* with the ECS defaults: cluster CPU and memory as the EKS nodes, tasks missing 8 of 10 minutes, service CPU 90 %", () => {
    const m = readPlatformConfig(base, "dev").monitoring;
    assert.deepEqual(m.alarms.ecs, {
      clusterCpu: { threshold: 80, periodSeconds: 300, evaluationPeriods: 3, datapointsToAlarm: 3 },
      clusterMemory: { threshold: 80, periodSeconds: 300, evaluationPeriods: 3, datapointsToAlarm: 3 },
      runningTasks: { threshold: 0, periodSeconds: 60, evaluationPeriods: 10, datapointsToAlarm: 8 },
      serviceCpu: { threshold: 90, periodSeconds: 300, evaluationPeriods: 3, datapointsToAlarm: 3 },
    });
    const tolerant = readPlatformConfig({ ...base, ...monitoring({ alarms: { ecs: { runningTasks: { threshold: 1 } } } }) }, "dev").monitoring;
    assert.deepEqual(tolerant.alarms.ecs.runningTasks, { threshold: 1, periodSeconds: 60, evaluationPeriods: 10, datapointsToAlarm: 8 });
  });

  it("accepts a service CPU warning at or below the autoscaling target when the stack is not on the ECS engine", () => {
    assert.equal(readPlatformConfig({ ...base, ...monitoring({ alarms: { ecs: { serviceCpu: { threshold: 60 } } } }) }, "dev").monitoring.alarms.ecs.serviceCpu.threshold, 60);
  });

  it("merges one threshold over the defaults, keeping the alarm's other settings", () => {
    const m = readPlatformConfig({ ...base, ...monitoring({ alarms: { database: { cpu: { threshold: 70 } } } }) }, "dev").monitoring;
    assert.deepEqual(m.alarms.database.cpu, { threshold: 70, periodSeconds: 300, evaluationPeriods: 3, datapointsToAlarm: 3 });
    assert.deepEqual(m.alarms.database.connections.threshold, 80);
  });

  describe("rejects, naming the key, the value and what is allowed", () => {
    const cases: Array<[string, object, string, RegExp]> = [
      ["a percentage over 100", { alarms: { kafka: { diskUsed: { threshold: 185 } } } }, "platform:monitoring.alarms.kafka.diskUsed.threshold", /at most 100/],
      ["a percentage of 0", { alarms: { cluster: { nodeCpu: { threshold: 0 } } } }, "platform:monitoring.alarms.cluster.nodeCpu.threshold", /a percentage above 0 and at most 100/],
      ["a negative count of missing ECS tasks", { alarms: { ecs: { runningTasks: { threshold: -1 } } } }, "platform:monitoring.alarms.ecs.runningTasks.threshold", /at least 0/],
      ["more datapoints than evaluation periods for the ECS tasks-missing alarm", { alarms: { ecs: { runningTasks: { datapointsToAlarm: 11 } } } }, "platform:monitoring.alarms.ecs.runningTasks.datapointsToAlarm", /1 to evaluationPeriods \(10\)/],
      ["a negative eviction count", { alarms: { cache: { evictions: { threshold: -1 } } } }, "platform:monitoring.alarms.cache.evictions.threshold", /at least 0/],
      ["a period that is not a multiple of 60", { alarms: { alb: { errorRate: { periodSeconds: 90 } } } }, "platform:monitoring.alarms.alb.errorRate.periodSeconds", /a multiple of 60 seconds/],
      ["a high-resolution period of 10 s", { alarms: { alb: { responseTime: { periodSeconds: 10 } } } }, "platform:monitoring.alarms.alb.responseTime.periodSeconds", /only for high-resolution custom metrics/],
      ["more datapoints than evaluation periods", { alarms: { database: { cpu: { datapointsToAlarm: 4 } } } }, "platform:monitoring.alarms.database.cpu.datapointsToAlarm", /1 to evaluationPeriods \(3\)/],
      ["a look-back over a day with 5-minute periods", { alarms: { database: { cpu: { evaluationPeriods: 300, datapointsToAlarm: 3 } } } }, "platform:monitoring.alarms.database.cpu.evaluationPeriods", /at most 288 with periodSeconds 300/],
      ["an alarm the catalogue does not have", { alarms: { database: { diskQueue: { threshold: 5 } } } }, "platform:monitoring.alarms.database.diskQueue", /no such key/],
      ["an e-mail address that is not one", { notifications: { critical: { emails: ["oncall"] } } }, "platform:monitoring.notifications.critical.emails[0]", /an e-mail address/],
      ["a plain-HTTP webhook", { notifications: { warning: { httpsUrls: ["http://hooks.example.com/x"] } } }, "platform:monitoring.notifications.warning.httpsUrls[0]", /an https:\/\/ URL/],
      ["a schedule that is not an EventBridge expression", { dailyReport: { scheduleExpression: "0 8 * * *" } }, "platform:monitoring.dailyReport.scheduleExpression", /cron\(\.\.\.\) or rate\(\.\.\.\)/],
      ["a sampling rate over 1", { tracing: { samplingRate: 5 } }, "platform:monitoring.tracing.samplingRate", /at most 1/],
      ["a budget of 0", { budget: { monthlyLimitUsd: 0 } }, "platform:monitoring.budget.monthlyLimitUsd", /USD above 0/],
      ["a namespace listed twice", { logs: { namespaces: ["apps", "apps"] } }, "platform:monitoring.logs.namespaces[1]", /not already listed/],
      ["a namespace that is not a DNS label", { logs: { namespaces: ["Apps_1"] } }, "platform:monitoring.logs.namespaces[0]", /lowercase DNS label/],
    ];
    for (const [what, override, key, allowed] of cases) {
      it(what, () => {
        const ps = problems({ ...base, ...monitoring(override) });
        const p = ps.find((x) => x.key === key);
        assert.ok(p, `expected a problem at ${key}, got ${JSON.stringify(ps)}`);
        assert.match(p.allowed, allowed);
      });
    }

    it("an ECS service CPU warning at or below the CPU target service autoscaling holds", () => {
      const ecs = { "platform:cluster": JSON.stringify({ enabled: true, engine: "ecs", ecs: { autoscaling: { cpuTargetPercent: 75, memoryTargetPercent: 80 } } }) };
      for (const threshold of [75, 60]) {
        const ps = problems({ ...base, ...ecs, ...monitoring({ alarms: { ecs: { serviceCpu: { threshold } } } }) });
        assert.deepEqual(ps.map((p) => [p.key, p.value]), [["platform:monitoring.alarms.ecs.serviceCpu.threshold", threshold]]);
        assert.match(ps[0].allowed, /above platform:cluster\.ecs\.autoscaling\.cpuTargetPercent \(75\)/);
      }
      assert.equal(readPlatformConfig({ ...base, ...ecs, ...monitoring({ alarms: { ecs: { serviceCpu: { threshold: 76 } } } }) }, "dev").monitoring.alarms.ecs.serviceCpu.threshold, 76);
    });

    it("prod with the monitoring tier turned off", () => {
      const ps = problems({ ...base, "platform:profile": "prod", ...monitoring({ enabled: false }) });
      assert.deepEqual(ps.map((p) => [p.key, p.value]), [["platform:monitoring.enabled", false]]);
    });

    it("the value given and the allowed range, in the message", () => {
      assert.throws(
        () => readPlatformConfig({ ...base, ...monitoring({ alarms: { rabbitmq: { memory: { threshold: 120 } } } }) }, "dev"),
        /platform:monitoring\.alarms\.rabbitmq\.memory\.threshold: got 120; allowed: a percentage above 0 and at most 100/,
      );
    });
  });
});
