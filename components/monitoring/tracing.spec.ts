import { strict as assert } from "node:assert";
import { samplingRuleArgs, xrayCollectorPolicy } from "./tracing";

describe("tracing", () => {
  it("samples one request per second and the configured fraction of the rest, for every service", () => {
    const r = samplingRuleArgs("medsearch-prod", 0.05);
    assert.deepEqual([r.ruleName, r.reservoirSize, r.fixedRate, r.version], ["medsearch-prod", 1, 0.05, 1]);
    for (const k of ["host", "httpMethod", "serviceName", "serviceType", "urlPath", "resourceArn"] as const) assert.equal(r[k], "*");
  });

  it("gives the collector named X-Ray actions only (they support no resource-level permissions)", () => {
    const [s] = xrayCollectorPolicy().Statement;
    assert.ok(Array.isArray(s.Action) && s.Action.every((a) => a.startsWith("xray:") && !a.includes("*")));
    assert.equal(s.Resource, "*");
  });
});
