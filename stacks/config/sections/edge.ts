/**
 * `platform:edge`: CloudFront with AWS WAF in front of an application load balancer, on an optional
 * domain in Route 53 with ACM certificates.
 */
import { z } from "zod";
import { originName } from "../../../components/edge/names";
import { EDGE_PRESETS, PRICE_CLASSES, WAF_MAX_REDACTED_FIELDS, WAF_RATE_LIMIT, WAF_RATE_WINDOWS } from "../../../components/edge/presets";
import { ROUTE_PATH_MAX_LENGTH } from "../../../components/edge/routing";
import type { ConfigProblem } from "../problems";
import { Profile, mapProfiles } from "../values";
import { literals } from "./common";
import type { ServiceConfig } from "./services";

/** Lowercase DNS name of at least two labels, each 1 to 63 characters (RFC 1035). */
const dnsName = z.string().max(253).regex(
  /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/,
  "a lowercase DNS name such as medsearch.example.com",
);

/** Route 53 hosted zone ids: "Z" and up to 32 upper-case letters and digits. */
const hostedZoneId = z.string().regex(/^Z[A-Z0-9]{1,32}$/, "a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ");

/** HTTP header names as AWS WAF redacts them: lowercase token characters. */
const headerName = z.string().regex(/^[a-z0-9!#$%&'*+.^_`|~-]{1,64}$/, "a lowercase HTTP header name such as authorization");

/** https://docs.aws.amazon.com/waf/latest/developerguide/waf-rule-statement-type-rate-based-high-level-settings.html */
export const WAF_RATE_LIMIT_MIN = WAF_RATE_LIMIT.min;
export const WAF_RATE_LIMIT_MAX = WAF_RATE_LIMIT.max;
export { PRICE_CLASSES };

export const edgeSchema = z.strictObject({
  enabled: z.boolean().describe("Build the edge tier: CloudFront, AWS WAF, the application load balancer and (with a domain) DNS and certificates."),
  domain: z.strictObject({
    name: dnsName.describe("Apex name users reach, e.g. medsearch.example.com. CloudFront answers it and www.<name>; the ALB gets origin.<name>. At most 57 characters, so origin.<name> fits ACM's 64-character common name."),
    createHostedZone: z.boolean().optional().describe("Create a public Route 53 hosted zone for the name (then delegate to its name servers). Exactly one of createHostedZone: true, hostedZoneId, hostedZoneName."),
    hostedZoneId: hostedZoneId.optional().describe("Id of an existing public hosted zone that holds the name."),
    hostedZoneName: dnsName.optional().describe("Name of an existing public hosted zone that holds the name: the name itself or a parent of it."),
  }).optional().describe("Custom domain. Without it the edge serves on CloudFront's default *.cloudfront.net certificate and reaches the ALB over HTTP inside AWS's network (see README)."),
  waf: z.strictObject({
    rateLimit: z.number().int().min(WAF_RATE_LIMIT_MIN).max(WAF_RATE_LIMIT_MAX)
      .describe(`Requests one client IP may send per rate window before AWS WAF blocks it, ${WAF_RATE_LIMIT_MIN} to ${WAF_RATE_LIMIT_MAX} (AWS limits).`),
    rateLimitWindowSeconds: literals(WAF_RATE_WINDOWS).describe("Seconds the rate-based rule looks back: 60, 120, 300 or 600, the values AWS WAF accepts."),
    regionalWebAcl: z.boolean().describe("A second web ACL on the ALB (FSBP ELB.16) besides CloudFront's. false only for an internal ALB, whose only way in is CloudFront and its web ACL; required in prod (defense in depth). dev leaves it off ($5/month plus $1 per rule)."),
  }),
  alb: z.strictObject({
    internal: z.boolean().describe("Internal ALB in the private subnets, reached only through a CloudFront VPC origin. false puts it in the public subnets (needs a domain; rejected in prod)."),
    deletionProtection: z.boolean().describe("ALB deletion protection (FSBP ELB.6). Required in prod."),
    idleTimeoutSeconds: z.number().int().min(1).max(4000).describe("Seconds an idle connection stays open, 1 to 4000 (ALB limits)."),
  }),
  cloudFront: z.strictObject({
    priceClass: z.enum(PRICE_CLASSES).describe("Edge locations CloudFront serves from: PriceClass_100 (cheapest), PriceClass_200, PriceClass_All."),
  }),
  logging: z.strictObject({
    redactedHeaders: z.array(headerName).max(WAF_MAX_REDACTED_FIELDS)
      .describe("Request headers AWS WAF leaves out of its logs (credentials, session cookies); at most 100. Retention is platform:logging.auditRetentionDays."),
  }),
  protect: z.boolean().describe("Pulumi `protect` on the hosted zone this stack creates (its name servers are delegated at the registrar). Required in prod. The WAF-logs key in us-east-1 follows platform:keys."),
});

export type EdgeConfig = z.infer<typeof edgeSchema>;

/**
 * The Edge's presets (components/edge/presets.ts) in the stack's shape: the stack adds `enabled`, keeps
 * the redacted headers under logging, and takes the log retention and the us-east-1 key's settings
 * from platform:logging and platform:keys. No profile brings a domain.
 */
export const EDGE_DEFAULTS: Record<Profile, EdgeConfig> = mapProfiles((p) => {
  const { waf: { redactedHeaders, ...waf }, alb, cloudFront, protect } = EDGE_PRESETS[p];
  return { enabled: true, waf, alb: { ...alb }, cloudFront: { ...cloudFront }, logging: { redactedHeaders: [...redactedHeaders] }, protect };
});

/** ACM's common name is at most 64 characters (RFC 5280); the ALB's certificate is for origin.<name>. */
export const ACM_COMMON_NAME_MAX = 64;

function domainProblems(domain: NonNullable<EdgeConfig["domain"]>): ConfigProblem[] {
  const key = "platform:edge.domain";
  const zones = [domain.createHostedZone === true, domain.hostedZoneId !== undefined, domain.hostedZoneName !== undefined].filter(Boolean).length;
  const problems: ConfigProblem[] = [];
  if (zones === 0) {
    problems.push({ key, value: domain, allowed: "a domain with a hosted zone: createHostedZone: true, or an existing zone as hostedZoneId or hostedZoneName" });
  } else if (zones > 1) {
    problems.push({ key, value: domain, allowed: "exactly one of createHostedZone: true, hostedZoneId, hostedZoneName" });
  }
  const zoneName = domain.hostedZoneName;
  if (zoneName !== undefined && zoneName !== domain.name && !domain.name.endsWith(`.${zoneName}`)) {
    problems.push({ key: `${key}.hostedZoneName`, value: zoneName, allowed: `${domain.name} or a parent of it: the zone must hold the records for ${domain.name}` });
  }
  if (originName(domain.name).length > ACM_COMMON_NAME_MAX) {
    problems.push({
      key: `${key}.name`,
      value: domain.name,
      allowed: `at most ${ACM_COMMON_NAME_MAX - "origin.".length} characters: the ALB's certificate is for ${originName(domain.name)}, and ACM limits a common name to ${ACM_COMMON_NAME_MAX}`,
    });
  }
  return problems;
}

function albProblems(c: { profile?: Profile; edge: EdgeConfig }): ConfigProblem[] {
  const { alb } = c.edge;
  const problems: ConfigProblem[] = [];
  if (!alb.internal && !c.edge.domain) {
    problems.push({ key: "platform:edge.alb.internal", value: alb.internal, allowed: "true without platform:edge.domain: an internet-facing ALB must be reached over HTTPS, which needs the domain's certificate" });
  }
  if (!c.edge.waf.regionalWebAcl && !alb.internal) {
    problems.push({ key: "platform:edge.waf.regionalWebAcl", value: false, allowed: "true with an internet-facing ALB (alb.internal false): it can be reached around CloudFront, so it keeps its own web ACL" });
  }
  if (c.profile === "prod") {
    if (!c.edge.waf.regionalWebAcl) {
      problems.push({ key: "platform:edge.waf.regionalWebAcl", value: false, allowed: "true when profile is prod: the ALB keeps its own web ACL behind CloudFront's (defense in depth, FSBP ELB.16)" });
    }
    if (!alb.internal) {
      problems.push({ key: "platform:edge.alb.internal", value: alb.internal, allowed: "true when profile is prod: an internet-facing ALB can be reached around CloudFront's WAF" });
    }
    if (!alb.deletionProtection) {
      problems.push({ key: "platform:edge.alb.deletionProtection", value: alb.deletionProtection, allowed: "true when profile is prod (FSBP ELB.6)" });
    }
  }
  return problems;
}

/** Routes the ALB must express: an ALB path pattern is at most 128 characters. */
function routeProblems(services: readonly ServiceConfig[]): ConfigProblem[] {
  return services.flatMap((s, i) =>
    s.routePath && s.routePath.length > ROUTE_PATH_MAX_LENGTH
      ? [{ key: `platform:services[${i}].routePath`, value: s.routePath, allowed: `at most ${ROUTE_PATH_MAX_LENGTH} characters, the ALB path-pattern limit` }]
      : [],
  );
}

export function edgeRules(c: { profile?: Profile; edge?: EdgeConfig; services?: ServiceConfig[] }): ConfigProblem[] {
  const edge = c.edge;
  if (!edge || !edge.enabled) return [];
  const problems: ConfigProblem[] = [];
  if (edge.domain) problems.push(...domainProblems(edge.domain));
  problems.push(...albProblems({ profile: c.profile, edge }));
  if (c.profile === "prod" && !edge.protect) {
    problems.push({ key: "platform:edge.protect", value: edge.protect, allowed: "true when profile is prod: stateful resources in prod are protected" });
  }
  problems.push(...routeProblems(c.services ?? []));
  return problems;
}
