import { strict as assert } from "node:assert";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { assertOneViolation, check, fixture, withInputs } from "../../test/fixtures";
import { trail } from "../../test/monitoringFixtures";
import { requireTrailEncryption } from "./requireTrailEncryption";

describe("cloudtrail-require-trail-encryption", () => {
  it("passes a trail with a KMS key", async () => {
    assert.deepEqual(await check(requireTrailEncryption, [trail]), []);
  });

  it("flags a trail without kmsKeyId", async () => {
    const v = assertOneViolation(await check(requireTrailEncryption, [withInputs(trail, { kmsKeyId: undefined })]), requireTrailEncryption, [/no kmsKeyId/, /customer-managed KMS key/]);
    assert.equal(v.urn, trail.urn);
  });

  it("ignores other resource types", async () => {
    assert.deepEqual(await check(requireTrailEncryption, [fixture("aws:kms/key:Key", "k", { inputs: { enableKeyRotation: true } })]), []);
  });

  it("reports an advisory 'can't run during preview' when kmsKeyId is unknown", async () => {
    assertOneViolation(await check(requireTrailEncryption, [withInputs(trail, { kmsKeyId: unknownValue })]), requireTrailEncryption, [/can't run policy 'cloudtrail-require-trail-encryption' during preview/], "advisory");
  });
});
