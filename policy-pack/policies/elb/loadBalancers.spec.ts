import { strict as assert } from "node:assert";
import { alb, check, wafAssociation } from "../../test/edgeFixtures";
import { configureDesyncMitigation } from "./configureDesyncMitigation";
import { enableDeletionProtection } from "./enableDeletionProtection";
import { requireAccessLogs } from "./requireAccessLogs";
import { requireDropInvalidHeaders } from "./requireDropInvalidHeaders";

describe("ALB attribute policies (FSBP ELB.4, ELB.5, ELB.6, ELB.12)", () => {
  const policies = [requireDropInvalidHeaders, requireAccessLogs, enableDeletionProtection, configureDesyncMitigation];

  for (const type of ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"]) {
    it(`pass a compliant ALB (${type})`, async () => {
      for (const p of policies) assert.deepEqual(await check(p, [alb({}, type)]), [], p.name);
    });
  }

  const cases: Array<[typeof requireDropInvalidHeaders, Record<string, unknown>, RegExp]> = [
    [requireDropInvalidHeaders, { dropInvalidHeaderFields: false }, /passes invalid HTTP header fields/],
    [requireAccessLogs, { accessLogs: { bucket: "logs-bucket", enabled: false } }, /writes no access logs/],
    [requireAccessLogs, { accessLogs: undefined }, /writes no access logs/],
    [enableDeletionProtection, { enableDeletionProtection: false }, /deletion protection off/],
    [configureDesyncMitigation, { desyncMitigationMode: "monitor" }, /in monitor mode; set desyncMitigationMode to defensive or strictest/],
  ];
  for (const [policy, change, message] of cases) {
    it(`${policy.name} fails ${JSON.stringify(change)}`, async () => {
      const [v] = await check(policy, [alb(change)]);
      assert.match(v.message, message);
    });
  }

  it("accept strictest desync mitigation, and AWS's default (defensive) when unset", async () => {
    assert.deepEqual(await check(configureDesyncMitigation, [alb({ desyncMitigationMode: "strictest" })]), []);
    assert.deepEqual(await check(configureDesyncMitigation, [alb({ desyncMitigationMode: undefined })]), []);
  });

  it("leave network load balancers to their own rules, except deletion protection", async () => {
    const nlb = alb({ loadBalancerType: "network", dropInvalidHeaderFields: undefined, accessLogs: undefined, enableDeletionProtection: false });
    for (const p of [requireDropInvalidHeaders, requireAccessLogs, configureDesyncMitigation]) assert.deepEqual(await check(p, [nlb]), [], p.name);
    assert.equal((await check(enableDeletionProtection, [nlb])).length, 1);
  });

  it("give each of elb-require-drop-invalid-headers, elb-require-access-logs, elb-enable-deletion-protection and elb-configure-desync-mitigation a passing and a failing case", () => {
    const names = ["elb-require-drop-invalid-headers", "elb-require-access-logs", "elb-enable-deletion-protection", "elb-configure-desync-mitigation"];
    assert.deepEqual(policies.map((p) => p.name), names, "every policy runs through the compliant-ALB case");
    assert.deepEqual([...new Set(cases.map(([p]) => p.name))].sort(), [...names].sort(), "every policy has a row in the failing table");
  });

  it("keep the association fixture consistent with the ALB", () => {
    assert.equal(wafAssociation(alb()).inputs.resourceArn, alb().outputs.arn);
  });
});
