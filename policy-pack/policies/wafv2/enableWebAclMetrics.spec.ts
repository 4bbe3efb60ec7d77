import { strict as assert } from "node:assert";
import { check, webAcl } from "../../test/edgeFixtures";
import { enableWebAclMetrics } from "./enableWebAclMetrics";

const off = { cloudwatchMetricsEnabled: false, metricName: "m", sampledRequestsEnabled: true };

describe("wafv2-enable-web-acl-metrics (FSBP WAF.12)", () => {
  it("passes a web ACL whose ACL and rules publish metrics", async () => {
    assert.deepEqual(await check(enableWebAclMetrics, [webAcl()]), []);
  });

  it("fails a web ACL without metrics", async () => {
    const [v] = await check(enableWebAclMetrics, [webAcl({ visibilityConfig: off })]);
    assert.match(v.message, /Web ACL publishes no CloudWatch metrics/);
  });

  it("fails a rule without metrics, naming it", async () => {
    const acl = webAcl();
    acl.inputs.rules[0].visibilityConfig = off;
    const [v] = await check(enableWebAclMetrics, [acl]);
    assert.match(v.message, /Web ACL rule common publishes no CloudWatch metrics/);
  });
});
