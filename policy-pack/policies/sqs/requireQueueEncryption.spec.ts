import { strict as assert } from "node:assert";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { changed, resource, violations } from "../../test/dataFixtures";
import { requireQueueEncryption } from "./requireQueueEncryption";

const queue = resource("aws:sqs/queue:Queue", "interruptions", { messageRetentionSeconds: 300, sqsManagedSseEnabled: true });
const KEY = "arn:aws:kms:us-west-2:123456789012:key/11111111-2222-4333-a444-555555555555";

describe("sqs-require-queue-encryption", () => {
  it("passes SSE-SQS, SQS's default when unset, and a KMS key", async () => {
    const kms = changed(changed(queue, "sqsManagedSseEnabled", undefined), "kmsMasterKeyId", KEY);
    assert.deepEqual(await violations(requireQueueEncryption, [queue, changed(queue, "sqsManagedSseEnabled", undefined), kms]), []);
  });

  it("fails a queue with SSE-SQS turned off and no KMS key", async () => {
    assert.deepEqual(await violations(requireQueueEncryption, [changed(queue, "sqsManagedSseEnabled", false)]), [
      "SQS queue stores messages unencrypted (sqsManagedSseEnabled: false, no kmsMasterKeyId); turn sqsManagedSseEnabled back on or set kmsMasterKeyId.",
    ]);
  });

  it("decides nothing during preview while the key is unknown", async () => {
    const pending = changed(changed(queue, "sqsManagedSseEnabled", false), "kmsMasterKeyId", unknownValue);
    assert.deepEqual(await violations(requireQueueEncryption, [pending]), []);
  });
});
