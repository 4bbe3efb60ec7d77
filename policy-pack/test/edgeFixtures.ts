/**
 * Recorded-resource fixtures for the edge policies' tests: one compliant resource per type, shaped
 * as the recorder captures them (inputs for resource policies; outputs, with ids and ARNs, for stack
 * policies), and a runner that applies one policy the way CrossGuard does.
 */
import type { Policy } from "@pulumi/policy";
import { PackConfig, Violation, runPolicies } from "../../offline/policyRunner";
import type { RecordedResource } from "../../offline/recorder";

const ACCOUNT = "123456789012";
const urnOf = (type: string, name: string) => `urn:pulumi:test::platform::${type}::${name}`;

type Props = Record<string, any>;

/** A recorded custom resource: outputs are the inputs plus the given identity (id, arn, name...). */
export function recorded(type: string, name: string, inputs: Props, identity: Props = {}, propertyDependencies: Record<string, string[]> = {}): RecordedResource {
  return {
    urn: urnOf(type, name), type, name, id: identity.id ?? name, custom: true,
    inputs, outputs: { ...inputs, ...identity }, dependencies: Object.values(propertyDependencies).flat(),
    propertyDependencies, protect: false, retainOnDelete: false,
  };
}

/** Runs one policy, mandatory, over the resources; returns its violations. */
export function check(policy: Policy, resources: RecordedResource[], config: Record<string, unknown> = {}): Promise<Violation[]> {
  const pack: PackConfig = { all: "mandatory", [policy.name]: { enforcementLevel: "mandatory", ...config } };
  return runPolicies([policy], resources, pack);
}

export const DISTRIBUTION_ARN = `arn:aws:cloudfront::${ACCOUNT}:distribution/E2QWRUHAPOMQZL`;
export const CF_WEB_ACL_ARN = `arn:aws:wafv2:us-east-1:${ACCOUNT}:global/webacl/edge-cf-waf/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111`;
export const ALB_ARN = `arn:aws:elasticloadbalancing:us-west-2:${ACCOUNT}:loadbalancer/app/edge-lb/50dc6c495c0c9188`;

const appBehavior = { targetOriginId: "app", viewerProtocolPolicy: "redirect-to-https", allowedMethods: ["GET", "HEAD"], cachedMethods: ["GET", "HEAD"] };

