import { strict as assert } from "node:assert";
import { alb, check, wafAssociation } from "../../test/edgeFixtures";
import { requireWafAssociation } from "./requireWafAssociation";

describe("elb-require-waf-association (FSBP ELB.16)", () => {
  it("passes an ALB with a web ACL association (by dependency or by ARN)", async () => {
    const lb = alb();
    assert.deepEqual(await check(requireWafAssociation, [lb, wafAssociation(lb)]), []);
    assert.deepEqual(await check(requireWafAssociation, [lb, wafAssociation(lb, true)]), []);
  });

  it("fails an ALB without one", async () => {
    const [v] = await check(requireWafAssociation, [alb()]);
    assert.match(v.message, /Application load balancer edge-lb has no AWS WAF web ACL/);
  });

  it("ignores network load balancers, which WAF cannot protect", async () => {
    assert.deepEqual(await check(requireWafAssociation, [alb({ loadBalancerType: "network" })]), []);
  });
});
