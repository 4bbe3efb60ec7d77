import { strict as assert } from "node:assert";
import { albAccessLogStatement, cloudFrontKeyStatement, cloudFrontLogDeliveryStatement, cloudFrontReadStatement } from "./bucketStatements";

const bucket = "arn:aws:s3:::medsearch-static";
const dist = "arn:aws:cloudfront::123456789012:distribution/E2QWRUHAPOMQZL";

describe("bucket-policy statements for the storage tier", () => {
  it("let CloudFront read objects through OAC on behalf of this distribution only", () => {
    assert.deepEqual(cloudFrontReadStatement(bucket, dist), {
      Sid: "AllowCloudFrontOacRead",
      Effect: "Allow",
      Principal: { Service: "cloudfront.amazonaws.com" },
      Action: "s3:GetObject",
      Resource: `${bucket}/*`,
      Condition: { StringEquals: { "AWS:SourceArn": dist } },
    });
  });

  it("let vended log delivery write CloudFront logs under AWSLogs/<account>/ for this account's source only", () => {
    const s = cloudFrontLogDeliveryStatement("arn:aws:s3:::logs", "123456789012", "arn:aws:logs:us-east-1:123456789012:delivery-source:cdn");
    assert.deepEqual([s.Principal, s.Action, s.Resource], [{ Service: "delivery.logs.amazonaws.com" }, "s3:PutObject", "arn:aws:s3:::logs/AWSLogs/123456789012/*"]);
    assert.deepEqual(s.Condition, {
      StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceAccount": "123456789012" },
      ArnLike: { "aws:SourceArn": "arn:aws:logs:us-east-1:123456789012:delivery-source:cdn" },
    });
  });

  it("let the region's ELB writer put ALB logs under the prefix only", () => {
    const s = albAccessLogStatement("arn:aws:s3:::logs", "edge/alb", "123456789012", { AWS: "arn:aws:iam::797873946194:root" });
    assert.deepEqual([s.Principal, s.Action, s.Resource], [{ AWS: "arn:aws:iam::797873946194:root" }, "s3:PutObject", "arn:aws:s3:::logs/edge/alb/AWSLogs/123456789012/*"]);
  });

  it("let CloudFront decrypt with an SSE-KMS key on behalf of this distribution only", () => {
    assert.deepEqual(cloudFrontKeyStatement(dist).Condition, { StringEquals: { "AWS:SourceArn": dist } });
  });
});
