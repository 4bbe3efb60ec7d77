import { strict as assert } from "node:assert";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { T } from "../../lib/types";
import { assertOneViolation, check, fixture, withInputs } from "../../test/fixtures";
import { requireLogGroupEncryption } from "./requireLogGroupEncryption";

/** A log group encrypted with the platform's logs key. */
const logGroup = fixture(T.logGroup, "flow-logs", {
  inputs: { retentionInDays: 90, kmsKeyId: "arn:aws:kms:us-west-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab" },
});
const expected = [/no kmsKeyId/, /set it to a customer-managed KMS key/];

describe("cloudwatch-require-log-group-encryption", () => {
  it("passes a log group with a kmsKeyId", async () => {
    assert.deepEqual(await check(requireLogGroupEncryption, [logGroup]), []);
  });

  it("flags a log group without kmsKeyId", async () => {
    const v = assertOneViolation(await check(requireLogGroupEncryption, [withInputs(logGroup, { kmsKeyId: undefined })]), requireLogGroupEncryption, expected);
    assert.equal(v.urn, logGroup.urn);
  });

  it("flags a log group with an empty kmsKeyId", async () => {
    assertOneViolation(await check(requireLogGroupEncryption, [withInputs(logGroup, { kmsKeyId: "" })]), requireLogGroupEncryption, expected);
  });

  it("ignores other resource types, such as an unencrypted log stream", async () => {
    const stream = fixture("aws:cloudwatch/logStream:LogStream", "app", { inputs: { logGroupName: "flow-logs" } });
    assert.deepEqual(await check(requireLogGroupEncryption, [stream]), []);
  });

  it("reports an advisory 'can't run during preview' when kmsKeyId is unknown", async () => {
    assertOneViolation(
      await check(requireLogGroupEncryption, [withInputs(logGroup, { kmsKeyId: unknownValue })]),
      requireLogGroupEncryption,
      [/can't run policy 'cloudwatch-require-log-group-encryption' during preview/, /\.kmsKeyId/],
      "advisory",
    );
  });
});
