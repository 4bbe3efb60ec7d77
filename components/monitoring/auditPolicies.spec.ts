import { strict as assert } from "node:assert";
import { cloudTrailBucketStatements, trailArn, trailKeyPolicy } from "./auditPolicies";

const ctx = { accountId: "123456789012", partition: "aws", region: "us-west-2" };
const TRAIL = trailArn(ctx, "medsearch-prod-audit");
const BUCKET = "arn:aws:s3:::medsearch-prod-logs-123456789012-us-west-2";

describe("audit trail policies", () => {
  it("derive the trail ARN from its name, so the bucket policy can name it first", () => {
    assert.equal(TRAIL, "arn:aws:cloudtrail:us-west-2:123456789012:trail/medsearch-prod-audit");
  });

  it("let CloudTrail check the bucket ACL and write under cloudtrail/AWSLogs/<account>/, only for this trail", () => {
    const [acl, write] = cloudTrailBucketStatements({ bucketArn: BUCKET, accountId: "123456789012", trailArn: TRAIL });
    assert.deepEqual([acl.Principal, acl.Action, acl.Resource, acl.Condition], [
      { Service: "cloudtrail.amazonaws.com" }, "s3:GetBucketAcl", BUCKET, { StringEquals: { "aws:SourceArn": TRAIL } },
    ]);
    assert.deepEqual([write.Action, write.Resource, write.Condition], [
      "s3:PutObject", `${BUCKET}/cloudtrail/AWSLogs/123456789012/*`, { StringEquals: { "aws:SourceArn": TRAIL, "s3:x-amz-acl": "bucket-owner-full-control" } },
    ]);
  });

  it("let only this trail generate data keys, with this account's trail encryption context; readers go through IAM", () => {
    const doc = trailKeyPolicy(ctx, TRAIL);
    const encrypt = doc.Statement.find((s) => s.Sid === "AllowCloudTrailEncrypt")!;
    assert.deepEqual([encrypt.Principal, encrypt.Action], [{ Service: "cloudtrail.amazonaws.com" }, "kms:GenerateDataKey*"]);
    assert.deepEqual(encrypt.Condition, {
      StringEquals: { "aws:SourceArn": TRAIL },
      StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": "arn:aws:cloudtrail:*:123456789012:trail/*" },
    });
    assert.ok(!doc.Statement.some((s) => [s.Action].flat().includes("kms:Decrypt")), "no service may decrypt the audit log");
    assert.deepEqual(doc.Statement.find((s) => s.Sid === "EnableIamPolicies")?.Principal, { AWS: "arn:aws:iam::123456789012:root" });
  });
});
