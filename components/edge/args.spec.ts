import { strict as assert } from "node:assert";
import { EdgeArgs, atLeastTwoSubnets, resolveEdgeArgs } from "./args";
import { EDGE_DEFAULTS, EDGE_PRESETS, checkEdgeSettings } from "./presets";

const minimal = { vpcId: "vpc-1", vpcCidr: "10.0.0.0/16", privateSubnetIds: ["a", "b"], services: [] } as unknown as EdgeArgs;

describe("edge presets", () => {
  it("give a direct caller the prod preset: internal ALB, both web ACLs, deletion protection, protect, audit retention", () => {
    assert.deepEqual(EDGE_DEFAULTS, EDGE_PRESETS.prod);
    assert.deepEqual([EDGE_DEFAULTS.alb.internal, EDGE_DEFAULTS.waf.regionalWebAcl, EDGE_DEFAULTS.alb.deletionProtection, EDGE_DEFAULTS.protect], [true, true, true, true]);
    assert.deepEqual([EDGE_DEFAULTS.logRetentionDays, EDGE_DEFAULTS.usEast1Key], [400, { deletionWindowDays: 30, protect: true }]);
  });

  it("are each accepted by the checks AWS makes", () => {
    for (const p of ["dev", "staging", "prod"] as const) assert.deepEqual(checkEdgeSettings(EDGE_PRESETS[p]), [], p);
  });
});

describe("edge arguments AWS would reject", () => {
  it("fill what the caller left out from the defaults, field by field in nested settings", () => {
    const r = resolveEdgeArgs("e", { ...minimal, waf: { rateLimit: 500 }, alb: { deletionProtection: false } });
    assert.deepEqual(r.waf, { ...EDGE_DEFAULTS.waf, rateLimit: 500 });
    assert.deepEqual(r.alb, { ...EDGE_DEFAULTS.alb, deletionProtection: false });
    assert.deepEqual([r.cloudFront, r.protect, r.targetSecurityGroupIds], [EDGE_DEFAULTS.cloudFront, true, []]);
  });

  const cases: Array<[string, Partial<EdgeArgs>, RegExp]> = [
    ["a single AZ", { availabilityZones: ["us-west-2a", "us-west-2a"] }, /availabilityZones: got \["us-west-2a"\]; allowed: at least 2 distinct AZs/],
    ["an internet-facing ALB without public subnets", { alb: { internal: false }, domain: { name: "x.example.com", hostedZone: { create: true } } }, /publicSubnetIds/],
    ["an internet-facing ALB without a domain", { alb: { internal: false }, publicSubnetIds: ["a", "b"] }, /alb\.internal: .* needs a domain/],
    ["an internet-facing ALB without its own web ACL", { alb: { internal: false }, waf: { regionalWebAcl: false }, publicSubnetIds: ["a"], domain: { name: "x.example.com", hostedZone: { create: true } } }, /waf\.regionalWebAcl: got false/],
    ["a rate limit under 10", { waf: { rateLimit: 9 } }, /waf\.rateLimit: got 9; allowed: an integer from 10 to 2000000000/],
    ["a rate limit over 2e9", { waf: { rateLimit: 2_000_000_001 } }, /an integer from 10 to 2000000000/],
    ["a rate window AWS does not offer", { waf: { rateLimitWindowSeconds: 900 as 60 } }, /rateLimitWindowSeconds: got 900; allowed: 60, 120, 300, 600/],
    ["over 100 redacted headers", { waf: { redactedHeaders: Array.from({ length: 101 }, (_, i) => `h${i}`) } }, /at most 100/],
    ["an idle timeout over 4000 s", { alb: { idleTimeoutSeconds: 4001 } }, /alb\.idleTimeoutSeconds: got 4001/],
    ["a price class CloudFront does not have", { cloudFront: { priceClass: "PriceClass_1" as "PriceClass_100" } }, /cloudFront\.priceClass: got "PriceClass_1"/],
    ["a retention CloudWatch Logs does not offer", { logRetentionDays: 10 as 7 }, /logRetentionDays: got 10/],
    ["a key deletion window over 30 days", { usEast1Key: { deletionWindowDays: 31 } }, /usEast1Key\.deletionWindowDays: got 31/],
  ];
  for (const [what, change, message] of cases) {
    it(`reject ${what}, naming the edge`, () => {
      assert.throws(() => resolveEdgeArgs("e", { ...minimal, ...change }), (e: Error) => {
        assert.match(e.message, /^e: AWS would reject this edge: /);
        assert.match(e.message, message);
        return true;
      });
    });
  }

  it("report every problem at once", () => {
    assert.throws(() => resolveEdgeArgs("e", { ...minimal, availabilityZones: ["a"], waf: { rateLimit: 1, rateLimitWindowSeconds: 7 as 60 } }), /availabilityZones.*waf\.rateLimit.*rateLimitWindowSeconds|waf\.rateLimit.*rateLimitWindowSeconds.*availabilityZones/);
  });

  it("fail at deployment when the subnet list turns out shorter than two", () => {
    assert.deepEqual(atLeastTwoSubnets(["a", "b"]), ["a", "b"]);
    assert.throws(() => atLeastTwoSubnets(["a"]), /at least 2 AZs, got 1 subnet/);
  });
});
