/**
 * The Edge on its own, as another team's program would build it: a VPC, its private subnets, one
 * routed service, a logs bucket and a us-east-1 provider; everything else from EDGE_DEFAULTS. Each
 * secure default is read off the recorded resources.
 */
import { strict as assert } from "node:assert";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { MOCK_ACCOUNT_ID } from "../../offline/ids";
import { Planned, one, ofType } from "../../test/helpers";
import { CALLER_TAGS, keyByArn, mandatoryPolicies, standalone } from "../../test/standalone";
import { Edge, EdgeArgs } from "./edge";

const logsBucket = { name: pulumi.output("orders-logs"), arn: pulumi.output("arn:aws:s3:::orders-logs"), regionalDomainName: pulumi.output("orders-logs.s3.us-west-2.amazonaws.com") };
const privateSubnetIds = ["subnet-p1", "subnet-p2"];

function minimal(): EdgeArgs {
  return {
    vpcId: "vpc-0123456789abcdef0",
    vpcCidr: "10.0.0.0/16",
    privateSubnetIds,
    services: [{ name: "api", namespace: "orders", port: 8080, routePath: "/api", healthCheckPath: "/healthz" }],
    logsBucket,
    logPrefixes: { alb: "edge/alb", cloudfront: "edge/cloudfront" },
    usEast1Provider: new aws.Provider("caller-us-east-1", { region: "us-east-1", defaultTags: { tags: CALLER_TAGS } }),
  };
}

const run = (extra: Partial<EdgeArgs> = {}) => standalone((opts) => new Edge("orders", { ...minimal(), ...extra }, opts));

describe("Edge standalone", () => {
  let p: Planned;
  before(async () => {
    p = await run();
    assert.equal(p.error, undefined, p.error?.message);
  });
  const alb = () => one(p, "aws:lb/loadBalancer:LoadBalancer");
  const cdn = () => one(p, "aws:cloudfront/distribution:Distribution").inputs;
  const acl = (scope: string) => ofType(p, "aws:wafv2/webAcl:WebAcl").find((a) => a.inputs.scope === scope)!;

  it("puts the ALB in the private subnets, reached only through a CloudFront VPC origin", () => {
    assert.deepEqual([alb().inputs.internal, alb().inputs.subnets], [true, privateSubnetIds]);
    assert.equal(ofType(p, "aws:cloudfront/vpcOrigin:VpcOrigin").length, 1);
    assert.deepEqual(cdn().origins.map((o: any) => o.vpcOriginConfig?.vpcOriginId), [one(p, "aws:cloudfront/vpcOrigin:VpcOrigin").outputs.id]);
  });

  it("guards the ALB: deletion protection, invalid headers dropped, access logs on under the given prefix", () => {
    const a = alb().inputs;
    assert.deepEqual([a.enableDeletionProtection, a.dropInvalidHeaderFields], [true, true]);
    assert.deepEqual(a.accessLogs, { bucket: "orders-logs", prefix: "edge/alb", enabled: true });
  });

  it("attaches a web ACL at both ends: CLOUDFRONT on the distribution, REGIONAL on the ALB, rate rule first", () => {
    assert.equal(cdn().webAclId, acl("CLOUDFRONT").outputs.arn);
    const assoc = one(p, "aws:wafv2/webAclAssociation:WebAclAssociation").inputs;
    assert.deepEqual([assoc.resourceArn, assoc.webAclArn], [alb().outputs.arn, acl("REGIONAL").outputs.arn]);
    const rate = acl("CLOUDFRONT").inputs.rules[0].statement.rateBasedStatement;
    assert.deepEqual([rate.limit, rate.evaluationWindowSec], [2000, 300]);
  });

  it("logs both web ACLs, redacting credentials, to groups kept 400 days under rotating keys of their own region", () => {
    const groups = ofType(p, "aws:cloudwatch/logGroup:LogGroup");
    assert.equal(groups.length, 2);
    for (const g of groups) {
      assert.equal(g.inputs.retentionInDays, 400);
      const key = keyByArn(p, g.inputs.kmsKeyId);
      assert.equal(key.inputs.enableKeyRotation, true);
      assert.equal(key.protect, true);
    }
    const cfKey = keyByArn(p, groups.find((g) => g.inputs.name.includes("cf-waf"))!.inputs.kmsKeyId);
    assert.match(cfKey.inputs.policy, /logs\.us-east-1\.amazonaws\.com/);
    assert.match(cfKey.inputs.policy, new RegExp(MOCK_ACCOUNT_ID));
    for (const c of ofType(p, "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration")) {
      assert.deepEqual(c.inputs.redactedFields.map((f: any) => f.singleHeader.name), ["authorization", "cookie"]);
    }
  });

  it("sends viewers to HTTPS only, with security headers, CloudFront's access logs on", () => {
    for (const b of [cdn().defaultCacheBehavior, ...cdn().orderedCacheBehaviors]) {
      assert.equal(b.viewerProtocolPolicy, "redirect-to-https");
      assert.ok(b.responseHeadersPolicyId, "a response headers policy on every behavior");
    }
    assert.equal(cdn().priceClass, "PriceClass_All");
    const dest = one(p, "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination").inputs;
    assert.equal(dest.deliveryDestinationConfiguration.destinationResourceArn, "arn:aws:s3:::orders-logs/edge/cloudfront");
    const delivery = one(p, "aws:cloudwatch/logDelivery:LogDelivery").inputs;
    assert.equal(delivery.deliveryDestinationArn, one(p, "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination").outputs.arn);
  });

  it("with a domain: TLS 1.2 or later for viewers and at the ALB, a protected zone, and no mandatory policy violated", async () => {
    const d = await run({ domain: { name: "orders.example.com", hostedZone: { create: true } } });
    assert.equal(d.error, undefined, d.error?.message);
    assert.equal(one(d, "aws:cloudfront/distribution:Distribution").inputs.viewerCertificate.minimumProtocolVersion, "TLSv1.2_2021");
    const https = ofType(d, "aws:lb/listener:Listener").find((l) => l.inputs.protocol === "HTTPS")!;
    assert.match(https.inputs.sslPolicy, /^ELBSecurityPolicy-TLS13-1-2/);
    assert.equal(one(d, "aws:route53/zone:Zone").protect, true);
    assert.deepEqual(mandatoryPolicies(d), []);
  });

  it("learns the account from its provider when the caller gives none: the CloudFront log delivery is confined to it", async () => {
    const [stmt] = await new Promise<any[]>((resolve) => {
      // The statement the storage tier merges into the logs bucket policy.
      void standalone((opts) => {
        new Edge("orders", minimal(), opts).logsBucketStatements.apply(resolve);
      });
    });
    assert.equal(stmt.Condition.StringEquals["aws:SourceAccount"], MOCK_ACCOUNT_ID);
    assert.equal(stmt.Resource, `arn:aws:s3:::orders-logs/AWSLogs/${MOCK_ACCOUNT_ID}/*`);
  });
});
