/**
 * The rules of both web ACLs (CloudFront and the ALB): AWS managed rule groups and a per-IP rate
 * limit, each with CloudWatch metrics and sampled requests on. Pure; no Pulumi imports.
 * https://docs.aws.amazon.com/waf/latest/developerguide/aws-managed-rule-groups-list.html
 */
import { wafMetricName } from "./names";

/** AWS managed rule groups, in evaluation order: reputation first, the cheapest and broadest. */
export const MANAGED_RULE_GROUPS = [
  "AWSManagedRulesAmazonIpReputationList",
  "AWSManagedRulesCommonRuleSet",
  "AWSManagedRulesKnownBadInputsRuleSet",
  "AWSManagedRulesSQLiRuleSet",
] as const;

export interface Visibility {
  cloudwatchMetricsEnabled: boolean;
  metricName: string;
  sampledRequestsEnabled: boolean;
}

/** The shape aws.wafv2.WebAcl takes for one rule (plain values only). */
export interface WafRule {
  name: string;
  priority: number;
  statement: Record<string, unknown>;
  action?: { block: Record<string, never> };
  overrideAction?: { none: Record<string, never> };
  visibilityConfig: Visibility;
}

export interface RateLimit {
  /** Requests per window per client IP, 10..2e9. */
  limit: number;
  /** Seconds: 60, 120, 300 or 600. */
  windowSeconds: number;
}

export function visibility(metricName: string): Visibility {
  return { cloudwatchMetricsEnabled: true, metricName, sampledRequestsEnabled: true };
}

/**
 * The rate rule comes first (priority 0): a flood is blocked before any managed group spends
 * capacity on it. Managed groups keep their own actions (overrideAction none = block what they flag).
 */
export function wafRules(metricPrefix: string, rate: RateLimit): WafRule[] {
  const rateRule: WafRule = {
    name: "rate-limit-per-ip",
    priority: 0,
    action: { block: {} },
    statement: { rateBasedStatement: { limit: rate.limit, evaluationWindowSec: rate.windowSeconds, aggregateKeyType: "IP" } },
    visibilityConfig: visibility(wafMetricName(metricPrefix, "rate-limit")),
  };
  const managed = MANAGED_RULE_GROUPS.map<WafRule>((group, i) => ({
    name: group,
    priority: i + 1,
    overrideAction: { none: {} },
    statement: { managedRuleGroupStatement: { vendorName: "AWS", name: group } },
    visibilityConfig: visibility(wafMetricName(metricPrefix, group)),
  }));
  return [rateRule, ...managed];
}
