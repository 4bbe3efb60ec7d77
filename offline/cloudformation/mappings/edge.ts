/**
 * The edge: the application load balancer (listeners, rules, target groups), CloudFront (the
 * distribution, origin access control, VPC origin), WAF, Route 53 (the zone with its query logging
 * folded in, records) and ACM (certificates with their validation folded in).
 */
import { compact, pascal } from "../props";
import type { Mapping, Props } from "../types";

/** The provider's flat load balancer settings as CloudFormation's attribute list. */
function lbAttributes(i: Props): Array<{ Key: string; Value: string }> {
  const attrs: Record<string, unknown> = {
    "idle_timeout.timeout_seconds": i.idleTimeout,
    "deletion_protection.enabled": i.enableDeletionProtection,
    "routing.http.drop_invalid_header_fields.enabled": i.dropInvalidHeaderFields,
    "routing.http.desync_mitigation_mode": i.desyncMitigationMode,
    "waf.fail_open.enabled": i.enableWafFailOpen,
    "routing.http2.enabled": i.enableHttp2,
    "access_logs.s3.enabled": i.accessLogs?.enabled,
    "access_logs.s3.bucket": i.accessLogs?.bucket,
    "access_logs.s3.prefix": i.accessLogs?.prefix,
  };
  return Object.entries(attrs).filter(([, v]) => v !== undefined).map(([Key, v]) => ({ Key, Value: String(v) }));
}

/** Listener and rule actions: the provider's blocks carry a Config suffix in CloudFormation. */
const actions = (as: Props[] | undefined) => (as ?? []).map((a) => compact({
  Type: a.type,
  Order: a.order,
  TargetGroupArn: a.targetGroupArn,
  RedirectConfig: pascal(a.redirect),
  FixedResponseConfig: pascal(a.fixedResponse),
  ForwardConfig: a.forward ? pascal(a.forward) : undefined,
}));

const CONDITION_FIELDS: Record<string, string> = { pathPattern: "path-pattern", hostHeader: "host-header", httpRequestMethod: "http-request-method", sourceIp: "source-ip" };

const conditions = (cs: Props[] | undefined) => (cs ?? []).flatMap((c) => Object.entries(c).filter(([k]) => CONDITION_FIELDS[k]).map(([k, v]) => ({
  Field: CONDITION_FIELDS[k], [`${k.charAt(0).toUpperCase()}${k.slice(1)}Config`]: pascal(v),
})));

/** An origin. With origin access control and no custom or VPC origin, the API takes an empty S3OriginConfig. */
function origin(o: Props): Props {
  const custom = o.customOriginConfig;
  return compact({
    Id: o.originId,
    DomainName: o.domainName,
    OriginPath: o.originPath,
    OriginAccessControlId: o.originAccessControlId,
    OriginCustomHeaders: (o.customHeaders ?? []).map((h: Props) => ({ HeaderName: h.name, HeaderValue: h.value })),
    VpcOriginConfig: pascal(o.vpcOriginConfig),
    CustomOriginConfig: custom ? compact({
      HTTPPort: custom.httpPort, HTTPSPort: custom.httpsPort, OriginProtocolPolicy: custom.originProtocolPolicy, OriginSSLProtocols: custom.originSslProtocols,
      OriginReadTimeout: custom.originReadTimeout, OriginKeepaliveTimeout: custom.originKeepaliveTimeout,
    }) : undefined,
    S3OriginConfig: o.s3OriginConfig ? pascal(o.s3OriginConfig) : !custom && !o.vpcOriginConfig ? { OriginAccessIdentity: "" } : undefined,
  });
}

const distribution: Mapping = {
  cfnType: "AWS::CloudFront::Distribution",
  attributes: { arn: "", domainName: "DomainName" },
  properties: (i, ctx) => ({
    DistributionConfig: compact({
      Enabled: i.enabled,
      Comment: i.comment,
      Aliases: i.aliases,
      DefaultRootObject: i.defaultRootObject,
      HttpVersion: i.httpVersion,
      IPV6Enabled: i.isIpv6Enabled,
      PriceClass: i.priceClass,
      WebACLId: i.webAclId,
      Origins: (i.origins ?? []).map(origin),
      DefaultCacheBehavior: pascal(i.defaultCacheBehavior),
      CacheBehaviors: pascal(i.orderedCacheBehaviors),
      CustomErrorResponses: pascal(i.customErrorResponses, { errorCachingMinTtl: "ErrorCachingMinTTL" }),
      Logging: i.loggingConfig ? pascal(i.loggingConfig) : undefined,
      Restrictions: i.restrictions ? { GeoRestriction: compact(pascal(i.restrictions.geoRestriction)) } : undefined,
      ViewerCertificate: pascal(i.viewerCertificate, { cloudfrontDefaultCertificate: "CloudFrontDefaultCertificate" }),
    }),
    Tags: ctx.tagList(i.tags),
  }),
};

