/**
 * Careless changes to the edge config of the prod stack (CloudFront, AWS WAF, the ALB). The edge's
 * security settings are hard-wired in components/edge, and the prod rules refuse turning ALB
 * deletion protection off, so each row is the config error that stops the change.
 */
import { type Mutation, noSuchKey } from "./harness";

const NOT_A_KNOB = "it is hard-wired in the edge component, not config; the policy guards hand-written code and other programs using the pack";

export const EDGE_MUTATIONS: Mutation[] = [
  {
    policy: "cloudfront-require-web-acl",
    change: "serve CloudFront without the WAF to save its fee",
    set: { "platform:edge.cloudFront.webAcl": false },
    configError: noSuchKey("platform:edge.cloudFront.webAcl"),
    because: NOT_A_KNOB,
  },
  {
    policy: "cloudfront-require-https-viewers",
    change: "let viewers use plain HTTP",
    set: { "platform:edge.cloudFront.viewerProtocolPolicy": "allow-all" },
    configError: noSuchKey("platform:edge.cloudFront.viewerProtocolPolicy"),
    because: NOT_A_KNOB,
  },
  {
    policy: "cloudfront-configure-viewer-tls",
    change: "accept TLS 1.0 from old browsers",
    set: { "platform:edge.cloudFront.minimumProtocolVersion": "TLSv1" },
    configError: noSuchKey("platform:edge.cloudFront.minimumProtocolVersion"),
    because: NOT_A_KNOB,
  },
  {
    policy: "cloudfront-require-origin-access-control",
    change: "read static assets through the bucket's website endpoint",
    set: { "platform:edge.cloudFront.s3WebsiteOrigin": true },
    configError: noSuchKey("platform:edge.cloudFront.s3WebsiteOrigin"),
    because: NOT_A_KNOB,
  },
  {
    policy: "cloudfront-require-https-origins",
    change: "reach the origin over TLS 1.0",
    set: { "platform:edge.cloudFront.originSslProtocols": ["TLSv1"] },
    configError: noSuchKey("platform:edge.cloudFront.originSslProtocols"),
    because: NOT_A_KNOB,
  },
  {
    policy: "cloudfront-require-access-logs",
    change: "turn off CloudFront access logs",
    set: { "platform:edge.logging.accessLogs": false },
    configError: noSuchKey("platform:edge.logging.accessLogs"),
    because: NOT_A_KNOB,
  },
  {
    policy: "wafv2-require-web-acl-rules",
    change: "run the web ACL with no rules while debugging",
    set: { "platform:edge.waf.rules": [] },
    configError: noSuchKey("platform:edge.waf.rules"),
    because: NOT_A_KNOB,
  },
  {
    policy: "wafv2-enable-web-acl-metrics",
    change: "turn off WAF CloudWatch metrics",
    set: { "platform:edge.waf.metrics": false },
    configError: noSuchKey("platform:edge.waf.metrics"),
    because: NOT_A_KNOB,
  },
  {
    policy: "wafv2-require-web-acl-logging",
    change: "turn off WAF logging",
    set: { "platform:edge.logging.enabled": false },
    configError: noSuchKey("platform:edge.logging.enabled"),
    because: NOT_A_KNOB,
  },
  {
    policy: "elb-require-drop-invalid-headers",
    change: "let the ALB pass invalid header fields",
    set: { "platform:edge.alb.dropInvalidHeaderFields": false },
    configError: noSuchKey("platform:edge.alb.dropInvalidHeaderFields"),
    because: NOT_A_KNOB,
  },
  {
    policy: "elb-require-access-logs",
    change: "turn off ALB access logs",
    set: { "platform:edge.alb.accessLogs": false },
    configError: noSuchKey("platform:edge.alb.accessLogs"),
    because: NOT_A_KNOB,
  },
  {
    policy: "elb-enable-deletion-protection",
    change: "turn off ALB deletion protection",
    set: { "platform:edge.alb.deletionProtection": false },
    configError: /platform:edge\.alb\.deletionProtection: got false; allowed: true when profile is prod \(FSBP ELB\.6\)/,
    because: "the edge rules require it in prod; the policy guards load balancers other code or programs declare (advisory in dev)",
  },
  {
    policy: "elb-configure-desync-mitigation",
    change: "set desync mitigation to monitor",
    set: { "platform:edge.alb.desyncMitigationMode": "monitor" },
    configError: noSuchKey("platform:edge.alb.desyncMitigationMode"),
    because: NOT_A_KNOB,
  },
  {
    policy: "elb-require-waf-association",
    change: "detach the regional WAF from the ALB",
    set: { "platform:edge.alb.waf": false },
    configError: noSuchKey("platform:edge.alb.waf"),
    because: NOT_A_KNOB,
  },
  {
    policy: "elb-require-http-redirect",
    change: "serve the application over plain HTTP beside HTTPS",
    set: { "platform:edge.alb.httpRedirect": false },
    configError: noSuchKey("platform:edge.alb.httpRedirect"),
    because: "with a certificate the edge hard-wires the HTTP listener's redirect to HTTPS; without one the ALB has no HTTPS listener, viewers reach it only through CloudFront over HTTPS, and the policy does not apply",
  },
  {
    policy: "route53-enable-query-logging",
    change: "stop logging the domain's DNS queries to save CloudWatch Logs costs",
    set: { "platform:edge.domain.queryLogging": false },
    configError: noSuchKey("platform:edge.domain.queryLogging"),
    because:
      "the edge hard-wires query logging on every zone it creates (prod creates medsearch.example.com's); a zone given by hostedZoneId or hostedZoneName is not a resource of the stack, so no prod config change leaves the pack a public zone without logging; the policy guards hand-written code and other programs using the pack",
  },
];
