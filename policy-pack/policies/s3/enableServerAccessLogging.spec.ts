import { strict as assert } from "node:assert";
import { T, bucket, change, compliantBuckets, messages, resource, without } from "../../test/storageFixtures";
import { enableServerAccessLogging } from "./enableServerAccessLogging";

describe("s3-enable-server-access-logging", () => {
  it("passes data buckets logging to the log bucket, which does not log itself", async () => {
    assert.deepEqual(await messages(enableServerAccessLogging, compliantBuckets()), []);
  });

  it("fails a data bucket without logging", async () => {
    const r = [...compliantBuckets(), ...bucket("models", {})];
    assert.deepEqual(await messages(enableServerAccessLogging, r), [
      "Bucket models has no server access logging to a log bucket; add an aws.s3.BucketLogging whose targetBucket is the bucket tagged Purpose=logs.",
    ]);
  });

  it("fails a data bucket logging to a bucket that is not the log bucket", async () => {
    const ms = await messages(enableServerAccessLogging, change(compliantBuckets(), "documents-logging", { targetBucket: "somewhere-else" }));
    assert.match(ms.join("\n"), /Bucket documents has no server access logging to a log bucket/);
  });

  it("fails a log bucket that logs to itself", async () => {
    const r = [...compliantBuckets(), resource(T.logging, "logs-logging", { bucket: "logs", targetBucket: "logs", targetPrefix: "self/" })];
    assert.deepEqual(await messages(enableServerAccessLogging, r), [
      "Log bucket logs logs its own access; remove its aws.s3.BucketLogging, or each delivery writes another log record.",
    ]);
  });

  it("treats a bucket tagged logs that receives nothing as a data bucket", async () => {
    const ms = await messages(enableServerAccessLogging, without(compliantBuckets(), "documents-logging"));
    assert.equal(ms.length, 2);
  });
});
