import { strict as assert } from "node:assert";
import { change, compliantBuckets, messages, without } from "../../test/storageFixtures";
import { enableBucketVersioning } from "./enableBucketVersioning";

describe("s3-enable-bucket-versioning", () => {
  it("passes buckets with versioning enabled", async () => {
    assert.deepEqual(await messages(enableBucketVersioning, compliantBuckets()), []);
  });

  it("fails a bucket whose versioning is suspended", async () => {
    assert.deepEqual(await messages(enableBucketVersioning, change(compliantBuckets(), "documents-versioning", { versioningConfiguration: { status: "Suspended" } })), [
      'Bucket documents does not have versioning enabled; add an aws.s3.BucketVersioning with status "Enabled".',
    ]);
  });

  it("fails a bucket with no versioning resource", async () => {
    assert.equal((await messages(enableBucketVersioning, without(compliantBuckets(), "logs-versioning"))).length, 1);
  });
});