const loadBalancer: Mapping = {
  cfnType: "AWS::ElasticLoadBalancingV2::LoadBalancer",
  attributes: { arn: "Ref", id: "Ref", dnsName: "DNSName", zoneId: "CanonicalHostedZoneID", arnSuffix: "LoadBalancerFullName", name: "LoadBalancerName" },
  properties: (i, ctx) => compact({
    Name: i.name,
    Type: i.loadBalancerType,
    Scheme: i.internal ? "internal" : "internet-facing",
    IpAddressType: i.ipAddressType,
    SecurityGroups: i.securityGroups,
    Subnets: i.subnets,
    SubnetMappings: pascal(i.subnetMappings),
    LoadBalancerAttributes: lbAttributes(i),
    Tags: ctx.tagList(i.tags),
  }),
};

const targetGroup: Mapping = {
  cfnType: "AWS::ElasticLoadBalancingV2::TargetGroup",
  attributes: { arn: "Ref", id: "Ref", arnSuffix: "TargetGroupFullName", name: "TargetGroupName" },
  properties: (i, ctx) => {
    const h: Props = i.healthCheck ?? {};
    const attrs = { "deregistration_delay.timeout_seconds": i.deregistrationDelay, "slow_start.duration_seconds": i.slowStart };
    return compact({
      Name: i.name, Port: i.port, Protocol: i.protocol, ProtocolVersion: i.protocolVersion, TargetType: i.targetType, VpcId: i.vpcId,
      HealthCheckEnabled: h.enabled, HealthCheckPath: h.path, HealthCheckProtocol: h.protocol, HealthCheckPort: h.port,
      HealthCheckIntervalSeconds: h.interval, HealthCheckTimeoutSeconds: h.timeout, HealthyThresholdCount: h.healthyThreshold, UnhealthyThresholdCount: h.unhealthyThreshold,
      Matcher: h.matcher ? { HttpCode: h.matcher } : undefined,
      TargetGroupAttributes: Object.entries(attrs).filter(([, v]) => v !== undefined).map(([Key, v]) => ({ Key, Value: String(v) })),
      Tags: ctx.tagList(i.tags),
    });
  },
};

