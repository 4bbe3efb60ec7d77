/**
 * The edge tier at component level, for dev and prod (with a domain and without), built from the
 * stack files' config the way stacks/platform.ts will build it, with the policy pack run over it.
 */
import { strict as assert } from "node:assert";
import { LOG_PREFIXES } from "../../components/storage/bucketPolicy";
import { cloudFrontReadStatement } from "../../components/edge/bucketStatements";
import { MANAGED_RULE_GROUPS } from "../../components/edge/wafRules";
import { mandatory, ofType, one } from "../helpers";
import type { RecordedResource } from "../../offline/recorder";
import { DOMAIN, planEdge, subnetId } from "./edgeHarness";

const T = {
  dist: "aws:cloudfront/distribution:Distribution",
  vpcOrigin: "aws:cloudfront/vpcOrigin:VpcOrigin",
  oac: "aws:cloudfront/originAccessControl:OriginAccessControl",
  acl: "aws:wafv2/webAcl:WebAcl",
  aclLogging: "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration",
  aclAssociation: "aws:wafv2/webAclAssociation:WebAclAssociation",
  logGroup: "aws:cloudwatch/logGroup:LogGroup",
  alb: "aws:lb/loadBalancer:LoadBalancer",
  sg: "aws:ec2/securityGroup:SecurityGroup",
  listener: "aws:lb/listener:Listener",
  rule: "aws:lb/listenerRule:ListenerRule",
  tg: "aws:lb/targetGroup:TargetGroup",
  tgb: "kubernetes:elbv2.k8s.aws/v1beta1:TargetGroupBinding",
  cert: "aws:acm/certificate:Certificate",
  certValidation: "aws:acm/certificateValidation:CertificateValidation",
  zone: "aws:route53/zone:Zone",
  record: "aws:route53/record:Record",
  key: "aws:kms/key:Key",
  logPolicy: "aws:cloudwatch/logResourcePolicy:LogResourcePolicy",
  queryLog: "aws:route53/queryLog:QueryLog",
  source: "aws:cloudwatch/logDeliverySource:LogDeliverySource",
  destination: "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination",
  delivery: "aws:cloudwatch/logDelivery:LogDelivery",
};
const withDomain = { "platform:edge": JSON.stringify({ domain: DOMAIN }) };
/** Each variant runs once per process; every test reads the same run. */
const once = <T>(f: () => Promise<T>) => {
  let p: Promise<T> | undefined;
  return () => (p ??= f());
};
const dev = once(() => planEdge("Pulumi.dev.yaml", { kubernetes: true }));
const prodDomain = once(() => planEdge("Pulumi.prod.yaml", { config: withDomain, kubernetes: true, targetSecurityGroupIds: ["sg-0nodes0000000000a"] }));
// The prod stack file serves a domain; this variant takes it away (the edge section without one).
const prodNoDomain = once(() => planEdge("Pulumi.prod.yaml", { kubernetes: true, config: { "platform:edge": "{}" } }));
const app = (d: RecordedResource) => d.inputs.origins.find((o: any) => o.originId === "app");
/** IAM's ArnLike: "*" matches any run of characters, "?" any one. */
const arnLike = (pattern: string, arn: string) => new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`).test(arn);

describe("edge (dev: no domain)", () => {
  it("plans with zero mandatory violations; only ALB deletion protection and the ALB's own web ACL are advised", async () => {
    const p = await dev();
    assert.equal(p.error, undefined);
    assert.deepEqual(mandatory(p), []);
    assert.deepEqual(p.violations.map((v) => v.policy).sort(), ["elb-enable-deletion-protection", "elb-require-waf-association"]);
  });

  it("serves viewers on the default certificate, redirecting HTTP to HTTPS on every behavior", async () => {
    const d = one(await dev(), T.dist);
    assert.deepEqual(d.inputs.viewerCertificate, { cloudfrontDefaultCertificate: true, minimumProtocolVersion: "TLSv1" });
    assert.deepEqual(d.inputs.aliases, []);
    for (const b of [d.inputs.defaultCacheBehavior, ...d.inputs.orderedCacheBehaviors]) assert.equal(b.viewerProtocolPolicy, "redirect-to-https");
  });

  it("reaches the internal ALB through a VPC origin over HTTP on 80, by the ALB's own DNS name", async () => {
    const p = await dev();
    const [d, vo, alb] = [one(p, T.dist), one(p, T.vpcOrigin), one(p, T.alb)];
    assert.deepEqual(app(d), { originId: "app", domainName: alb.outputs.dnsName, vpcOriginConfig: { vpcOriginId: vo.id } });
    assert.equal(vo.inputs.vpcOriginEndpointConfig.arn, alb.outputs.arn);
    assert.equal(vo.inputs.vpcOriginEndpointConfig.originProtocolPolicy, "http-only");
    assert.deepEqual(vo.inputs.vpcOriginEndpointConfig.originSslProtocols, { items: ["TLSv1.2"], quantity: 1 });
  });

  it("serves static assets from the bucket through OAC, and routes each service path to the ALB uncached", async () => {
    const p = await dev();
    const [d, oac] = [one(p, T.dist), one(p, T.oac)];
    const s3 = d.inputs.origins.find((o: any) => o.originId === "static");
    assert.deepEqual(s3, { originId: "static", domainName: "medsearch-static-830a4627.s3.us-west-2.amazonaws.com", originAccessControlId: oac.id });
    assert.deepEqual([oac.inputs.originAccessControlOriginType, oac.inputs.signingBehavior, oac.inputs.signingProtocol], ["s3", "always", "sigv4"]);
    assert.equal(d.inputs.defaultCacheBehavior.targetOriginId, "static");
    assert.deepEqual(d.inputs.orderedCacheBehaviors.map((b: any) => [b.pathPattern, b.targetOriginId, b.cachePolicyId]), [
      ["/api/users/*", "app", "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"],
      ["/api/search/*", "app", "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"],
      ["/api/content/*", "app", "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"],
    ]);
  });

  it("hands the storage tier the exact OAC read statement for this distribution", async () => {
    const p = await dev();
    const d = one(p, T.dist);
    assert.deepEqual(p.outputs.staticAssetsBucketStatements, [cloudFrontReadStatement("arn:aws:s3:::medsearch-static-830a4627", d.outputs.arn)]);
    assert.equal(p.outputs.url, `https://${d.outputs.domainName}`);
  });

  it("attaches the CLOUDFRONT web ACL (us-east-1) to the distribution; dev's internal ALB, reached only through it, has no second one", async () => {
    const p = await dev();
    const cf = one(p, T.acl, "medsearch-edge-cf-waf");
    assert.deepEqual([cf.inputs.scope, cf.provider?.region], ["CLOUDFRONT", "us-east-1"]);
    assert.equal(one(p, T.dist).inputs.webAclId, cf.outputs.arn);
    assert.deepEqual(ofType(p, T.acl).map((a) => a.name), ["medsearch-edge-cf-waf"]);
    assert.equal(ofType(p, T.aclAssociation).length, 0);
    assert.equal(p.outputs.albWebAclArn, undefined);
  });

  it("gives every web ACL the rate limit and the four managed groups, metrics on everywhere", async () => {
    for (const acl of [...ofType(await dev(), T.acl), ...ofType(await prodNoDomain(), T.acl)]) {
      assert.deepEqual(acl.inputs.rules[0].statement.rateBasedStatement, { limit: 2000, evaluationWindowSec: 300, aggregateKeyType: "IP" });
      assert.deepEqual(acl.inputs.rules.slice(1).map((r: any) => r.statement.managedRuleGroupStatement.name), [...MANAGED_RULE_GROUPS]);
      assert.equal(acl.inputs.visibilityConfig.cloudwatchMetricsEnabled, true);
      for (const r of acl.inputs.rules) assert.equal(r.visibilityConfig.cloudwatchMetricsEnabled, true);
    }
  });

  it("logs each web ACL to an encrypted aws-waf-logs-* group in its own region, credentials redacted", async () => {
    const p = await dev();
    const usEast1Key = one(p, T.key);
    for (const [acl, key] of [["medsearch-edge-cf-waf", usEast1Key.outputs.arn]]) {
      const group = one(p, T.logGroup, `${acl}-logs`);
      const logging = one(p, T.aclLogging, `${acl}-logging`);
      assert.equal(group.inputs.name, `aws-waf-logs-${acl}`);
      assert.deepEqual([group.inputs.kmsKeyId.split(":")[3], group.inputs.retentionInDays], [key.split(":")[3], 7]);
      assert.equal(group.provider?.region, one(p, T.acl, acl).provider?.region);
      assert.deepEqual([logging.inputs.resourceArn, logging.inputs.logDestinationConfigs], [one(p, T.acl, acl).outputs.arn, [group.outputs.arn]]);
      assert.deepEqual(logging.inputs.redactedFields, [{ singleHeader: { name: "authorization" } }, { singleHeader: { name: "cookie" } }]);
    }
    assert.equal(usEast1Key.inputs.enableKeyRotation, true);
    assert.match(usEast1Key.inputs.policy, /"Service":"logs\.us-east-1\.amazonaws\.com"/);
  });

  it("sends CloudFront standard logs (v2) from a us-east-1 delivery source to the logs bucket", async () => {
    const p = await dev();
    const [source, destination, delivery] = [one(p, T.source), one(p, T.destination), one(p, T.delivery)];
    assert.deepEqual([source.inputs.logType, source.inputs.resourceArn, source.provider?.region], ["ACCESS_LOGS", one(p, T.dist).outputs.arn, "us-east-1"]);
    // Under the prefix the storage tier's log-bucket policy admits for vended logs.
    assert.equal(destination.inputs.deliveryDestinationConfiguration.destinationResourceArn, `arn:aws:s3:::medsearch-logs-2a3313e2/${LOG_PREFIXES.cloudfront}`);
    assert.deepEqual([delivery.inputs.deliverySourceName, delivery.inputs.deliveryDestinationArn], [source.outputs.name, destination.outputs.arn]);
    assert.equal(one(p, T.dist).inputs.loggingConfig, undefined, "no legacy logging, so the bucket needs no ACLs");
  });

  it("builds an internal ALB in the private subnets with the FSBP attributes and access logs", async () => {
    const alb = one(await dev(), T.alb);
    assert.equal(alb.inputs.internal, true);
    assert.deepEqual(alb.inputs.subnets, [subnetId("private", "us-west-2a"), subnetId("private", "us-west-2b")]);
    assert.deepEqual([alb.inputs.dropInvalidHeaderFields, alb.inputs.desyncMitigationMode, alb.inputs.enableDeletionProtection, alb.inputs.enableWafFailOpen], [true, "defensive", false, false]);
    assert.deepEqual(alb.inputs.accessLogs, { bucket: "medsearch-logs-2a3313e2", prefix: LOG_PREFIXES.alb, enabled: true });
    assert.ok(alb.outputs.name.length <= 32, alb.outputs.name);
  });

  it("admits only port 80 from CloudFront's origin-facing prefix list, never 0.0.0.0/0; egress to the VPC until the cluster is wired", async () => {
    const sg = one(await dev(), T.sg);
    assert.deepEqual(sg.inputs.ingress, [{ description: "CloudFront origin-facing", protocol: "tcp", fromPort: 80, toPort: 80, prefixListIds: ["pl-82a045eb"] }]);
    assert.deepEqual(sg.inputs.egress.map((e: any) => [e.fromPort, e.cidrBlocks]), [[8080, ["10.0.0.0/16"]], [8081, ["10.0.0.0/16"]], [8082, ["10.0.0.0/16"]]]);
    assert.ok(!JSON.stringify(sg.inputs).includes("0.0.0.0/0"));
  });

  it("routes each routed service path to its own IP target group on the HTTP listener; the internal-only service gets none", async () => {
    const p = await dev();
    const listener = one(p, T.listener);
    assert.deepEqual([listener.inputs.port, listener.inputs.protocol, listener.inputs.defaultActions[0].fixedResponse.statusCode], [80, "HTTP", "404"]);
    const tgs = ofType(p, T.tg);
    assert.deepEqual(tgs.map((t) => [t.inputs.namePrefix, t.inputs.targetType, t.inputs.port, t.inputs.healthCheck.path]), [
      ["users-", "ip", 8080, "/healthz"], ["searc-", "ip", 8081, "/healthz"], ["conte-", "ip", 8082, "/"],
    ]);
    const rules = ofType(p, T.rule);
    assert.deepEqual(rules.map((r) => [r.inputs.listenerArn, r.inputs.priority, r.inputs.conditions[0].pathPattern.values[0], r.inputs.actions[0].targetGroupArn]), [
      [listener.outputs.arn, 10, "/api/users/*", tgs[0].outputs.arn],
      [listener.outputs.arn, 20, "/api/search/*", tgs[1].outputs.arn],
      [listener.outputs.arn, 30, "/api/content/*", tgs[2].outputs.arn],
    ]);
  });

  it("binds each routed service's pods to its target group through the cluster's provider, after the controller (TargetBindings)", async () => {
    const p = await dev();
    const sg = one(p, T.sg);
    const controller = one(p, "kubernetes:core/v1:Namespace");
    const tgbs = ofType(p, T.tgb);
    assert.equal(tgbs.length, 3);
    for (const [i, tgb] of tgbs.entries()) {
      const tg = ofType(p, T.tg)[i];
      assert.deepEqual([tgb.inputs.apiVersion, tgb.inputs.kind, tgb.inputs.metadata.namespace, tgb.provider?.name], ["elbv2.k8s.aws/v1beta1", "TargetGroupBinding", "medsearch", "cluster"]);
      assert.deepEqual(tgb.inputs.spec.serviceRef, { name: tgb.inputs.metadata.name, port: tg.inputs.port });
      assert.deepEqual([tgb.inputs.spec.targetGroupARN, tgb.inputs.spec.targetType], [tg.outputs.arn, "ip"]);
      assert.equal(tgb.inputs.spec.networking.ingress[0].from[0].securityGroup.groupID, sg.id);
      assert.ok(tgb.dependencies.includes(controller.urn));
    }
  });

  it("parents every resource to the Edge component and tags the taggable ones Tier=edge", async () => {
    const p = await dev();
    const edge = one(p, "platform:edge:Edge");
    // Everything but the providers, the cluster tier's stand-in controller release and the bindings.
    const children = p.resources.filter((r) => r.custom && !r.type.startsWith("pulumi:providers:") && r.name !== "aws-load-balancer-controller" && r.type !== T.tgb);
    assert.ok(children.length + ofType(p, T.tgb).length > 20);
    for (const r of children) assert.equal(r.parent, edge.urn, r.name);
    // The bindings are Kubernetes objects: their own component of the same name, made after the Edge.
    const bindings = one(p, "platform:edge:TargetBindings");
    assert.equal(bindings.name, edge.name);
    for (const r of ofType(p, T.tgb)) assert.equal(r.parent, bindings.urn, r.name);
    for (const r of children.filter((c) => "tags" in c.inputs)) assert.equal(r.inputs.tags.Tier, "edge", r.name);
  });

  it("creates no zone, certificate, record or query logging without a domain", async () => {
    const p = await dev();
    for (const t of [T.zone, T.cert, T.certValidation, T.record, T.queryLog, T.logPolicy]) assert.equal(ofType(p, t).length, 0, t);
    assert.deepEqual(ofType(p, T.logGroup).map((g) => g.inputs.name).sort(), ["aws-waf-logs-medsearch-edge-cf-waf"]);
  });
});

