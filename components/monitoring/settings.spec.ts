import { strict as assert } from "node:assert";
import fc from "fast-check";
import { ALARMS } from "./catalogue";
import { DEFAULT_ALARM_SETTINGS, alarmConfigProblems, maxWindowSeconds, settingProblems } from "./settings";

const cpu = ALARMS.find((a) => a.tier === "database" && a.name === "cpu")!;
const lag = ALARMS.find((a) => a.tier === "cache" && a.name === "replicationLag")!;
const evictions = ALARMS.find((a) => a.name === "evictions")!;
const fields = (ps: ReturnType<typeof settingProblems>) => ps.map((p) => p.field);

describe("alarm settings", () => {
  it("looks back at most a day for periods under an hour and a week otherwise (PutMetricAlarm)", () => {
    assert.deepEqual([60, 300, 3540, 3600, 86400].map(maxWindowSeconds), [86400, 86400, 86400, 604800, 604800]);
  });

  it("accepts any multiple of 60 with a window CloudWatch allows", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1440 }), fc.integer({ min: 1, max: 1440 }), (minutes, n) => {
      const period = minutes * 60;
      fc.pre(period * n <= maxWindowSeconds(period));
      assert.deepEqual(settingProblems(cpu, { threshold: 80, periodSeconds: period, evaluationPeriods: n, datapointsToAlarm: n }), []);
    }));
  });

  it("rejects a period that is not a multiple of 60, naming periodSeconds", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 86400 }).filter((p) => p % 60 !== 0), (period) => {
      const [p] = settingProblems(cpu, { threshold: 80, periodSeconds: period, evaluationPeriods: 1, datapointsToAlarm: 1 });
      assert.equal(p.field, "periodSeconds");
      assert.match(p.allowed, /a multiple of 60 seconds/);
    }));
  });

  it("rejects a look-back longer than CloudWatch allows, naming the largest evaluationPeriods", () => {
    const [p] = settingProblems(cpu, { threshold: 80, periodSeconds: 300, evaluationPeriods: 289, datapointsToAlarm: 1 });
    assert.deepEqual([p.field, p.value], ["evaluationPeriods", 289]);
    assert.match(p.allowed, /at most 288 with periodSeconds 300/);
  });

  it("rejects a percentage over 100 or at 0, and accepts 100", () => {
    fc.assert(fc.property(fc.double({ min: 100.000001, max: 1e6, noNaN: true }), (t) => {
      assert.deepEqual(fields(settingProblems(cpu, { ...cpu.defaults, threshold: t })), ["threshold"]);
    }));
    assert.deepEqual(fields(settingProblems(cpu, { ...cpu.defaults, threshold: 0 })), ["threshold"]);
    assert.deepEqual(settingProblems(cpu, { ...cpu.defaults, threshold: 100 }), []);
  });

  it("accepts a count threshold of 0 (any eviction) but not a negative one", () => {
    assert.deepEqual(settingProblems(evictions, { ...evictions.defaults, threshold: 0 }), []);
    assert.deepEqual(fields(settingProblems(evictions, { ...evictions.defaults, threshold: -1 })), ["threshold"]);
  });

  it("rejects seconds beyond a day for a lag threshold", () => {
    assert.match(settingProblems(lag, { ...lag.defaults, threshold: 90000 })[0].allowed, /at most 86400/);
  });

  it("rejects more datapoints to alarm than evaluation periods", () => {
    const [p] = settingProblems(cpu, { threshold: 80, periodSeconds: 300, evaluationPeriods: 3, datapointsToAlarm: 4 });
    assert.deepEqual([p.field, p.allowed], ["datapointsToAlarm", "an integer from 1 to evaluationPeriods (3)"]);
  });

  it("keys every problem of a config by tier and alarm name", () => {
    const config = structuredClone(DEFAULT_ALARM_SETTINGS);
    config.kafka.diskUsed.threshold = 120;
    config.alb.errorRate.periodSeconds = 45;
    assert.deepEqual(alarmConfigProblems(config, "platform:monitoring.alarms").map((p) => p.key), [
      "platform:monitoring.alarms.alb.errorRate.periodSeconds",
      "platform:monitoring.alarms.kafka.diskUsed.threshold",
    ]);
  });

  it("reports an alarm with no settings at all", () => {
    const config = structuredClone(DEFAULT_ALARM_SETTINGS);
    delete config.waf.blockedRequests;
    assert.deepEqual(alarmConfigProblems(config, "k").map((p) => p.key), ["k.waf.blockedRequests"]);
  });
});
