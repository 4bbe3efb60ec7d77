import { strict as assert } from "node:assert";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { changed, resource, violations } from "../../test/dataFixtures";
import { requireStreamEncryption } from "./requireStreamEncryption";

const stream = resource("aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream", "archive", {
  name: "app-prod-log-archive", destination: "extended_s3", serverSideEncryption: { enabled: true, keyType: "AWS_OWNED_CMK" },
});

describe("firehose-require-stream-encryption", () => {
  it("passes a Direct PUT stream with server-side encryption on, with an AWS-owned or a customer-managed key", async () => {
    const cmk = changed(stream, "serverSideEncryption", { enabled: true, keyType: "CUSTOMER_MANAGED_CMK", keyArn: "arn:aws:kms:us-west-2:123456789012:key/k" });
    assert.deepEqual(await violations(requireStreamEncryption, [stream, cmk]), []);
  });

  it("fails a Direct PUT stream with encryption off", async () => {
    assert.deepEqual(await violations(requireStreamEncryption, [changed(stream, "serverSideEncryption.enabled", false)]), [
      "Firehose stream buffers records unencrypted; set serverSideEncryption.enabled: true.",
    ]);
  });

  it("fails a Direct PUT stream without serverSideEncryption, Firehose's unencrypted default", async () => {
    assert.match((await violations(requireStreamEncryption, [changed(stream, "serverSideEncryption", undefined)]))[0], /buffers records unencrypted/);
  });

  it("leaves a stream reading from Kinesis Data Streams to its source's encryption", async () => {
    const fromKinesis = changed(changed(stream, "serverSideEncryption", undefined), "kinesisSourceConfiguration", { kinesisStreamArn: "arn:aws:kinesis:us-west-2:123456789012:stream/s", roleArn: "arn:aws:iam::123456789012:role/r" });
    assert.deepEqual(await violations(requireStreamEncryption, [fromKinesis]), []);
  });

  it("decides nothing during preview while the encryption block is unknown", async () => {
    assert.deepEqual(await violations(requireStreamEncryption, [changed(stream, "serverSideEncryption", unknownValue)]), []);
  });
});
