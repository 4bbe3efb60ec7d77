import { strict as assert } from "node:assert";
import { assertOneViolation, check, fixture, withInputs } from "../../test/fixtures";
import { trail } from "../../test/monitoringFixtures";
import { requireMultiRegionTrail } from "./requireMultiRegionTrail";

const readOnlyManagement = [{ name: "reads", fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }, { field: "readOnly", equals: ["true"] }] }];

describe("cloudtrail-require-multi-region-trail", () => {
  it("passes a multi-region trail with global events and an all-management-events selector", async () => {
    assert.deepEqual(await check(requireMultiRegionTrail, [trail]), []);
  });

  it("passes a trail without selectors (CloudTrail then records all management events)", async () => {
    assert.deepEqual(await check(requireMultiRegionTrail, [withInputs(trail, { advancedEventSelectors: undefined })]), []);
  });

  it("passes a basic event selector with management events, read and write", async () => {
    const basic = withInputs(trail, { advancedEventSelectors: undefined, eventSelectors: [{ includeManagementEvents: true, readWriteType: "All" }] });
    assert.deepEqual(await check(requireMultiRegionTrail, [basic]), []);
  });

  it("flags a single-region trail", async () => {
    const v = assertOneViolation(await check(requireMultiRegionTrail, [withInputs(trail, { isMultiRegionTrail: false })]), requireMultiRegionTrail, [/only its home region/, /isMultiRegionTrail to true/]);
    assert.equal(v.urn, trail.urn);
  });

  it("flags a trail that leaves out global service events", async () => {
    assertOneViolation(await check(requireMultiRegionTrail, [withInputs(trail, { includeGlobalServiceEvents: false })]), requireMultiRegionTrail, [/global service events/]);
  });

  it("flags a trail recording only read-only management events", async () => {
    assertOneViolation(await check(requireMultiRegionTrail, [withInputs(trail, { advancedEventSelectors: readOnlyManagement })]), requireMultiRegionTrail, [/all read and write management events/]);
  });

  it("flags a basic selector limited to write events", async () => {
    const basic = withInputs(trail, { advancedEventSelectors: undefined, eventSelectors: [{ includeManagementEvents: true, readWriteType: "WriteOnly" }] });
    assertOneViolation(await check(requireMultiRegionTrail, [basic]), requireMultiRegionTrail, [/all read and write management events/]);
  });

  it("ignores other resource types", async () => {
    assert.deepEqual(await check(requireMultiRegionTrail, [fixture("aws:s3/bucket:Bucket", "b", { inputs: { bucket: "b" } })]), []);
  });
});
