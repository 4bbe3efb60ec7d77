import { strict as assert } from "node:assert";
import { assertOneViolation, check, fixture, withInputs } from "../../test/fixtures";
import { trail } from "../../test/monitoringFixtures";
import { enableLogFileValidation } from "./enableLogFileValidation";

describe("cloudtrail-enable-log-file-validation", () => {
  it("passes a trail with log-file validation", async () => {
    assert.deepEqual(await check(enableLogFileValidation, [trail]), []);
  });

  it("flags a trail with log-file validation off", async () => {
    const v = assertOneViolation(await check(enableLogFileValidation, [withInputs(trail, { enableLogFileValidation: false })]), enableLogFileValidation, [/log-file validation off/, /enableLogFileValidation to true/]);
    assert.equal(v.urn, trail.urn);
  });

  it("flags a trail that leaves it unset (AWS defaults to off)", async () => {
    assertOneViolation(await check(enableLogFileValidation, [withInputs(trail, { enableLogFileValidation: undefined })]), enableLogFileValidation, [/log-file validation off/]);
  });

  it("ignores other resource types", async () => {
    assert.deepEqual(await check(enableLogFileValidation, [fixture("aws:sns/topic:Topic", "t", { inputs: { kmsMasterKeyId: "k" } })]), []);
  });
});
