import { strict as assert } from "node:assert";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { T } from "../../lib/types";
import { assertOneViolation, awsProvider, check, component, fixture, onProvider, withInputs } from "../../test/fixtures";
import { requireTags } from "./requireTags";

const STACK_TAGS = { Environment: "prod", Owner: "platform-team", CostCenter: "medsearch-prod" };
const provider = awsProvider("main", { defaultTags: { tags: STACK_TAGS } });
/** A bucket of the storage tier: Tier from the component, the rest from the provider. */
const bucket = onProvider(fixture(T.bucket, "documents", { inputs: { bucket: "medsearch-prod-documents", tags: { Tier: "storage", Purpose: "documents" } } }), provider);

const run = (...resources: Parameters<typeof check>[1]) => check(requireTags, resources);

describe("tags-require-tags", () => {
  it("passes a resource whose own tags and provider default tags together carry every required key", async () => {
    assert.deepEqual(await run(provider, bucket), []);
  });

  it("passes when the engine hands the provider's defaultTags as an object rather than JSON text", async () => {
    const structured = { ...provider, inputs: { region: "us-west-2", defaultTags: { tags: STACK_TAGS } } };
    assert.deepEqual(await run(structured, bucket), []);
  });

  it("passes on tagsAll, the merge a real run shows in the checked inputs, without reading the provider", async () => {
    const real = fixture(T.bucket, "documents", { inputs: { tags: { Tier: "storage" }, tagsAll: { ...STACK_TAGS, Tier: "storage" } } });
    assert.deepEqual(await run(real), []);
  });

  it("flags a resource whose provider lacks one default tag, naming it", async () => {
    const noOwner = awsProvider("main", { defaultTags: { tags: { Environment: "prod", CostCenter: "medsearch-prod" } } });
    const v = assertOneViolation(await run(noOwner, bucket), requireTags, [/^Resource lacks the tag Owner; set it in its tags or in its provider's defaultTags\.$/]);
    assert.equal(v.urn, bucket.urn);
  });

  it("flags a resource that omits the component's Tier tag", async () => {
    assertOneViolation(await run(provider, withInputs(bucket, { tags: { Purpose: "documents" } })), requireTags, [/lacks the tag Tier/]);
  });

  it("flags a resource on a provider without default tags, naming every missing key", async () => {
    assertOneViolation(await run(awsProvider("bare"), onProvider(bucket, awsProvider("bare"))), requireTags, [/lacks the tags Environment, Owner and CostCenter; set them/]);
  });

  it("flags a required tag with an empty value", async () => {
    assertOneViolation(await run(provider, withInputs(bucket, { tags: { Tier: "" } })), requireTags, [/has an empty Tier/]);
  });

  it("lets a resource's own tag override the default tag's value, as the provider does", async () => {
    assertOneViolation(await run(provider, withInputs(bucket, { tags: { Tier: "storage", Owner: "" } })), requireTags, [/has an empty Owner/]);
  });

  it("drops keys the provider's ignoreTags excludes, as the provider does", async () => {
    const ignoring = awsProvider("main", { defaultTags: { tags: STACK_TAGS }, ignoreTags: { keyPrefixes: ["Cost"] } });
    assertOneViolation(await run(ignoring, onProvider(bucket, ignoring)), requireTags, [/lacks the tag CostCenter/]);
  });

  it("checks the keys the pack config requires instead of the defaults", async () => {
    const config = { all: "mandatory" as const, "tags-require-tags": { requiredTags: ["DataClassification"] } };
    assertOneViolation(await check(requireTags, [provider, bucket], config), requireTags, [/lacks the tag DataClassification/]);
  });

  describe("not applicable", () => {
    it("ignores a type the provider does not tag (a bucket policy) and a component", async () => {
      const policy = onProvider(fixture(T.bucketPolicy, "documents-policy", { inputs: { bucket: "b", policy: "{}" } }), provider);
      assert.deepEqual(await run(provider, policy, component("awsx:ec2:Vpc", "main", { inputs: {} })), []);
    });
  });

  describe("during preview", () => {
    it("passes a tag whose value is unknown: its key is known", async () => {
      assert.deepEqual(await run(provider, withInputs(bucket, { tags: { Tier: unknownValue } })), []);
    });

    it("passes when the resource's tags are unknown but the provider's defaults already carry every required key", async () => {
      const tierDefault = awsProvider("main", { defaultTags: { tags: { ...STACK_TAGS, Tier: "storage" } } });
      assert.deepEqual(await run(tierDefault, onProvider(withInputs(bucket, { tags: unknownValue }), tierDefault)), []);
    });

    it("reports an advisory 'can't run during preview' when a missing key could still be in the unknown tags", async () => {
      assertOneViolation(await run(provider, withInputs(bucket, { tags: unknownValue })), requireTags, [/can't run policy 'tags-require-tags' during preview/, /\.tags/], "advisory");
    });

    it("falls back to the provider's defaults when tagsAll is unknown", async () => {
      assert.deepEqual(await run(provider, withInputs(bucket, { tagsAll: unknownValue })), []);
    });
  });
});
