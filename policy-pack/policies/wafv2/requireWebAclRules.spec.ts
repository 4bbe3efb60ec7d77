import { strict as assert } from "node:assert";
import { check, webAcl } from "../../test/edgeFixtures";
import { requireWebAclRules } from "./requireWebAclRules";

describe("wafv2-require-web-acl-rules (FSBP WAF.10)", () => {
  it("passes a web ACL with a rule group", async () => {
    assert.deepEqual(await check(requireWebAclRules, [webAcl()]), []);
  });

  it("passes rules given as JSON", async () => {
    assert.deepEqual(await check(requireWebAclRules, [webAcl({ rules: [], ruleJson: "[{\"Name\":\"r\"}]" })]), []);
  });

  it("fails a web ACL without rules", async () => {
    const [v] = await check(requireWebAclRules, [webAcl({ rules: [] })]);
    assert.match(v.message, /Web ACL has no rules/);
  });
});
