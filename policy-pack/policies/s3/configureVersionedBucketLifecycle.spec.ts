import { strict as assert } from "node:assert";
import { change, compliantBuckets, messages, without } from "../../test/storageFixtures";
import { configureVersionedBucketLifecycle } from "./configureVersionedBucketLifecycle";

const rule = (o: Record<string, any>) => ({ rules: [{ id: "r", status: "Enabled", filter: {}, noncurrentVersionExpiration: { noncurrentDays: 30 }, ...o }] });

describe("s3-configure-versioned-bucket-lifecycle", () => {
  it("passes versioned buckets that expire noncurrent versions", async () => {
    assert.deepEqual(await messages(configureVersionedBucketLifecycle, compliantBuckets()), []);
  });

  const cases: Array<[string, (r: ReturnType<typeof compliantBuckets>) => ReturnType<typeof compliantBuckets>]> = [
    ["no lifecycle configuration", (r) => without(r, "documents-lifecycle")],
    ["a disabled rule", (r) => change(r, "documents-lifecycle", rule({ status: "Disabled" }))],
    ["a rule without noncurrent-version expiry", (r) => change(r, "documents-lifecycle", rule({ noncurrentVersionExpiration: undefined }))],
  ];
  for (const [what, mutate] of cases) {
    it(`fails a versioned bucket with ${what}`, async () => {
      assert.deepEqual(await messages(configureVersionedBucketLifecycle, mutate(compliantBuckets())), [
        "Versioned bucket documents has no enabled lifecycle rule expiring noncurrent versions; add one with noncurrentVersionExpiration.noncurrentDays.",
      ]);
    });
  }

  it("does not apply to an unversioned bucket", async () => {
    const r = without(change(compliantBuckets(), "documents-versioning", { versioningConfiguration: { status: "Suspended" } }), "documents-lifecycle");
    assert.deepEqual(await messages(configureVersionedBucketLifecycle, r), []);
  });
});
