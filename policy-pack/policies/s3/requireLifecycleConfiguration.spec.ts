import { strict as assert } from "node:assert";
import { change, compliantBuckets, messages, without } from "../../test/storageFixtures";
import { requireLifecycleConfiguration } from "./requireLifecycleConfiguration";

const FAILURE = "Bucket documents has no enabled lifecycle rule; add a lifecycle configuration with an Enabled rule that transitions or expires its objects.";

describe("s3-require-lifecycle-configuration", () => {
  it("passes buckets that each have an enabled lifecycle rule", async () => {
    assert.deepEqual(await messages(requireLifecycleConfiguration, compliantBuckets()), []);
  });

  it("passes an unversioned bucket whose rule only transitions current objects", async () => {
    const r = change(change(compliantBuckets(), "documents-versioning", { versioningConfiguration: { status: "Suspended" } }), "documents-lifecycle", {
      rules: [{ id: "tier", status: "Enabled", filter: {}, transitions: [{ days: 30, storageClass: "STANDARD_IA" }] }],
    });
    assert.deepEqual(await messages(requireLifecycleConfiguration, r), []);
  });

  it("fails a bucket with no lifecycle configuration", async () => {
    const found = await messages(requireLifecycleConfiguration, without(compliantBuckets(), "documents-lifecycle"));
    assert.equal(found.length, 1);
    assert.match(found[0], /^Bucket documents has no enabled lifecycle rule; add a lifecycle configuration/);
  });

  it("fails a bucket whose only rule is disabled", async () => {
    const r = change(compliantBuckets(), "documents-lifecycle", { rules: [{ id: "r", status: "Disabled", filter: {}, noncurrentVersionExpiration: { noncurrentDays: 30 } }] });
    assert.deepEqual(await messages(requireLifecycleConfiguration, r), [FAILURE]);
  });

  it("does not count another bucket's lifecycle configuration", async () => {
    const r = change(without(compliantBuckets(), "documents-lifecycle"), "logs-lifecycle", { bucket: "logs" });
    assert.deepEqual(await messages(requireLifecycleConfiguration, r), [FAILURE]);
  });
});