describe("edge (prod with a domain)", () => {
  it("plans with zero violations", async () => {
    const p = await prodDomain();
    assert.equal(p.error, undefined);
    assert.deepEqual(p.violations, []);
  });

  it("attaches a second, REGIONAL web ACL to the ALB, logged to an encrypted group in the ALB's region", async () => {
    const p = await prodDomain();
    const regional = one(p, T.acl, "medsearch-edge-alb-waf");
    assert.deepEqual([regional.inputs.scope, regional.provider?.region], ["REGIONAL", "us-west-2"]);
    const assoc = one(p, T.aclAssociation);
    assert.deepEqual([assoc.inputs.webAclArn, assoc.inputs.resourceArn], [regional.outputs.arn, one(p, T.alb).outputs.arn]);
    const group = one(p, T.logGroup, "medsearch-edge-alb-waf-logs");
    assert.deepEqual([group.inputs.name, group.provider?.region, group.inputs.kmsKeyId.split(":")[3]], ["aws-waf-logs-medsearch-edge-alb-waf", "us-west-2", "us-west-2"]);
  });

  it("creates the hosted zone, protected, and hands out its name servers", async () => {
    const p = await prodDomain();
    const zone = one(p, T.zone);
    assert.deepEqual([zone.inputs.name, zone.protect, zone.inputs.forceDestroy], ["medsearch.example.com", true, false]);
    assert.equal(p.edge?.nameServers !== undefined, true);
  });

  it("validates a us-east-1 certificate for apex and www and a regional one for origin.<domain> through DNS records in the zone", async () => {
    const p = await prodDomain();
    const zoneId = one(p, T.zone).outputs.zoneId;
    const [viewer, origin] = [one(p, T.cert, "medsearch-edge-viewer-cert"), one(p, T.cert, "medsearch-edge-origin-cert")];
    assert.deepEqual([viewer.inputs.domainName, viewer.inputs.subjectAlternativeNames, viewer.inputs.validationMethod, viewer.provider?.region], ["medsearch.example.com", ["www.medsearch.example.com"], "DNS", "us-east-1"]);
    assert.deepEqual([origin.inputs.domainName, origin.provider?.region], ["origin.medsearch.example.com", "us-west-2"]);
    for (const cert of [viewer, origin]) {
      const records = ofType(p, T.record).filter((r) => r.name.startsWith(`${cert.name}-validation-`));
      assert.deepEqual(records.map((r) => [r.inputs.zoneId, r.inputs.name, r.inputs.records[0]]), cert.outputs.domainValidationOptions.map((o: any) => [zoneId, o.resourceRecordName, o.resourceRecordValue]));
      const validation = one(p, T.certValidation, `${cert.name}-validation`);
      assert.deepEqual([validation.inputs.certificateArn, validation.inputs.validationRecordFqdns], [cert.outputs.arn, records.map((r) => r.outputs.fqdn)]);
    }
  });

  it("serves apex and www on the validated certificate with TLSv1.2_2021, SNI only", async () => {
    const p = await prodDomain();
    const d = one(p, T.dist);
    assert.deepEqual(d.inputs.aliases, ["medsearch.example.com", "www.medsearch.example.com"]);
    assert.deepEqual(d.inputs.viewerCertificate, { acmCertificateArn: one(p, T.certValidation, "medsearch-edge-viewer-cert-validation").outputs.certificateArn, sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" });
    assert.equal(d.inputs.priceClass, "PriceClass_All");
  });

  it("reaches the ALB over HTTPS on origin.<domain>, whose certificate the ALB's HTTPS listener serves", async () => {
    const p = await prodDomain();
    const [d, vo] = [one(p, T.dist), one(p, T.vpcOrigin)];
    assert.equal(app(d).domainName, "origin.medsearch.example.com");
    assert.deepEqual([vo.inputs.vpcOriginEndpointConfig.originProtocolPolicy, vo.inputs.vpcOriginEndpointConfig.httpsPort], ["https-only", 443]);
    const https = one(p, T.listener, "medsearch-edge-https");
    assert.deepEqual([https.inputs.port, https.inputs.protocol, https.inputs.sslPolicy, https.inputs.certificateArn], [443, "HTTPS", "ELBSecurityPolicy-TLS13-1-2-2021-06", one(p, T.certValidation, "medsearch-edge-origin-cert-validation").outputs.certificateArn]);
    const http = one(p, T.listener, "medsearch-edge-http");
    assert.deepEqual(http.inputs.defaultActions, [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }]);
    for (const r of ofType(p, T.rule)) assert.equal(r.inputs.listenerArn, https.outputs.arn);
  });

  it("admits only 443 from CloudFront and sends only to the cluster's node group", async () => {
    const sg = one(await prodDomain(), T.sg);
    assert.deepEqual(sg.inputs.ingress.map((i: any) => [i.fromPort, i.toPort, i.prefixListIds, i.cidrBlocks]), [[443, 443, ["pl-82a045eb"], undefined]]);
    for (const e of sg.inputs.egress) assert.deepEqual([e.securityGroups, e.cidrBlocks], [["sg-0nodes0000000000a"], undefined]);
  });

  it("points apex and www (IPv4 and IPv6) at CloudFront and origin.<domain> at the ALB with alias records", async () => {
    const p = await prodDomain();
    const [d, alb, zoneId] = [one(p, T.dist), one(p, T.alb), one(p, T.zone).outputs.zoneId];
    const aliases = ofType(p, T.record).filter((r) => r.inputs.aliases).map((r) => [r.inputs.zoneId, r.inputs.name, r.inputs.type, r.inputs.aliases[0].name, r.inputs.aliases[0].zoneId]);
    assert.deepEqual(aliases, [
      [zoneId, "origin.medsearch.example.com", "A", alb.outputs.dnsName, "Z1H1FL5HABSF5"],
      [zoneId, "medsearch.example.com", "A", d.outputs.domainName, "Z2FDTNDATAQYW2"],
      [zoneId, "medsearch.example.com", "AAAA", d.outputs.domainName, "Z2FDTNDATAQYW2"],
      [zoneId, "www.medsearch.example.com", "A", d.outputs.domainName, "Z2FDTNDATAQYW2"],
      [zoneId, "www.medsearch.example.com", "AAAA", d.outputs.domainName, "Z2FDTNDATAQYW2"],
    ]);
  });

  it("logs the zone's DNS queries to /aws/route53/<domain> in us-east-1, encrypted with the edge's one us-east-1 logs key", async () => {
    const p = await prodDomain();
    const [group, key, edge] = [one(p, T.logGroup, "medsearch-edge-query-logs"), one(p, T.key), one(p, "platform:edge:Edge")];
    assert.deepEqual([group.inputs.name, group.provider?.name, group.provider?.region], ["/aws/route53/medsearch.example.com", "medsearch-us-east-1", "us-east-1"]);
    assert.deepEqual([group.inputs.retentionInDays, group.inputs.tags.Tier, group.parent], [400, "edge", edge.urn]);
    // One key in us-east-1, shared with the CloudFront web ACL's logs.
    assert.deepEqual([group.inputs.kmsKeyId, one(p, T.logGroup, "medsearch-edge-cf-waf-logs").inputs.kmsKeyId], [key.outputs.arn, key.outputs.arn]);
    const logs = JSON.parse(key.inputs.policy).Statement.find((st: any) => st.Principal?.Service === "logs.us-east-1.amazonaws.com");
    assert.ok(arnLike(logs.Condition.ArnLike["kms:EncryptionContext:aws:logs:arn"], group.outputs.arn), "the key policy admits CloudWatch Logs for this log group");
  });

  it("lets only Route 53, for this zone and this account, create streams and put events in that log group", async () => {
    const p = await prodDomain();
    const [policy, group, zone] = [one(p, T.logPolicy), one(p, T.logGroup, "medsearch-edge-query-logs"), one(p, T.zone)];
    assert.deepEqual([policy.inputs.policyName, policy.provider?.region, policy.parent], ["medsearch-edge-route53-query-logs", "us-east-1", one(p, "platform:edge:Edge").urn]);
    assert.deepEqual(JSON.parse(policy.inputs.policyDocument).Statement, [{
      Sid: "Route53QueryLogs",
      Effect: "Allow",
      Principal: { Service: "route53.amazonaws.com" },
      Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
      Resource: `${group.outputs.arn}:*`,
      Condition: { ArnLike: { "aws:SourceArn": zone.outputs.arn }, StringEquals: { "aws:SourceAccount": "123456789012" } },
    }]);
  });

  it("turns query logging on for the zone, into that log group, only once the resource policy exists", async () => {
    const p = await prodDomain();
    const [q, zone, group, policy] = [one(p, T.queryLog), one(p, T.zone), one(p, T.logGroup, "medsearch-edge-query-logs"), one(p, T.logPolicy)];
    assert.deepEqual([q.inputs.zoneId, q.inputs.cloudwatchLogGroupArn], [zone.outputs.zoneId, group.outputs.arn]);
    assert.ok(q.dependencies.includes(policy.urn), "dependsOn the resource policy: Route 53 checks it when the configuration is created");
    assert.equal(q.parent, one(p, "platform:edge:Edge").urn);
  });

  it("turns on ALB deletion protection, protects the us-east-1 key and keeps WAF and DNS query logs for the audit retention", async () => {
    const p = await prodDomain();
    assert.equal(one(p, T.alb).inputs.enableDeletionProtection, true);
    assert.equal(one(p, T.key).protect, true);
    for (const g of ofType(p, T.logGroup)) assert.equal(g.inputs.retentionInDays, 400);
  });
});

describe("edge (prod without a domain)", () => {
  it("still builds the whole edge on CloudFront's default certificate and HTTP inside AWS", async () => {
    const p = await prodNoDomain();
    assert.equal(p.error, undefined);
    assert.equal(one(p, T.dist).inputs.viewerCertificate.cloudfrontDefaultCertificate, true);
    assert.equal(one(p, T.vpcOrigin).inputs.vpcOriginEndpointConfig.originProtocolPolicy, "http-only");
    assert.equal(ofType(p, T.cert).length, 0);
  });

  it("is stopped by the pack for one reason only: the default certificate leaves TLS 1.0 negotiable", async () => {
    assert.deepEqual(mandatory(await prodNoDomain()).map((v) => v.policy), ["cloudfront-configure-viewer-tls"]);
  });
});
