import { strict as assert } from "node:assert";
import * as fc from "fast-check";
import { runnerProblems, runnerProjectName, runsOnLabel } from "./settings";

const ok = {
  projectName: "medsearch-dev-runner",
  repository: "acme/medsearch-platform",
  connectionArn: "arn:aws:codeconnections:us-west-2:123456789012:connection/0b9f3c2e-1d4a-4e5f-8a7b-6c5d4e3f2a1b",
  timeoutMinutes: 60,
};

describe("runner settings", () => {
  it("labels a job with the project, the run id and the attempt, as CodeBuild expects", () => {
    assert.equal(runsOnLabel("medsearch-prod-runner"), "codebuild-medsearch-prod-runner-${{ github.run_id }}-${{ github.run_attempt }}");
  });

  it("accepts valid settings and names every field CodeBuild would refuse", () => {
    assert.deepEqual(runnerProblems(ok), []);
    const bad = runnerProblems({ projectName: "medsearch.dev-runner", repository: "acme", connectionArn: "arn:aws:iam::123456789012:role/x", timeoutMinutes: 4 });
    assert.equal(bad.length, 4);
    assert.match(bad.join("\n"), /projectName "medsearch\.dev-runner".*\n.*github\.repository "acme".*\n.*connectionArn.*\n.*timeoutMinutes 4: CodeBuild allows 5 to 2160/);
  });

  it("names projects that CodeBuild accepts for every system and stack name of the usual alphabet", () => {
    fc.assert(fc.property(fc.stringMatching(/^[a-z][a-z0-9-]{1,14}[a-z0-9]$/), fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,30}$/), (system, stack) => {
      assert.deepEqual(runnerProblems({ ...ok, projectName: runnerProjectName(system, stack) }), []);
    }));
  });
});
