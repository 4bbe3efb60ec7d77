/**
 * Names of the edge tier's DNS records and AWS resources. Pure; no Pulumi imports.
 */
import { ComponentArgsError } from "../errors";
import { AUTONAME_SUFFIX_LENGTH, childName, fitsWithAutonameSuffix } from "../naming";

/** The name CloudFront answers besides the apex. */
export function wwwName(domain: string): string {
  return `www.${domain}`;
}

/**
 * The ALB's own name under the domain: CloudFront connects to the origin domain name and checks the
 * origin's certificate against it, so the ALB needs a name its ACM certificate can cover.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cnames-and-https-requirements.html
 */
export function originName(domain: string): string {
  return `origin.${domain}`;
}

/**
 * ELB names: at most 32 characters of a-z, 0-9 and "-" (load balancer and target group alike).
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateLoadBalancer.html
 */
export const ELB_NAME_MAX = 32;

/** Target group name prefixes: the AWS provider appends 26 characters, so at most 6. */
export const TARGET_GROUP_PREFIX_MAX = 6;

/** Logical name of the ALB; Pulumi's auto-name (name + 8) must fit ELB_NAME_MAX. */
export function albLogicalName(component: string): string {
  const name = childName(component, "lb");
  if (!fitsWithAutonameSuffix(name, ELB_NAME_MAX)) {
    throw new ComponentArgsError(
      `edge component name "${component}" is too long: the ALB's auto-name "${name}-xxxxxxx" would be ${name.length + AUTONAME_SUFFIX_LENGTH} characters; AWS allows ${ELB_NAME_MAX}`,
    );
  }
  return name;
}

/**
 * Target group name prefix for a service: its first letters and "-", at most 6 characters, so the
 * provider's unique suffix keeps the name within 32 and a replacement never collides with the old
 * group (a fixed name would). Service names are DNS labels, so the prefix starts with a letter.
 */
export function targetGroupPrefix(service: string): string {
  const head = service.slice(0, TARGET_GROUP_PREFIX_MAX - 1).replace(/-+$/, "");
  return `${head}-`;
}

/**
 * AWS WAF logs to a CloudWatch log group only if its name starts with "aws-waf-logs-", so the
 * group gets an explicit name instead of an auto-name.
 * https://docs.aws.amazon.com/waf/latest/developerguide/logging-cw-logs.html
 */
export const WAF_LOG_GROUP_PREFIX = "aws-waf-logs-";

export function wafLogGroupName(webAcl: string): string {
  return `${WAF_LOG_GROUP_PREFIX}${webAcl}`;
}

/**
 * CloudWatch metric names for WAF: letters, digits, "-" and "_", 1 to 128 characters.
 * https://docs.aws.amazon.com/waf/latest/APIReference/API_VisibilityConfig.html
 */
export function wafMetricName(...parts: string[]): string {
  return parts.join("-").replace(/[^A-Za-z0-9_-]/g, "-").slice(0, 128);
}

/**
 * The log group of the zone's DNS query logs, with the prefix Route 53 recommends. A log group name
 * is 1 to 512 characters of a-z, A-Z, 0-9, "_", "-", "/", "." and "#"; a domain the config admits
 * (lowercase DNS name, at most 253 characters) always fits.
 * https://docs.aws.amazon.com/Route53/latest/APIReference/API_CreateQueryLoggingConfig.html
 * https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogGroup.html
 */
export const QUERY_LOG_GROUP_PREFIX = "/aws/route53/";

export function queryLogGroupName(domain: string): string {
  return `${QUERY_LOG_GROUP_PREFIX}${domain}`;
}

/**
 * Name of the CloudWatch Logs resource policy that lets Route 53 write the query logs: 1 to 255
 * characters, no ":" or "*", "/" only between parts (the pattern AWS gives, written without nested
 * repetition).
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-logs-resourcepolicy.html
 */
export const LOG_RESOURCE_POLICY_NAME_MAX = 255;

export function queryLogPolicyName(component: string): string {
  const name = `${component}-route53-query-logs`;
  if (name.length > LOG_RESOURCE_POLICY_NAME_MAX || !/^[^:*/]+(\/[^:*/]+)*$/.test(name)) {
    throw new ComponentArgsError(`edge component name "${component}" gives the resource policy name "${name}", which CloudWatch Logs rejects (1 to ${LOG_RESOURCE_POLICY_NAME_MAX} characters, no ":" or "*")`);
  }
  return name;
}
