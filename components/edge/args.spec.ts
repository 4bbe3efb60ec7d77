import { strict as assert } from "node:assert";
import { EdgeArgs, atLeastTwoSubnets, checkEdgeArgs } from "./args";

const valid = {
  availabilityZones: ["us-west-2a", "us-west-2b"],
  alb: { internal: true, deletionProtection: false, idleTimeoutSeconds: 60 },
  waf: { rateLimit: 2000, rateLimitWindowSeconds: 300, redactedHeaders: ["authorization"] },
} as unknown as EdgeArgs;

describe("edge arguments AWS would reject", () => {
  it("accept two AZs, an internal ALB and a rate rule in range", () => {
    assert.deepEqual(checkEdgeArgs(valid), []);
  });

  const cases: Array<[string, Partial<EdgeArgs>, RegExp]> = [
    ["a single AZ", { availabilityZones: ["us-west-2a", "us-west-2a"] }, /at least 2 AZs, got us-west-2a/],
    ["an internet-facing ALB without public subnets", { alb: { ...valid.alb, internal: false }, domain: { name: "x.example.com", hostedZone: { create: true } } }, /publicSubnetIds/],
    ["an internet-facing ALB without a domain", { alb: { ...valid.alb, internal: false }, publicSubnetIds: ["a", "b"] }, /alb\.internal: .* needs a domain/],
    ["a rate limit under 10", { waf: { ...valid.waf, rateLimit: 9 } }, /outside 10\.\.2000000000/],
    ["a rate limit over 2e9", { waf: { ...valid.waf, rateLimit: 2_000_000_001 } }, /outside 10\.\.2000000000/],
    ["a rate window AWS does not offer", { waf: { ...valid.waf, rateLimitWindowSeconds: 900 } }, /not 60, 120, 300 or 600/],
    ["over 100 redacted headers", { waf: { ...valid.waf, redactedHeaders: Array.from({ length: 101 }, (_, i) => `h${i}`) } }, /at most 100/],
  ];
  for (const [what, change, message] of cases) {
    it(`reject ${what}`, () => {
      assert.match(checkEdgeArgs({ ...valid, ...change } as EdgeArgs).join("; "), message);
    });
  }

  it("fail at deployment when the subnet list turns out shorter than two", () => {
    assert.deepEqual(atLeastTwoSubnets(["a", "b"]), ["a", "b"]);
    assert.throws(() => atLeastTwoSubnets(["a"]), /at least 2 AZs, got 1 subnet/);
  });
});
