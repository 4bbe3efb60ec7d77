import { strict as assert } from "node:assert";
import { check, wafLogging, webAcl } from "../../test/edgeFixtures";
import { requireWebAclLogging } from "./requireWebAclLogging";

describe("wafv2-require-web-acl-logging (FSBP WAF.11)", () => {
  it("passes a web ACL with a logging configuration", async () => {
    const acl = webAcl();
    assert.deepEqual(await check(requireWebAclLogging, [acl, wafLogging(acl)]), []);
  });

  it("fails a web ACL without one", async () => {
    const [v] = await check(requireWebAclLogging, [webAcl()]);
    assert.match(v.message, /Web ACL edge-cf-waf has no logging configuration/);
  });
});
