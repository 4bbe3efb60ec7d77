/**
 * The edge's optional parts and refusals: an existing hosted zone, no static-assets bucket, no
 * cluster yet, an internet-facing ALB, and arguments AWS would reject.
 */
import { strict as assert } from "node:assert";
import { mandatory, ofType, one } from "../helpers";
import { DOMAIN, planEdge, subnetId } from "./edgeHarness";

const edge = (o: object) => ({ "platform:edge": JSON.stringify(o) });

describe("edge variants", () => {
  it("looks an existing public zone up by name and writes the records there, creating no zone and no query logging", async () => {
    const p = await planEdge("Pulumi.prod.yaml", { config: edge({ domain: { name: "medsearch.example.com", hostedZoneName: "example.com" } }) });
    assert.equal(p.error, undefined);
    assert.equal(ofType(p, "aws:route53/zone:Zone").length, 0);
    // The zone's owner sets its query logging; a zone has at most one configuration.
    assert.equal(ofType(p, "aws:route53/queryLog:QueryLog").length, 0);
    assert.equal(ofType(p, "aws:cloudwatch/logResourcePolicy:LogResourcePolicy").length, 0);
    assert.ok(ofType(p, "aws:cloudwatch/logGroup:LogGroup").every((g) => !g.inputs.name.startsWith("/aws/route53/")));
    const zoneIds = new Set(ofType(p, "aws:route53/record:Record").map((r) => r.inputs.zoneId));
    assert.equal(zoneIds.size, 1);
    assert.match([...zoneIds][0], /^Z[0-9A-F]{20}$/);
    assert.equal(p.edge?.nameServers, undefined, "nothing to delegate: the zone already exists");
    assert.deepEqual(p.violations, []);
  });

  it("uses an existing zone id as given, and adds no query logging to it", async () => {
    const p = await planEdge("Pulumi.prod.yaml", { config: edge({ domain: { name: "medsearch.example.com", hostedZoneId: "Z0123456789ABCDEFGHIJ" } }) });
    for (const r of ofType(p, "aws:route53/record:Record")) assert.equal(r.inputs.zoneId, "Z0123456789ABCDEFGHIJ");
    assert.equal(ofType(p, "aws:route53/queryLog:QueryLog").length, 0);
    assert.equal(ofType(p, "aws:cloudwatch/logResourcePolicy:LogResourcePolicy").length, 0);
  });

  it("without a static-assets bucket: no S3 origin, no OAC, the application serves the default path, and no bucket statement", async () => {
    const p = await planEdge("Pulumi.dev.yaml", { staticAssets: false });
    const d = one(p, "aws:cloudfront/distribution:Distribution");
    assert.deepEqual(d.inputs.origins.map((o: any) => o.originId), ["app"]);
    assert.equal(d.inputs.defaultCacheBehavior.targetOriginId, "app");
    assert.equal(d.inputs.defaultRootObject, undefined);
    assert.equal(ofType(p, "aws:cloudfront/originAccessControl:OriginAccessControl").length, 0);
    assert.deepEqual(p.outputs.staticAssetsBucketStatements, []);
    assert.deepEqual(mandatory(p), []);
  });

  it("without the cluster's provider: target groups and rules, but no TargetGroupBinding", async () => {
    const p = await planEdge("Pulumi.dev.yaml", { kubernetes: false });
    assert.equal(ofType(p, "aws:lb/targetGroup:TargetGroup").length, 3);
    assert.equal(ofType(p, "kubernetes:elbv2.k8s.aws/v1beta1:TargetGroupBinding").length, 0);
  });

  it("an internet-facing ALB (outside prod, with a domain) sits in the public subnets behind an HTTPS custom origin and no VPC origin, with its own web ACL", async () => {
    // Reachable around CloudFront, so it keeps its own web ACL even in dev (platform:edge.waf.regionalWebAcl).
    const p = await planEdge("Pulumi.dev.yaml", { config: edge({ domain: DOMAIN, alb: { internal: false }, waf: { regionalWebAcl: true } }) });
    assert.equal(p.error, undefined);
    assert.equal(one(p, "aws:wafv2/webAclAssociation:WebAclAssociation").inputs.resourceArn, one(p, "aws:lb/loadBalancer:LoadBalancer").outputs.arn);
    const alb = one(p, "aws:lb/loadBalancer:LoadBalancer");
    assert.equal(alb.inputs.internal, false);
    assert.deepEqual(alb.inputs.subnets, [subnetId("public", "us-west-2a"), subnetId("public", "us-west-2b")]);
    const app = one(p, "aws:cloudfront/distribution:Distribution").inputs.origins[0];
    assert.deepEqual(app, {
      originId: "app",
      domainName: "origin.medsearch.example.com",
      customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"] },
    });
    assert.equal(ofType(p, "aws:cloudfront/vpcOrigin:VpcOrigin").length, 0);
    assert.deepEqual(mandatory(p), []);
  });

  it("refuses fewer than two AZs before registering anything in AWS", async () => {
    const p = await planEdge("Pulumi.dev.yaml", { availabilityZones: ["us-west-2a"] });
    assert.match(p.error!.message, /medsearch-edge: AWS would reject this edge: availabilityZones: got \["us-west-2a"\]; allowed: at least 2 distinct AZs: an ALB needs subnets in at least 2 AZs/);
    assert.equal(ofType(p, "aws:lb/loadBalancer:LoadBalancer").length, 0);
  });

  it("refuses a stack whose edge config is invalid, naming the key", async () => {
    const p = await planEdge("Pulumi.dev.yaml", { config: edge({ domain: { name: "medsearch.example.com" } }) });
    assert.match(p.error!.message, /platform:edge\.domain: got .*; allowed: a domain with a hosted zone/);
  });
});
