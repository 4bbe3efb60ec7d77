import { fsbp, type PackStackPolicy } from "../../lib/metadata";
import { refersTo } from "../../lib/references";
import { T } from "../../lib/types";

export const requireWebAclLogging: PackStackPolicy = {
  name: "wafv2-require-web-acl-logging",
  resourceTypes: [T.wafWebAcl, T.wafLoggingConfiguration],
  description: "Every AWS WAF web ACL logs the requests it inspects, so attacks and false positives can be investigated.",
  severity: "medium",
  framework: fsbp("WAF.11"),
  remediationSteps: "Add an aws.wafv2.WebAclLoggingConfiguration whose resourceArn is the web ACL, delivering to a log group named aws-waf-logs-*.",
  enforcementLevel: "mandatory",
  validateStack: (args, reportViolation) => {
    const configs = args.resources.filter((r) => r.type === T.wafLoggingConfiguration);
    for (const acl of args.resources.filter((r) => r.type === T.wafWebAcl)) {
      if (!configs.some((c) => refersTo(c, "resourceArn", acl))) {
        reportViolation(`Web ACL ${acl.name} has no logging configuration; add an aws.wafv2.WebAclLoggingConfiguration whose resourceArn is this ACL.`, acl.urn);
      }
    }
  },
};
