/**
 * Settings of the Edge component, what a direct caller gets by default, the per-profile presets the
 * platform's stacks start from, and the rules AWS holds them to. Pure; no Pulumi imports.
 */
import { LOGGING_PRESETS, LogRetentionDays } from "../logs";
import type { Profile } from "../profiles";
import { KEY_DELETION_WINDOW, KEY_RING_PRESETS } from "../security/presets";
import { SettingProblem, intRange, logRetentionProblems, problem } from "../settings";

/** https://docs.aws.amazon.com/waf/latest/developerguide/waf-rule-statement-type-rate-based-high-level-settings.html */
export const WAF_RATE_LIMIT = { min: 10, max: 2_000_000_000 } as const;
/** Seconds a rate-based rule may look back. Same page as WAF_RATE_LIMIT. */
export const WAF_RATE_WINDOWS = [60, 120, 300, 600] as const;
/** AWS WAF redacts at most 100 fields. https://docs.aws.amazon.com/waf/latest/developerguide/logging-management.html */
export const WAF_MAX_REDACTED_FIELDS = 100;
/** https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/PriceClass.html */
export const PRICE_CLASSES = ["PriceClass_100", "PriceClass_200", "PriceClass_All"] as const;
export type PriceClass = (typeof PRICE_CLASSES)[number];
/** https://docs.aws.amazon.com/elasticloadbalancing/latest/application/edit-load-balancer-attributes.html#connection-idle-timeout */
export const ALB_IDLE_TIMEOUT_SECONDS = { min: 1, max: 4000 } as const;

export interface EdgeWafSettings {
  /**
   * Requests one client IP may send per window before AWS WAF blocks it, 10 to 2,000,000,000.
   * https://docs.aws.amazon.com/waf/latest/developerguide/waf-rule-statement-type-rate-based-high-level-settings.html
   * @default 2000
   */
  rateLimit: number;
  /** Seconds the rate rule looks back: 60, 120, 300 or 600 (same page). @default 300 */
  rateLimitWindowSeconds: (typeof WAF_RATE_WINDOWS)[number];
  /**
   * Request headers left out of WAF logs, lowercase; at most 100.
   * https://docs.aws.amazon.com/waf/latest/developerguide/logging-management.html
   * @default ["authorization", "cookie"]
   */
  redactedHeaders: readonly string[];
  /**
   * A second, REGIONAL web ACL on the ALB (FSBP ELB.16), besides CloudFront's. Only an internal
   * ALB may go without: CloudFront's VPC origin is then its only way in, and CloudFront's web ACL
   * already inspects every request (checkEdgeSettings rejects the other case).
   * https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-16
   * @default true
   */
  regionalWebAcl: boolean;
}

export interface EdgeAlbSettings {
  /**
   * true: private subnets, reached only through a CloudFront VPC origin, so never around the WAF.
   * false needs a domain and the public subnets.
   * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-vpc-origins.html
   * @default true
   */
  internal: boolean;
  /**
   * ALB deletion protection (FSBP ELB.6).
   * https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-6
   * @default true
   */
  deletionProtection: boolean;
  /**
   * Idle connection timeout, seconds, 1 to 4000.
   * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/edit-load-balancer-attributes.html#connection-idle-timeout
   * @default 60
   */
  idleTimeoutSeconds: number;
}

export interface EdgeSettings {
  waf: EdgeWafSettings;
  alb: EdgeAlbSettings;
  cloudFront: {
    /**
     * Edge locations CloudFront serves from: PriceClass_100 (cheapest), PriceClass_200 or PriceClass_All.
     * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/PriceClass.html
     * @default "PriceClass_All"
     */
    priceClass: PriceClass;
  };
  /**
   * Days WAF and DNS query logs are kept (audit records); a CloudWatch Logs retention value.
   * https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html
   * @default 400 (LOGGING_DEFAULTS.auditRetentionDays)
   */
  logRetentionDays: LogRetentionDays;
  /**
   * The us-east-1 key of the CloudFront web ACL's and the zone's logs: days before a deleted key is
   * destroyed (7 to 30) and Pulumi `protect`.
   * https://docs.aws.amazon.com/kms/latest/APIReference/API_ScheduleKeyDeletion.html
   * @default { deletionWindowDays: 30, protect: true } (KEY_RING_DEFAULTS)
   */
  usEast1Key: { deletionWindowDays: number; protect: boolean };
  /**
   * Pulumi `protect` on the hosted zone the component creates: its name servers are delegated at the
   * registrar. https://www.pulumi.com/docs/iac/concepts/options/protect/
   * @default true
   */
  protect: boolean;
}

