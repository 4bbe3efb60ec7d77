/**
 * Careless changes to the edge config of the prod stack (CloudFront, AWS WAF, the ALB). The edge's
 * security settings are hard-wired in components/edge, and the prod rules refuse turning ALB
 * deletion protection off, so each row is the config error that stops the change.
 */
import * as pulumi from "@pulumi/pulumi";
import { type Mutation, noSuchKey } from "./harness";

const NOT_A_KNOB = "it is hard-wired in the edge component, not config; the policy guards hand-written code and other programs using the pack";

/**
 * A transformation patches resources but cannot remove one: a logging configuration or association
 * "dropped" in code is one that names a resource outside the stack (a plain string, so no dependency
 * links it to the stack's resource), which leaves the stack's resources as the policies would see
 * them without it.
 */
const OUTSIDE = {
  wafAcl: "arn:aws:wafv2:us-west-2:123456789012:regional/webacl/another-stacks-acl/00000000-0000-4000-8000-000000000000",
  loadBalancer: "arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/app/another-stacks-alb/0000000000000000",
  deliverySource: "another-stacks-delivery-source",
  zoneId: "Z0000000000ANOTHERZONE",
};

export const EDGE_MUTATIONS: Mutation[] = [
  {
    policy: "cloudfront-require-web-acl",
    change: "serve CloudFront without the WAF to save its fee",
    set: { "platform:edge.cloudFront.webAcl": false },
    configError: noSuchKey("platform:edge.cloudFront.webAcl"),
    because: NOT_A_KNOB,
    inCode: {
      type: "aws:cloudfront/distribution:Distribution",
      patch: (p) => ({ ...p, webAclId: undefined }),
      message: /^CloudFront distribution has no web ACL; set webAclId to the ARN of a WAFv2 web ACL with scope CLOUDFRONT\.$/,
    },
  },
  {
    policy: "cloudfront-require-https-viewers",
    change: "let viewers use plain HTTP",
    set: { "platform:edge.cloudFront.viewerProtocolPolicy": "allow-all" },
    configError: noSuchKey("platform:edge.cloudFront.viewerProtocolPolicy"),
    because: NOT_A_KNOB,
    inCode: {
      type: "aws:cloudfront/distribution:Distribution",
      patch: (p) => ({ ...p, defaultCacheBehavior: pulumi.output(p.defaultCacheBehavior).apply((b) => ({ ...b, viewerProtocolPolicy: "allow-all" })) }),
      message: /^Cache behavior \(default\) lets viewers use plain HTTP \(allow-all\); set viewerProtocolPolicy to redirect-to-https or https-only\.$/,
    },
  },
  {
    policy: "cloudfront-configure-viewer-tls",
    change: "accept TLS 1.0 from old browsers",
    set: { "platform:edge.cloudFront.minimumProtocolVersion": "TLSv1" },
    configError: noSuchKey("platform:edge.cloudFront.minimumProtocolVersion"),
    because: NOT_A_KNOB,
    inCode: {
      type: "aws:cloudfront/distribution:Distribution",
      patch: (p) => ({ ...p, viewerCertificate: pulumi.output(p.viewerCertificate).apply((c) => ({ ...c, minimumProtocolVersion: "TLSv1" })) }),
      message: /^Distribution allows viewers security policy TLSv1; set minimumProtocolVersion to one of TLSv1\.2_2021, TLSv1\.2_2025, TLSv1\.3_2025\.$/,
    },
  },
  {
    policy: "cloudfront-require-origin-access-control",
    change: "read static assets through the bucket's website endpoint",
    set: { "platform:edge.cloudFront.s3WebsiteOrigin": true },
    configError: noSuchKey("platform:edge.cloudFront.s3WebsiteOrigin"),
    because: NOT_A_KNOB,
    inCode: {
      type: "aws:cloudfront/distribution:Distribution",
      patch: (p) => ({
        ...p,
        origins: pulumi.output(p.origins).apply((origins) =>
          origins.map((o: { originId: string; domainName: string }) => (o.originId === "static" ? { ...o, domainName: o.domainName.replace(/\.s3\./, ".s3-website.") } : o))),
      }),
      message: /^Origin static is the S3 website endpoint .*\.s3-website\.us-west-2\.amazonaws\.com, which needs a public bucket; use the bucket's REST endpoint with Origin Access Control\.$/,
    },
  },
  {
    policy: "cloudfront-require-https-origins",
    change: "reach the origin over TLS 1.0",
    set: { "platform:edge.cloudFront.originSslProtocols": ["TLSv1"] },
    configError: noSuchKey("platform:edge.cloudFront.originSslProtocols"),
    because: NOT_A_KNOB,
    inCode: {
      type: "aws:cloudfront/vpcOrigin:VpcOrigin",
      patch: (p) => ({ ...p, vpcOriginEndpointConfig: pulumi.output(p.vpcOriginEndpointConfig).apply((c) => ({ ...c, originSslProtocols: { items: ["TLSv1"], quantity: 1 } })) }),
      message: /^VPC origin offers TLSv1; set originSslProtocols items to \["TLSv1\.2"\]\.$/,
    },
  },
  {
    policy: "cloudfront-require-access-logs",
    change: "turn off CloudFront access logs",
    set: { "platform:edge.logging.accessLogs": false },
    configError: noSuchKey("platform:edge.logging.accessLogs"),
    because: NOT_A_KNOB,
    inCode: {
      type: "aws:cloudwatch/logDelivery:LogDelivery",
      patch: (p) => ({ ...p, deliverySourceName: OUTSIDE.deliverySource }),
      message: /writes no access logs; add a log delivery source \(ACCESS_LOGS\) for it and a log delivery to the logs bucket\.$/,
    },
  },
  {
    policy: "wafv2-require-web-acl-rules",
    change: "run the web ACL with no rules while debugging",
    set: { "platform:edge.waf.rules": [] },
    configError: noSuchKey("platform:edge.waf.rules"),
    because: NOT_A_KNOB,
    inCode: {
      type: "aws:wafv2/webAcl:WebAcl",
      patch: (p) => ({ ...p, rules: [] }),
      message: /^Web ACL has no rules, so it inspects nothing; add managed rule groups and a rate-based rule\.$/,
    },
  },
  {
    policy: "wafv2-enable-web-acl-metrics",
    change: "turn off WAF CloudWatch metrics",
    set: { "platform:edge.waf.metrics": false },
    configError: noSuchKey("platform:edge.waf.metrics"),
    because: NOT_A_KNOB,
    inCode: {
      type: "aws:wafv2/webAcl:WebAcl",
      patch: (p) => ({ ...p, visibilityConfig: pulumi.output(p.visibilityConfig).apply((v) => ({ ...v, cloudwatchMetricsEnabled: false })) }),
      message: /^Web ACL publishes no CloudWatch metrics; set visibilityConfig\.cloudwatchMetricsEnabled: true\.$/,
    },
  },
  {
    policy: "wafv2-require-web-acl-logging",
    change: "turn off WAF logging",
    set: { "platform:edge.logging.enabled": false },
    configError: noSuchKey("platform:edge.logging.enabled"),
    because: NOT_A_KNOB,
    inCode: {
      type: "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration",
      patch: (p) => ({ ...p, resourceArn: OUTSIDE.wafAcl }),
      message: /has no logging configuration; add an aws\.wafv2\.WebAclLoggingConfiguration whose resourceArn is this ACL\.$/,
    },
  },
  {
    policy: "elb-require-drop-invalid-headers",
    change: "let the ALB pass invalid header fields",
    set: { "platform:edge.alb.dropInvalidHeaderFields": false },
    configError: noSuchKey("platform:edge.alb.dropInvalidHeaderFields"),
    because: NOT_A_KNOB,
    inCode: {
      type: "aws:lb/loadBalancer:LoadBalancer",
      patch: (p) => ({ ...p, dropInvalidHeaderFields: false }),
      message: /^Application load balancer passes invalid HTTP header fields to its targets; set dropInvalidHeaderFields: true\.$/,
    },
  },
  {
    policy: "elb-require-access-logs",
    change: "turn off ALB access logs",
    set: { "platform:edge.alb.accessLogs": false },
    configError: noSuchKey("platform:edge.alb.accessLogs"),
    because: NOT_A_KNOB,
    inCode: {
      type: "aws:lb/loadBalancer:LoadBalancer",
      patch: (p) => ({ ...p, accessLogs: pulumi.output(p.accessLogs).apply((l) => ({ ...l, enabled: false })) }),
      message: /^Application load balancer writes no access logs; set accessLogs with a bucket and enabled: true\.$/,
    },
  },
  {
    policy: "elb-enable-deletion-protection",
    change: "turn off ALB deletion protection",
    set: { "platform:edge.alb.deletionProtection": false },
    configError: /platform:edge\.alb\.deletionProtection: got false; allowed: true when profile is prod \(FSBP ELB\.6\)/,
    because: "the edge rules require it in prod; the policy guards load balancers other code or programs declare (advisory in dev)",
    inCode: {
      type: "aws:lb/loadBalancer:LoadBalancer",
      patch: (p) => ({ ...p, enableDeletionProtection: false }),
      message: /^Load balancer has deletion protection off; set enableDeletionProtection: true\.$/,
    },
  },
  {
    policy: "elb-configure-desync-mitigation",
    change: "set desync mitigation to monitor",
    set: { "platform:edge.alb.desyncMitigationMode": "monitor" },
    configError: noSuchKey("platform:edge.alb.desyncMitigationMode"),
    because: NOT_A_KNOB,
    inCode: {
      type: "aws:lb/loadBalancer:LoadBalancer",
      patch: (p) => ({ ...p, desyncMitigationMode: "monitor" }),
      message: /^Application load balancer mitigates HTTP desync in monitor mode; set desyncMitigationMode to defensive or strictest\.$/,
    },
  },
  {
    policy: "elb-require-waf-association",
    change: "drop the ALB's own web ACL and rely on CloudFront's, as dev does",
    set: { "platform:edge.waf.regionalWebAcl": false },
    configError: /platform:edge\.waf\.regionalWebAcl: got false; allowed: true when profile is prod: the ALB keeps its own web ACL behind CloudFront's/,
    because: "prod keeps the ALB's own web ACL behind CloudFront's (defense in depth, FSBP ELB.16); only dev's internal ALB goes without",
    inCode: {
      type: "aws:wafv2/webAclAssociation:WebAclAssociation",
      patch: (p) => ({ ...p, resourceArn: OUTSIDE.loadBalancer }),
      message: /has no AWS WAF web ACL; add an aws\.wafv2\.WebAclAssociation whose resourceArn is this load balancer\.$/,
    },
  },
  {
    policy: "elb-require-http-redirect",
    change: "serve the application over plain HTTP beside HTTPS",
    set: { "platform:edge.alb.httpRedirect": false },
    configError: noSuchKey("platform:edge.alb.httpRedirect"),
    because: "with a certificate the edge hard-wires the HTTP listener's redirect to HTTPS; without one the ALB has no HTTPS listener, viewers reach it only through CloudFront over HTTPS, and the policy does not apply",
    // The HTTP listener answers like the HTTPS one (whose default is a 404) instead of redirecting.
    inCode: {
      type: "aws:lb/listener:Listener",
      name: /-http$/,
      patch: (p) => ({ ...p, defaultActions: [{ type: "fixed-response", fixedResponse: { contentType: "text/plain", messageBody: "Not found", statusCode: "404" } }] }),
      message: /serves plain HTTP beside its HTTPS listener; make its default action a redirect with protocol HTTPS\.$/,
    },
  },
  {
    policy: "route53-enable-query-logging",
    change: "stop logging the domain's DNS queries to save CloudWatch Logs costs",
    set: { "platform:edge.domain.queryLogging": false },
    configError: noSuchKey("platform:edge.domain.queryLogging"),
    because:
      "the edge hard-wires query logging on every zone it creates (prod creates medsearch.example.com's); a zone given by hostedZoneId or hostedZoneName is not a resource of the stack, so no prod config change leaves the pack a public zone without logging; the policy guards hand-written code and other programs using the pack",
    inCode: {
      type: "aws:route53/queryLog:QueryLog",
      patch: (p) => ({ ...p, zoneId: OUTSIDE.zoneId }),
      message: /^Public hosted zone medsearch\.example\.com does not log DNS queries; add an aws\.route53\.QueryLog whose zoneId is this zone, logging to a log group in us-east-1\.$/,
    },
  },
];
