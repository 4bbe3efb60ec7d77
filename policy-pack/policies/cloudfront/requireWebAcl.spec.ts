import { strict as assert } from "node:assert";
import { check, distribution } from "../../test/edgeFixtures";
import { requireWebAcl } from "./requireWebAcl";

describe("cloudfront-require-web-acl (FSBP CloudFront.6)", () => {
  it("passes a distribution with a CLOUDFRONT-scope WAFv2 web ACL", async () => {
    assert.deepEqual(await check(requireWebAcl, [distribution()]), []);
  });

  it("fails a distribution without a web ACL", async () => {
    const [v] = await check(requireWebAcl, [distribution({ webAclId: undefined })]);
    assert.match(v.message, /has no web ACL; set webAclId/);
  });

  it("fails a distribution pointing at a regional web ACL", async () => {
    const regional = "arn:aws:wafv2:us-west-2:123456789012:regional/webacl/alb/1";
    const [v] = await check(requireWebAcl, [distribution({ webAclId: regional })]);
    assert.match(v.message, /is not a WAFv2 web ACL of scope CLOUDFRONT/);
  });
});