const waf = (regionalWebAcl: boolean): EdgeWafSettings => ({ rateLimit: 2000, rateLimitWindowSeconds: 300, redactedHeaders: ["authorization", "cookie"], regionalWebAcl });
const alb = (deletionProtection: boolean): EdgeAlbSettings => ({ internal: true, deletionProtection, idleTimeoutSeconds: 60 });
const shared = (p: Profile) => ({ logRetentionDays: LOGGING_PRESETS[p].auditRetentionDays, usEast1Key: { ...KEY_RING_PRESETS[p] } });

/**
 * No profile brings a domain: a domain belongs to the system, and dev runs on CloudFront's default
 * certificate. dev trades deletion protection, the ALB's own web ACL ($5/month plus $1 per rule) and
 * global edge coverage for cost; prod keeps all three.
 */
export const EDGE_PRESETS: Record<Profile, EdgeSettings> = {
  dev: { ...shared("dev"), waf: waf(false), alb: alb(false), cloudFront: { priceClass: "PriceClass_100" }, protect: false },
  staging: { ...shared("staging"), waf: waf(true), alb: alb(true), cloudFront: { priceClass: "PriceClass_100" }, protect: true },
  prod: { ...shared("prod"), waf: waf(true), alb: alb(true), cloudFront: { priceClass: "PriceClass_All" }, protect: true },
};

/** A direct caller's edge: the prod preset. */
export const EDGE_DEFAULTS: EdgeSettings = EDGE_PRESETS.prod;

/** Every rule AWS (or the edge's own design) would reject these settings for. */
export function checkEdgeSettings(s: EdgeSettings): SettingProblem[] {
  const { rateLimit, rateLimitWindowSeconds, redactedHeaders } = s.waf;
  return [
    ...intRange("waf.rateLimit", rateLimit, WAF_RATE_LIMIT.min, WAF_RATE_LIMIT.max, "AWS WAF rate-based rule limits"),
    ...((WAF_RATE_WINDOWS as readonly number[]).includes(rateLimitWindowSeconds) ? [] : [problem("waf.rateLimitWindowSeconds", rateLimitWindowSeconds, `${WAF_RATE_WINDOWS.join(", ")} (AWS WAF evaluation windows)`)]),
    ...(redactedHeaders.length > WAF_MAX_REDACTED_FIELDS ? [problem("waf.redactedHeaders", `${redactedHeaders.length} headers`, `at most ${WAF_MAX_REDACTED_FIELDS}: AWS WAF redacts at most 100 fields`)] : []),
    ...(!s.waf.regionalWebAcl && !s.alb.internal ? [problem("waf.regionalWebAcl", false, "true with an internet-facing ALB (alb.internal false): it can be reached around CloudFront, so it keeps its own web ACL")] : []),
    ...intRange("alb.idleTimeoutSeconds", s.alb.idleTimeoutSeconds, ALB_IDLE_TIMEOUT_SECONDS.min, ALB_IDLE_TIMEOUT_SECONDS.max, "ALB limits"),
    ...((PRICE_CLASSES as readonly string[]).includes(s.cloudFront.priceClass) ? [] : [problem("cloudFront.priceClass", s.cloudFront.priceClass, PRICE_CLASSES.join(", "))]),
    ...logRetentionProblems("logRetentionDays", s.logRetentionDays),
    ...intRange("usEast1Key.deletionWindowDays", s.usEast1Key.deletionWindowDays, KEY_DELETION_WINDOW.min, KEY_DELETION_WINDOW.max, "KMS ScheduleKeyDeletion"),
  ];
}
