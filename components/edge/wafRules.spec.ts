import { strict as assert } from "node:assert";
import { MANAGED_RULE_GROUPS, wafRules } from "./wafRules";

describe("WAF rules", () => {
  const rules = wafRules("edge-cf-waf", { limit: 2000, windowSeconds: 300 });

  it("rate-limit per client IP first, blocking, with the configured limit and window", () => {
    assert.equal(rules[0].priority, 0);
    assert.deepEqual(rules[0].action, { block: {} });
    assert.deepEqual(rules[0].statement, { rateBasedStatement: { limit: 2000, evaluationWindowSec: 300, aggregateKeyType: "IP" } });
  });

  it("then the AWS managed groups: IP reputation, common, known bad inputs, SQL injection, in their own actions", () => {
    assert.deepEqual(MANAGED_RULE_GROUPS, ["AWSManagedRulesAmazonIpReputationList", "AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesSQLiRuleSet"]);
    for (const [i, group] of MANAGED_RULE_GROUPS.entries()) {
      const r = rules[i + 1];
      assert.deepEqual(r.statement, { managedRuleGroupStatement: { vendorName: "AWS", name: group } });
      assert.deepEqual(r.overrideAction, { none: {} });
      assert.equal(r.action, undefined, "a rule-group rule takes overrideAction, never action");
    }
  });

  it("give every rule unique priorities and names, metrics and sampled requests on", () => {
    assert.equal(new Set(rules.map((r) => r.priority)).size, rules.length);
    assert.equal(new Set(rules.map((r) => r.visibilityConfig.metricName)).size, rules.length);
    for (const r of rules) assert.deepEqual([r.visibilityConfig.cloudwatchMetricsEnabled, r.visibilityConfig.sampledRequestsEnabled], [true, true]);
  });
});
