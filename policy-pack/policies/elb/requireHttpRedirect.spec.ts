import { strict as assert } from "node:assert";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { T } from "../../lib/types";
import { ALB_ARN, alb, check, recorded } from "../../test/edgeFixtures";
import type { RecordedResource } from "../../test/fixtures";
import { planStackFile } from "../../../test/helpers";
import { requireHttpRedirect as policy } from "./requireHttpRedirect";

const lb = alb();
const REDIRECT = { type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } };
const NOT_FOUND = { type: "fixed-response", fixedResponse: { contentType: "text/plain", statusCode: "404", messageBody: "Not found" } };
const FORWARD = { type: "forward", targetGroupArn: "arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/tg-backend/73e2d6bc24d8a067" };

/** A listener of `owner`, linked by property dependency as the engine records it (or by ARN value only). */
function listener(name: string, props: Record<string, unknown>, owner = lb, type: string = T.lbListener, byValueOnly = false): RecordedResource {
  const arn = `${ALB_ARN.replace(":loadbalancer/", ":listener/")}/${name}`;
  return recorded(type, name, { loadBalancerArn: owner.outputs.arn, ...props }, { arn, id: arn }, byValueOnly ? {} : { loadBalancerArn: [owner.urn] });
}
const https = listener("edge-https", { port: 443, protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06", defaultActions: [NOT_FOUND] });
const http = (defaultActions: unknown[], extra: Record<string, unknown> = {}) => listener("edge-http", { port: 80, protocol: "HTTP", defaultActions, ...extra });
const rule = (on: RecordedResource, actions: unknown[], type: string = T.lbListenerRule) =>
  recorded(type, "edge-rule-backend", { listenerArn: on.outputs.arn, priority: 10, conditions: [{ pathPattern: { values: ["/api/*"] } }], actions }, {}, { listenerArn: [on.urn] });

describe("elb-require-http-redirect (FSBP ELB.1)", () => {
  it("passes an ALB whose HTTP listener redirects to its HTTPS listener, with the routing rules on HTTPS", async () => {
    assert.deepEqual(await check(policy, [lb, https, http([REDIRECT]), rule(https, [FORWARD])]), []);
  });

  it("passes the same through the aws.alb aliases", async () => {
    const albHttps = listener("edge-https", { port: 443, protocol: "HTTPS", defaultActions: [NOT_FOUND] }, lb, T.albListener);
    const albHttp = listener("edge-http", { port: 80, protocol: "HTTP", defaultActions: [REDIRECT] }, lb, T.albListener);
    assert.deepEqual(await check(policy, [lb, albHttps, albHttp, rule(albHttps, [FORWARD], T.albListenerRule)]), []);
  });

  it("passes an ALB with no HTTPS listener at all (the edge without a certificate, reached only through CloudFront's VPC origin)", async () => {
    const only = http([NOT_FOUND]);
    assert.deepEqual(await check(policy, [lb, only, rule(only, [FORWARD])]), []);
  });

  it("fails an HTTP listener that forwards beside an HTTPS listener, naming it", async () => {
    const plain = http([FORWARD]);
    const [v] = await check(policy, [lb, https, plain]);
    assert.match(v.message, /HTTP listener edge-http of load balancer edge-lb serves plain HTTP beside its HTTPS listener; make its default action a redirect with protocol HTTPS\./);
    assert.equal(v.urn, plain.urn);
  });

  it("fails a redirect that keeps the request's protocol (the default #{protocol})", async () => {
    const keep = http([{ type: "redirect", redirect: { port: "8080", statusCode: "HTTP_301" } }]);
    assert.equal((await check(policy, [lb, https, keep])).length, 1);
  });

  it("treats a listener without protocol as HTTP, the ALB default", async () => {
    const implicit = listener("edge-http", { port: 80, defaultActions: [NOT_FOUND] });
    assert.equal((await check(policy, [lb, https, implicit])).length, 1);
  });

  it("fails a listener rule that forwards plain HTTP past the redirect", async () => {
    const redirecting = http([REDIRECT]);
    const bypass = rule(redirecting, [FORWARD]);
    const [v] = await check(policy, [lb, https, redirecting, bypass]);
    assert.match(v.message, /Listener rule edge-rule-backend forwards plain HTTP from listener edge-http/);
    assert.equal(v.urn, bypass.urn);
  });

  it("links listeners by ARN value when no dependency is recorded", async () => {
    const httpsByValue = listener("edge-https", { port: 443, protocol: "HTTPS", defaultActions: [NOT_FOUND] }, lb, T.lbListener, true);
    const httpByValue = listener("edge-http", { port: 80, protocol: "HTTP", defaultActions: [FORWARD] }, lb, T.lbListener, true);
    assert.equal((await check(policy, [lb, httpsByValue, httpByValue])).length, 1);
  });

  it("leaves network load balancers alone", async () => {
    const nlb = alb({ loadBalancerType: "network" });
    const tls = listener("nlb-tls", { port: 443, protocol: "TLS", defaultActions: [FORWARD] }, nlb);
    const tcp = listener("nlb-tcp", { port: 80, protocol: "TCP", defaultActions: [FORWARD] }, nlb);
    assert.deepEqual(await check(policy, [nlb, tls, tcp]), []);
  });

  it("decides in preview, when the load balancer's ARN is unknown, through the property dependency", async () => {
    const unknownArn = { ...lb, outputs: { ...lb.outputs, arn: unknownValue, id: unknownValue } };
    const plain = listener("edge-http", { port: 80, protocol: "HTTP", defaultActions: [FORWARD] }, unknownArn);
    const secure = listener("edge-https", { port: 443, protocol: "HTTPS", defaultActions: [NOT_FOUND] }, unknownArn);
    const found = await check(policy, [unknownArn, secure, plain]);
    assert.deepEqual(found.map((v) => [v.level, v.urn]), [["mandatory", plain.urn]]);
  });

  describe("on the planned stacks", () => {
    it("passes dev, whose ALB has only an HTTP listener (no certificate), and prod, whose HTTP listener redirects", async () => {
      for (const f of ["Pulumi.dev.yaml", "Pulumi.prod.yaml"]) assert.deepEqual(await check(policy, (await planStackFile(f)).resources), [], f);
    });

    it("catches prod's HTTP listener once it forwards instead of redirecting", async () => {
      const { resources } = await planStackFile("Pulumi.prod.yaml");
      const isHttp = (r: RecordedResource) => r.type === T.lbListener && r.outputs.protocol === "HTTP";
      const broken = resources.map((r) => (isHttp(r) ? { ...r, outputs: { ...r.outputs, defaultActions: [FORWARD] } } : r));
      const found = await check(policy, broken);
      assert.deepEqual(found.map((v) => v.urn), [resources.find(isHttp)!.urn]);
    });
  });
});
