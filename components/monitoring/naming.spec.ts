import { strict as assert } from "node:assert";
import fc from "fast-check";
import { appLogGroupName, monitoringNames, nameProblems, namePrefix } from "./naming";

const all = { tracing: true, cloudTrail: true, archive: true, dailyReport: true, budget: true };

describe("monitoring names", () => {
  it("prefix every name with the system and the stack, in characters every name here allows", () => {
    fc.assert(fc.property(fc.stringMatching(/^[a-z][a-z0-9-]{1,14}[a-z0-9]$/), fc.string({ minLength: 1, maxLength: 30 }), (system, stack) => {
      const p = namePrefix(system, stack);
      assert.match(p, /^[A-Za-z0-9_-]+$/);
      assert.ok(p.startsWith(`${system}-`));
    }));
    assert.equal(namePrefix("medsearch", "prod.eu"), "medsearch-prod-eu");
  });

  it("derive the reference stack's names", () => {
    const n = monitoringNames("medsearch-prod");
    assert.deepEqual([n.dashboard, n.topic("critical"), n.trail, n.reportRule, n.firehose, n.budget], [
      "medsearch-prod", "medsearch-prod-critical", "medsearch-prod-audit", "medsearch-prod-daily-report", "medsearch-prod-log-archive", "medsearch-prod-monthly",
    ]);
    assert.equal(appLogGroupName("medsearch", "prod", "apps"), "/medsearch/prod/apps");
    assert.deepEqual(nameProblems("medsearch-prod", all), []);
  });

  it("report a name over its AWS limit only for features in use (the sampling rule allows 32)", () => {
    const prefix = "medsearch-a-very-long-stack-name1";
    assert.deepEqual(nameProblems(prefix, all), [`X-Ray sampling rule name ${prefix} is 33 characters; AWS allows 32`]);
    assert.deepEqual(nameProblems(prefix, { ...all, tracing: false }), []);
    const long = "x".repeat(60);
    assert.deepEqual(nameProblems(long, { ...all, tracing: false }).map((p) => p.split(" name ")[0]), ["EventBridge rule", "Firehose stream"]);
    assert.deepEqual(nameProblems(long, { tracing: false, cloudTrail: true, archive: false, dailyReport: false, budget: true }), []);
  });
});
