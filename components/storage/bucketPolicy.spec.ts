import { strict as assert } from "node:assert";
import { ELB_LOG_DELIVERY_SERVICE, accessLogBucketPolicy, bucketPolicy, elbLogDeliveryPrincipal, logBucketPolicy } from "./bucketPolicy";

const ctx = { bucketArn: "arn:aws:s3:::logs", accountId: "123456789012", partition: "aws", region: "us-west-2", sourceBucketArns: ["arn:aws:s3:::docs"] };
const sid = (doc: { Statement: { Sid: string }[] }, s: string) => doc.Statement.find((x) => x.Sid === s) as any;

describe("bucket policies", () => {
  it("deny every non-TLS request on the bucket and its objects", () => {
    assert.deepEqual(bucketPolicy("arn:aws:s3:::docs").Statement, [{
      Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "s3:*",
      Resource: ["arn:aws:s3:::docs", "arn:aws:s3:::docs/*"], Condition: { Bool: { "aws:SecureTransport": "false" } },
    }]);
  });

  it("let S3 server access logging write under s3-access/ only for this account's source buckets", () => {
    const s = sid(logBucketPolicy(ctx), "S3ServerAccessLogs");
    assert.deepEqual([s.Principal, s.Action, s.Resource], [{ Service: "logging.s3.amazonaws.com" }, "s3:PutObject", "arn:aws:s3:::logs/s3-access/*"]);
    assert.deepEqual(s.Condition, { StringEquals: { "aws:SourceAccount": "123456789012" }, ArnLike: { "aws:SourceArn": ["arn:aws:s3:::docs"] } });
  });

  it("let ELB write ALB logs under alb/AWSLogs/<account>/ as the region's legacy ELB account", () => {
    const s = sid(logBucketPolicy(ctx), "AlbAccessLogs");
    assert.deepEqual([s.Principal, s.Resource], [{ AWS: "arn:aws:iam::797873946194:root" }, "arn:aws:s3:::logs/alb/AWSLogs/123456789012/*"]);
  });

  it("use the ELB log-delivery service principal in regions opened after August 2022", () => {
    assert.deepEqual(elbLogDeliveryPrincipal("eu-central-2", "aws"), { Service: ELB_LOG_DELIVERY_SERVICE });
    assert.deepEqual(elbLogDeliveryPrincipal("us-east-1", "aws"), { AWS: "arn:aws:iam::127311923021:root" });
  });

  it("let vended-log delivery (CloudFront v2) write under cloudfront/ from this account's log sources, here and in us-east-1", () => {
    const w = sid(logBucketPolicy(ctx), "VendedLogsWrite");
    assert.deepEqual([w.Principal, w.Resource], [{ Service: "delivery.logs.amazonaws.com" }, "arn:aws:s3:::logs/cloudfront/*"]);
    assert.deepEqual(w.Condition.StringEquals, { "aws:SourceAccount": "123456789012", "s3:x-amz-acl": "bucket-owner-full-control" });
    assert.deepEqual(w.Condition.ArnLike["aws:SourceArn"], ["arn:aws:logs:us-west-2:123456789012:*", "arn:aws:logs:us-east-1:123456789012:*"]);
    assert.deepEqual(sid(logBucketPolicy(ctx), "VendedLogsAclCheck").Action, ["s3:GetBucketAcl", "s3:ListBucket"]);
  });

  it("admit only S3 server access logs to the second region's log bucket", () => {
    assert.deepEqual(accessLogBucketPolicy(ctx).Statement.map((s) => s.Sid), ["DenyInsecureTransport", "S3ServerAccessLogs"]);
  });

  it("leave the access-log statement out when no bucket logs here", () => {
    assert.equal(sid(logBucketPolicy({ ...ctx, sourceBucketArns: [] }), "S3ServerAccessLogs"), undefined);
  });
});
