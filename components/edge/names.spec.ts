import { strict as assert } from "node:assert";
import fc from "fast-check";
import { ELB_NAME_MAX, LOG_RESOURCE_POLICY_NAME_MAX, TARGET_GROUP_PREFIX_MAX, albLogicalName, originName, queryLogGroupName, queryLogPolicyName, targetGroupPrefix, wafLogGroupName, wafMetricName, wwwName } from "./names";

/** Service names as the config admits them: lowercase DNS labels of up to 32 characters. */
const serviceName = fc.stringMatching(/^[a-z]([a-z0-9-]{0,30}[a-z0-9])?$/);

describe("edge names", () => {
  it("derive the www and origin names from the apex", () => {
    assert.equal(wwwName("medsearch.example.com"), "www.medsearch.example.com");
    assert.equal(originName("medsearch.example.com"), "origin.medsearch.example.com");
  });

  it("give every service a target group prefix AWS accepts: at most 6 characters, starting with a letter, ending in '-'", () => {
    fc.assert(
      fc.property(serviceName, (s) => {
        const p = targetGroupPrefix(s);
        assert.ok(p.length <= TARGET_GROUP_PREFIX_MAX, p);
        assert.match(p, /^[a-z][a-z0-9-]*-$/);
        assert.ok(s.startsWith(p.slice(0, -1)), `${p} is a prefix of ${s}`);
      }),
    );
  });

  it("name the ALB so Pulumi's auto-name fits 32 characters for every system name the config admits", () => {
    // platform:name is 3 to 16 characters; the stack names the edge component `${name}-edge`.
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z][a-z0-9-]{1,14}[a-z0-9]$/), (system) => {
        assert.ok(albLogicalName(`${system}-edge`).length + 8 <= ELB_NAME_MAX);
      }),
    );
  });

  it("refuse an edge name whose ALB auto-name AWS would reject", () => {
    assert.throws(() => albLogicalName("a-very-long-system-edge"), /would be 34 characters; AWS allows 32/);
  });

  it("name WAF log groups aws-waf-logs-*, as AWS WAF requires", () => {
    assert.equal(wafLogGroupName("medsearch-edge-cf-waf"), "aws-waf-logs-medsearch-edge-cf-waf");
  });

  it("name the query-log group /aws/route53/<domain>, within CloudWatch Logs' characters and 512 for every domain the config admits", () => {
    assert.equal(queryLogGroupName("medsearch.example.com"), "/aws/route53/medsearch.example.com");
    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/);
    fc.assert(
      fc.property(fc.array(label, { minLength: 2, maxLength: 4 }), (labels) => {
        const g = queryLogGroupName(labels.join("."));
        assert.match(g, /^[A-Za-z0-9_\-/.#]{1,512}$/);
      }),
    );
  });

  it("name the query-log resource policy after the component, refusing a name CloudWatch Logs would reject", () => {
    assert.equal(queryLogPolicyName("medsearch-edge"), "medsearch-edge-route53-query-logs");
    assert.throws(() => queryLogPolicyName("a:b"), /"a:b-route53-query-logs", which CloudWatch Logs rejects/);
    assert.throws(() => queryLogPolicyName("x".repeat(LOG_RESOURCE_POLICY_NAME_MAX)), /1 to 255 characters/);
  });

  it("keep WAF metric names to the characters and length CloudWatch accepts", () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), (parts) => {
        const m = wafMetricName(...parts);
        assert.match(m, /^[A-Za-z0-9_-]*$/);
        assert.ok(m.length <= 128);
      }),
    );
  });
});
