import { fsbp, type PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

export const requireWebAclRules: PackResourcePolicy = {
  name: "wafv2-require-web-acl-rules",
  resourceTypes: [T.wafWebAcl],
  description: "Every AWS WAF web ACL has at least one rule or rule group; an empty ACL inspects nothing.",
  severity: "medium",
  framework: fsbp("WAF.10"),
  remediationSteps: "Add rules to the aws.wafv2.WebAcl: AWS managed rule groups (common, known bad inputs, SQL injection, IP reputation) and a rate-based rule.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== T.wafWebAcl) return;
    const rules: unknown[] = args.props.rules ?? [];
    if (rules.length === 0 && !args.props.ruleJson) {
      reportViolation("Web ACL has no rules, so it inspects nothing; add managed rule groups and a rate-based rule.");
    }
  },
};
