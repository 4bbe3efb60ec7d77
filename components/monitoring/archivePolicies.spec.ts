import { strict as assert } from "node:assert";
import { firehoseTrust, logsSubscriptionTrust, putIntoStream, writeArchive } from "./archivePolicies";

const ctx = { accountId: "123456789012", partition: "aws", region: "us-west-2" };
const BUCKET = "arn:aws:s3:::medsearch-prod-logs-123456789012-us-west-2";
const KEY = "arn:aws:kms:us-west-2:123456789012:key/logs";

describe("log archive policies", () => {
  it("let CloudWatch Logs assume the subscription role only for this account's log groups", () => {
    const [trust] = logsSubscriptionTrust(ctx).Statement;
    assert.deepEqual([trust.Principal, trust.Condition], [
      { Service: "logs.amazonaws.com" },
      { StringEquals: { "aws:SourceAccount": "123456789012" }, ArnLike: { "aws:SourceArn": "arn:aws:logs:us-west-2:123456789012:*" } },
    ]);
    assert.deepEqual(firehoseTrust(ctx).Statement[0].Principal, { Service: "firehose.amazonaws.com" });
  });

  it("let the subscription put records into its one stream", () => {
    assert.deepEqual(putIntoStream("arn:stream").Statement, [{ Sid: "PutLogRecords", Effect: "Allow", Action: ["firehose:PutRecord", "firehose:PutRecordBatch"], Resource: "arn:stream" }]);
  });

  it("let Firehose write only under cloudwatch-logs/ and use the logs key only through S3 for those objects", () => {
    const doc = writeArchive({ bucketArn: BUCKET, logsKeyArn: KEY, region: "us-west-2" });
    const sid = (id: string) => doc.Statement.find((s) => s.Sid === id)!;
    assert.equal(sid("WriteArchive").Resource, `${BUCKET}/cloudwatch-logs/*`);
    assert.deepEqual(sid("EncryptArchive").Condition, {
      StringEquals: { "kms:ViaService": "s3.us-west-2.amazonaws.com" },
      StringLike: { "kms:EncryptionContext:aws:s3:arn": `${BUCKET}/cloudwatch-logs/*` },
    });
    for (const s of doc.Statement) {
      assert.ok([s.Action].flat().every((a) => !a.includes("*")), s.Sid);
      assert.notEqual(s.Resource, "*", s.Sid);
    }
  });
});
