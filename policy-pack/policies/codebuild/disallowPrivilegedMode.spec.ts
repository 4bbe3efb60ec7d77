import { strict as assert } from "node:assert";
import { assertOneViolation, check, withInputs } from "../../test/fixtures";
import { runnerProject, runnerProjectInputs } from "../../test/deployFixtures";
import { disallowPrivilegedMode as policy } from "./disallowPrivilegedMode";

describe("codebuild-disallow-privileged-mode", () => {
  it("passes a project without privileged mode, set false or left out", async () => {
    assert.deepEqual(await check(policy, [runnerProject]), []);
    const { privilegedMode: _, ...environment } = runnerProjectInputs.environment;
    assert.deepEqual(await check(policy, [withInputs(runnerProject, { environment })]), []);
  });

  it("flags a project in privileged mode", async () => {
    assertOneViolation(await check(policy, [withInputs(runnerProject, { environment: { ...runnerProjectInputs.environment, privilegedMode: true } })]), policy, [/runs builds in privileged mode, root on the build host; set environment\.privilegedMode to false/]);
  });
});
