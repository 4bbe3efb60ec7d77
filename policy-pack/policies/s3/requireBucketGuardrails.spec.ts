import { strict as assert } from "node:assert";
import { compliantBuckets, messages, without } from "../../test/storageFixtures";
import { requireBucketGuardrails } from "./requireBucketGuardrails";

describe("s3-require-bucket-guardrails", () => {
  it("passes buckets that each have a public access block and an encryption configuration", async () => {
    assert.deepEqual(await messages(requireBucketGuardrails, compliantBuckets()), []);
  });

  it("fails a bucket without a public access block", async () => {
    assert.deepEqual(await messages(requireBucketGuardrails, without(compliantBuckets(), "documents-public-access")), [
      "Bucket documents lacks a public access block; add the aws.s3 resource for each, naming this bucket.",
    ]);
  });

  it("fails a bucket without an encryption configuration", async () => {
    const ms = await messages(requireBucketGuardrails, without(compliantBuckets(), "logs-encryption"));
    assert.equal(ms.length, 1);
    assert.match(ms[0], /Bucket logs lacks an encryption configuration;/);
  });
});

describe("s3-require-bucket-guardrails: both missing", () => {
  it("names both in one sentence", async () => {
    const ms = await messages(requireBucketGuardrails, without(without(compliantBuckets(), "logs-encryption"), "logs-public-access"));
    assert.match(ms[0], /lacks a public access block and an encryption configuration/);
  });
});
