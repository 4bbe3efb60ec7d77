import { strict as assert } from "node:assert";
import { readPlatformConfig } from "./load";
import { hostedZone } from "../wiring/edge";
import { configProblems } from "./testing";

const base = {
  "aws:region": "us-west-2",
  "platform:profile": "dev",
  "platform:name": "medsearch",
  "platform:tags": JSON.stringify({ owner: "platform-team", costCenter: "cc-1" }),
};
const prod = { ...base, "platform:profile": "prod" };
const edge = (o: object) => ({ "platform:edge": JSON.stringify(o) });

const problems = configProblems;

describe("edge config (platform:edge)", () => {
  it("defaults: on, no domain, internal ALB; deletion protection and protect only outside dev", () => {
    const dev = readPlatformConfig(base, "dev").edge;
    assert.deepEqual([dev.enabled, dev.domain, dev.alb.internal, dev.alb.deletionProtection, dev.protect], [true, undefined, true, false, false]);
    const p = readPlatformConfig(prod, "prod").edge;
    assert.deepEqual([p.alb.internal, p.alb.deletionProtection, p.protect, p.cloudFront.priceClass], [true, true, true, "PriceClass_All"]);
    assert.deepEqual(p.waf, { rateLimit: 2000, rateLimitWindowSeconds: 300, regionalWebAcl: true });
    assert.equal(dev.waf.regionalWebAcl, false, "dev's internal ALB relies on CloudFront's web ACL");
  });

  it("accepts a domain with a zone to create, an existing zone id, or the name of a parent zone", () => {
    for (const domain of [
      { name: "medsearch.example.com", createHostedZone: true },
      { name: "medsearch.example.com", hostedZoneId: "Z0123456789ABCDEFGHIJ" },
      { name: "medsearch.example.com", hostedZoneName: "example.com" },
      { name: "example.com", hostedZoneName: "example.com" },
    ]) {
      assert.deepEqual(readPlatformConfig({ ...prod, ...edge({ domain }) }, "prod").edge.domain, domain);
    }
  });

  it("maps the validated domain to the zone the component creates or looks up", () => {
    assert.deepEqual(hostedZone({ name: "a.example.com", createHostedZone: true }), { create: true });
    assert.deepEqual(hostedZone({ name: "a.example.com", hostedZoneId: "Z1" }), { zoneId: "Z1" });
    assert.deepEqual(hostedZone({ name: "a.example.com", hostedZoneName: "example.com" }), { zoneName: "example.com" });
  });

  describe("rejects, naming the key, the value and what is allowed", () => {
    const cases: Array<[string, Record<string, string>, string, RegExp]> = [
      ["a domain with no hosted zone", edge({ domain: { name: "medsearch.example.com" } }), "platform:edge.domain", /createHostedZone: true, or an existing zone as hostedZoneId or hostedZoneName/],
      ["a domain with createHostedZone: false and nothing else", edge({ domain: { name: "medsearch.example.com", createHostedZone: false } }), "platform:edge.domain", /a domain with a hosted zone/],
      ["a domain with two zone sources", edge({ domain: { name: "medsearch.example.com", createHostedZone: true, hostedZoneId: "Z0123456789ABCDEFGHIJ" } }), "platform:edge.domain", /exactly one of createHostedZone: true, hostedZoneId, hostedZoneName/],
      ["a zone name that does not hold the domain", edge({ domain: { name: "medsearch.example.com", hostedZoneName: "example.org" } }), "platform:edge.domain.hostedZoneName", /medsearch\.example\.com or a parent of it/],
      ["a zone name that only shares a suffix", edge({ domain: { name: "medsearch.example.com", hostedZoneName: "search.example.com" } }), "platform:edge.domain.hostedZoneName", /or a parent of it/],
      ["a domain too long for the ALB certificate's common name", edge({ domain: { name: `${"a".repeat(50)}.example.com`, createHostedZone: true } }), "platform:edge.domain.name", /at most 57 characters: the ALB's certificate is for origin\.a+\.example\.com, and ACM limits a common name to 64/],
      ["a domain that is not a DNS name", edge({ domain: { name: "Med Search.com", createHostedZone: true } }), "platform:edge.domain.name", /lowercase DNS name/],
      ["a hosted zone id that is not one", edge({ domain: { name: "medsearch.example.com", hostedZoneId: "zone-1" } }), "platform:edge.domain.hostedZoneId", /Route 53 hosted zone id/],
      ["a WAF rate limit under AWS's minimum of 10", edge({ waf: { rateLimit: 5 } }), "platform:edge.waf.rateLimit", /at least 10/],
      ["a WAF rate limit over AWS's maximum of 2e9", edge({ waf: { rateLimit: 3_000_000_000 } }), "platform:edge.waf.rateLimit", /at most 2000000000/],
      ["a rate window AWS WAF does not offer", edge({ waf: { rateLimitWindowSeconds: 30 } }), "platform:edge.waf.rateLimitWindowSeconds", /one of 60, 120, 300, 600/],
      ["an internet-facing ALB without a domain", edge({ alb: { internal: false } }), "platform:edge.alb.internal", /true without platform:edge.domain/],
      ["an internet-facing ALB without its own web ACL", edge({ domain: { name: "medsearch.example.com", createHostedZone: true }, alb: { internal: false }, waf: { regionalWebAcl: false } }), "platform:edge.waf.regionalWebAcl", /true with an internet-facing ALB \(alb.internal false\): it can be reached around CloudFront/],
      ["an idle timeout over the ALB's 4000 seconds", edge({ alb: { idleTimeoutSeconds: 4001 } }), "platform:edge.alb.idleTimeoutSeconds", /at most 4000/],
      ["a price class CloudFront does not have", edge({ cloudFront: { priceClass: "PriceClass_50" } }), "platform:edge.cloudFront.priceClass", /"PriceClass_100"/],
      ["a redacted header in capitals", edge({ logging: { redactedHeaders: ["Authorization"] } }), "platform:edge.logging.redactedHeaders[0]", /lowercase HTTP header name/],
      ["an unknown edge key", edge({ wafRateLimit: 100 }), "platform:edge.wafRateLimit", /no such key/],
      ["a route longer than an ALB path pattern", { "platform:services": JSON.stringify([{ name: "api", namespace: "apps", port: 8080, replicas: { min: 1, max: 2 }, cpu: 256, memory: 512, routePath: `/${"a".repeat(128)}`, volumes: [], buckets: [], secrets: [], queues: [] }]) }, "platform:services[0].routePath", /at most 128 characters, the ALB path-pattern limit/],
    ];
    for (const [what, override, key, allowed] of cases) {
      it(what, () => {
        const ps = problems({ ...base, ...override });
        const p = ps.find((x) => x.key === key);
        assert.ok(p, `expected a problem at ${key}, got ${JSON.stringify(ps)}`);
        assert.match(p.allowed, allowed);
      });
    }

    it("the value given, in the message", () => {
      assert.throws(
        () => readPlatformConfig({ ...base, ...edge({ domain: { name: "medsearch.example.com" } }) }, "dev"),
        /platform:edge\.domain: got \{"name":"medsearch\.example\.com"\}; allowed: a domain with a hosted zone/,
      );
    });

    it("prod with the edge's protections turned off: deletion protection, protect, an internet-facing ALB", () => {
      const ps = problems({ ...prod, ...edge({ domain: { name: "medsearch.example.com", createHostedZone: true }, alb: { internal: false, deletionProtection: false }, protect: false }) });
      assert.deepEqual(ps.map((p) => p.key), ["platform:edge.alb.internal", "platform:edge.alb.deletionProtection", "platform:edge.protect"]);
      assert.match(ps[0].allowed, /when profile is prod/);
    });

    it("prod without the ALB's own web ACL, even behind CloudFront", () => {
      const ps = problems({ ...prod, ...edge({ waf: { regionalWebAcl: false } }) });
      assert.deepEqual(ps.map((p) => [p.key, p.value]), [["platform:edge.waf.regionalWebAcl", false]]);
      assert.match(ps[0].allowed, /true when profile is prod: the ALB keeps its own web ACL behind CloudFront's \(defense in depth, FSBP ELB\.16\)/);
    });
  });

  it("checks nothing cross-field when the edge is off", () => {
    assert.equal(readPlatformConfig({ ...prod, ...edge({ enabled: false, alb: { deletionProtection: false }, protect: false }) }, "prod").edge.enabled, false);
  });
});
