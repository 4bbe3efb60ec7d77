import { strict as assert } from "node:assert";
import { assertOneViolation, check, withInputs } from "../../test/fixtures";
import { runnerProject, runnerProjectInputs } from "../../test/deployFixtures";
import { requireProjectLogging as policy } from "./requireProjectLogging";

const logs = (cloudwatchLogs: Record<string, unknown>) => withInputs(runnerProject, { logsConfig: { ...runnerProjectInputs.logsConfig, cloudwatchLogs } });

describe("codebuild-require-project-logging", () => {
  it("passes a project logging to a log group it names", async () => {
    assert.deepEqual(await check(policy, [runnerProject]), []);
  });

  it("flags a project with CloudWatch logs disabled", async () => {
    assertOneViolation(await check(policy, [logs({ status: "DISABLED" })]), policy, [/CloudWatch build logs disabled; set logsConfig\.cloudwatchLogs\.status to ENABLED/]);
  });

  it("flags a project that leaves CodeBuild to create its log group", async () => {
    assertOneViolation(await check(policy, [logs({ status: "ENABLED" })]), policy, [/names no log group, so CodeBuild creates one unencrypted and kept forever/]);
    assertOneViolation(await check(policy, [withInputs(runnerProject, { logsConfig: undefined })]), policy, [/names no log group/]);
  });
});