/** Compliant distribution: WAF, HTTPS viewers with TLS 1.2 on a custom certificate, OAC, a VPC origin. */
export function distribution(overrides: Props = {}): RecordedResource {
  return recorded(
    "aws:cloudfront/distribution:Distribution",
    "edge-cdn",
    {
      enabled: true,
      webAclId: CF_WEB_ACL_ARN,
      origins: [
        { originId: "app", domainName: "origin.medsearch.example.com", vpcOriginConfig: { vpcOriginId: "vo_1" } },
        { originId: "static", domainName: "static-bucket.s3.us-west-2.amazonaws.com", originAccessControlId: "E1OAC" },
      ],
      defaultCacheBehavior: { ...appBehavior, targetOriginId: "static" },
      orderedCacheBehaviors: [{ ...appBehavior, pathPattern: "/api/*" }],
      viewerCertificate: { acmCertificateArn: `arn:aws:acm:us-east-1:${ACCOUNT}:certificate/1`, sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" },
      ...overrides,
    },
    { id: "E2QWRUHAPOMQZL", arn: DISTRIBUTION_ARN },
  );
}

/** Standard logging (v2) for the distribution: source (ACCESS_LOGS) and delivery, linked by dependency. */
export function logDelivery(dist: RecordedResource, sourceOverrides: Props = {}): RecordedResource[] {
  const source = recorded(
    "aws:cloudwatch/logDeliverySource:LogDeliverySource",
    "edge-cdn-logs-source",
    { name: "edge-cdn-logs-source-1a2b3c4", logType: "ACCESS_LOGS", resourceArn: DISTRIBUTION_ARN, ...sourceOverrides },
    { arn: `arn:aws:logs:us-east-1:${ACCOUNT}:delivery-source:edge-cdn-logs-source-1a2b3c4` },
    { resourceArn: [dist.urn] },
  );
  const delivery = recorded(
    "aws:cloudwatch/logDelivery:LogDelivery",
    "edge-cdn-logs-delivery",
    { deliverySourceName: "edge-cdn-logs-source-1a2b3c4", deliveryDestinationArn: `arn:aws:logs:us-east-1:${ACCOUNT}:delivery-destination:d` },
    {},
    { deliverySourceName: [source.urn] },
  );
  return [source, delivery];
}

const visibility = { cloudwatchMetricsEnabled: true, metricName: "m", sampledRequestsEnabled: true };

/** Compliant web ACL: a managed rule group, metrics on for the ACL and the rule. */
export function webAcl(overrides: Props = {}): RecordedResource {
  return recorded(
    "aws:wafv2/webAcl:WebAcl",
    "edge-cf-waf",
    {
      scope: "CLOUDFRONT",
      defaultAction: { allow: {} },
      rules: [{ name: "common", priority: 1, overrideAction: { none: {} }, statement: { managedRuleGroupStatement: { vendorName: "AWS", name: "AWSManagedRulesCommonRuleSet" } }, visibilityConfig: visibility }],
      visibilityConfig: visibility,
      ...overrides,
    },
    { arn: CF_WEB_ACL_ARN },
  );
}

export function wafLogging(acl: RecordedResource): RecordedResource {
  return recorded(
    "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration",
    "edge-cf-waf-logging",
    { resourceArn: acl.outputs.arn, logDestinationConfigs: [`arn:aws:logs:us-east-1:${ACCOUNT}:log-group:aws-waf-logs-edge`] },
    {},
    { resourceArn: [acl.urn] },
  );
}

/** Compliant ALB: drops invalid headers, logs, deletion protection, defensive desync mitigation. */
export function alb(overrides: Props = {}, type = "aws:lb/loadBalancer:LoadBalancer"): RecordedResource {
  return recorded(
    type,
    "edge-lb",
    {
      loadBalancerType: "application",
      internal: true,
      dropInvalidHeaderFields: true,
      desyncMitigationMode: "defensive",
      enableDeletionProtection: true,
      accessLogs: { bucket: "logs-bucket", prefix: "edge/alb", enabled: true },
      ...overrides,
    },
    { id: ALB_ARN, arn: ALB_ARN },
  );
}

export function wafAssociation(lb: RecordedResource, viaValueOnly = false): RecordedResource {
  return recorded(
    "aws:wafv2/webAclAssociation:WebAclAssociation",
    "edge-alb-waf-association",
    { resourceArn: lb.outputs.arn, webAclArn: `arn:aws:wafv2:us-west-2:${ACCOUNT}:regional/webacl/edge-alb-waf/1` },
    {},
    viaValueOnly ? {} : { resourceArn: [lb.urn] },
  );
}

/** Compliant VPC origin: TLS 1.2 only. */
export function vpcOrigin(overrides: Props = {}): RecordedResource {
  return recorded(
    "aws:cloudfront/vpcOrigin:VpcOrigin",
    "edge-vpc-origin",
    {
      vpcOriginEndpointConfig: {
        name: "edge-vpc-origin", arn: ALB_ARN, httpPort: 80, httpsPort: 443, originProtocolPolicy: "https-only",
        originSslProtocols: { items: ["TLSv1.2"], quantity: 1 }, ...overrides,
      },
    },
    { id: "vo_1", arn: `arn:aws:cloudfront::${ACCOUNT}:vpcorigin/vo_1` },
  );
}

export const ZONE_ID = "Z0123456789ABCDEFGHIJ";

/** A public hosted zone (no VPCs), as a stack policy sees it: zoneId and id are the zone's id. */
export function hostedZone(overrides: Props = {}, name = "edge-zone", id = ZONE_ID): RecordedResource {
  return recorded("aws:route53/zone:Zone", name, { name: "medsearch.example.com", forceDestroy: false, ...overrides }, { id, zoneId: id, arn: `arn:aws:route53:::hostedzone/${id}` });
}

/** The zone's DNS query logging configuration, its zoneId linked to the zone by dependency unless `viaValueOnly`. */
export function queryLog(zone: RecordedResource, viaValueOnly = false): RecordedResource {
  return recorded(
    "aws:route53/queryLog:QueryLog",
    `${zone.name}-query-log`,
    { zoneId: zone.outputs.zoneId, cloudwatchLogGroupArn: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/aws/route53/${zone.outputs.name}` },
    { id: "87654321-dcba-4321-abcd-1a2b3c4d5e6f" },
    viaValueOnly ? {} : { zoneId: [zone.urn] },
  );
}