export const EDGE_MAPPINGS: Record<string, Mapping> = {
  "aws:lb/loadBalancer:LoadBalancer": loadBalancer,
  "aws:lb/targetGroup:TargetGroup": targetGroup,
  // Listeners and rules take no tags in CloudFormation.
  "aws:lb/listener:Listener": {
    cfnType: "AWS::ElasticLoadBalancingV2::Listener",
    attributes: { arn: "Ref", id: "Ref" },
    properties: (i) => compact({
      LoadBalancerArn: i.loadBalancerArn, Port: i.port, Protocol: i.protocol, SslPolicy: i.sslPolicy, AlpnPolicy: i.alpnPolicy ? [i.alpnPolicy] : undefined,
      Certificates: i.certificateArn ? [{ CertificateArn: i.certificateArn }] : undefined, DefaultActions: actions(i.defaultActions),
    }),
  },
  "aws:lb/listenerRule:ListenerRule": {
    cfnType: "AWS::ElasticLoadBalancingV2::ListenerRule",
    attributes: { arn: "Ref", id: "Ref" },
    properties: (i) => compact({ ListenerArn: i.listenerArn, Priority: i.priority, Actions: actions(i.actions), Conditions: conditions(i.conditions) }),
  },
  "aws:cloudfront/distribution:Distribution": distribution,
  "aws:cloudfront/originAccessControl:OriginAccessControl": {
    cfnType: "AWS::CloudFront::OriginAccessControl",
    properties: (i) => ({
      OriginAccessControlConfig: compact({
        Name: i.name, Description: i.description, OriginAccessControlOriginType: i.originAccessControlOriginType, SigningBehavior: i.signingBehavior, SigningProtocol: i.signingProtocol,
      }),
    }),
  },
  "aws:cloudfront/vpcOrigin:VpcOrigin": {
    cfnType: "AWS::CloudFront::VpcOrigin",
    properties: (i, ctx) => {
      const c: Props = i.vpcOriginEndpointConfig ?? {};
      return compact({
        VpcOriginEndpointConfig: compact({
          Arn: c.arn, Name: c.name, HTTPPort: c.httpPort, HTTPSPort: c.httpsPort, OriginProtocolPolicy: c.originProtocolPolicy, OriginSSLProtocols: c.originSslProtocols?.items,
        }),
        Tags: ctx.tagList(i.tags),
      });
    },
  },
  "aws:wafv2/webAcl:WebAcl": {
    cfnType: "AWS::WAFv2::WebACL",
    attributes: { id: "Id" },
    properties: (i, ctx) => compact({
      Name: i.name, Scope: i.scope, Description: i.description,
      DefaultAction: pascal(i.defaultAction),
      Rules: pascal(i.rules, { cloudwatchMetricsEnabled: "CloudWatchMetricsEnabled" }),
      VisibilityConfig: pascal(i.visibilityConfig, { cloudwatchMetricsEnabled: "CloudWatchMetricsEnabled" }),
      TokenDomains: i.tokenDomains,
      Tags: ctx.tagList(i.tags),
    }),
  },
  "aws:wafv2/webAclAssociation:WebAclAssociation": {
    cfnType: "AWS::WAFv2::WebACLAssociation",
    properties: (i) => ({ ResourceArn: i.resourceArn, WebACLArn: i.webAclArn }),
  },
  "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration": {
    cfnType: "AWS::WAFv2::LoggingConfiguration",
    properties: (i) => compact({
      ResourceArn: i.resourceArn, LogDestinationConfigs: i.logDestinationConfigs, RedactedFields: pascal(i.redactedFields), LoggingFilter: pascal(i.loggingFilter),
    }),
  },
  "aws:route53/zone:Zone": {
    cfnType: "AWS::Route53::HostedZone",
    attributes: { zoneId: "Id", id: "Id", nameServers: "NameServers" },
    properties: (i, ctx) => compact({
      Name: i.name,
      HostedZoneConfig: i.comment ? { Comment: i.comment } : undefined,
      VPCs: (i.vpcs ?? []).map((v: Props) => ({ VPCId: v.vpcId, VPCRegion: v.vpcRegion ?? ctx.region })),
      HostedZoneTags: ctx.tagList(i.tags),
    }),
  },
  "aws:route53/queryLog:QueryLog": {
    parentType: "aws:route53/zone:Zone",
    parentInput: "zoneId",
    fold: (zone, i) => {
      zone.QueryLoggingConfig = { CloudWatchLogsLogGroupArn: i.cloudwatchLogGroupArn };
    },
  },
  // CloudFormation takes the TTL as a string and one alias target.
  "aws:route53/record:Record": {
    cfnType: "AWS::Route53::RecordSet",
    properties: (i) => compact({
      HostedZoneId: i.zoneId, Name: i.name, Type: i.type, TTL: i.ttl === undefined ? undefined : String(i.ttl), ResourceRecords: i.records, SetIdentifier: i.setIdentifier,
      AliasTarget: i.aliases?.[0] ? { DNSName: i.aliases[0].name, HostedZoneId: i.aliases[0].zoneId, EvaluateTargetHealth: i.aliases[0].evaluateTargetHealth } : undefined,
    }),
  },
  "aws:acm/certificate:Certificate": {
    cfnType: "AWS::CertificateManager::Certificate",
    attributes: { arn: "Ref", id: "Ref" },
    properties: (i, ctx) => compact({
      DomainName: i.domainName, SubjectAlternativeNames: i.subjectAlternativeNames, ValidationMethod: i.validationMethod, KeyAlgorithm: i.keyAlgorithm,
      CertificateTransparencyLoggingPreference: i.options?.certificateTransparencyLoggingPreference, Tags: ctx.tagList(i.tags),
    }),
  },
  // The provider's validation waits for issuance; a CloudFormation certificate waits as part of its own creation.
  "aws:acm/certificateValidation:CertificateValidation": {
    parentType: "aws:acm/certificate:Certificate",
    parentInput: "certificateArn",
    fold: () => undefined,
  },
};
