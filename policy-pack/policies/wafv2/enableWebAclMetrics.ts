import { fsbp, type PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

export const enableWebAclMetrics: PackResourcePolicy = {
  name: "wafv2-enable-web-acl-metrics",
  resourceTypes: [T.wafWebAcl],
  description: "AWS WAF web ACLs and each of their rules publish CloudWatch metrics, so blocked and allowed traffic can be watched and alarmed on.",
  severity: "medium",
  framework: fsbp("WAF.12"),
  remediationSteps: "Set visibilityConfig.cloudwatchMetricsEnabled: true on the aws.wafv2.WebAcl and on every rule.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== T.wafWebAcl) return;
    if (args.props.visibilityConfig?.cloudwatchMetricsEnabled !== true) {
      reportViolation("Web ACL publishes no CloudWatch metrics; set visibilityConfig.cloudwatchMetricsEnabled: true.");
    }
    const rules: { name?: string; visibilityConfig?: { cloudwatchMetricsEnabled?: boolean } }[] = args.props.rules ?? [];
    for (const rule of rules.filter((r) => r.visibilityConfig?.cloudwatchMetricsEnabled !== true)) {
      reportViolation(`Web ACL rule ${rule.name} publishes no CloudWatch metrics; set its visibilityConfig.cloudwatchMetricsEnabled: true.`);
    }
  },
};
