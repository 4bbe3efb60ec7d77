import { strict as assert } from "node:assert";
import { runnerProject, runnerProjects } from "./runnerProjects";

describe("scripts/runnerProjects (the workflow's runs-on labels)", () => {
  it("names each stack's runner project as the program does", () => {
    assert.deepEqual(runnerProjects(["dev", "prod"]), { dev: "medsearch-dev-runner", prod: "medsearch-prod-runner" });
  });

  it("gives no project for a stack without a runner, so its Kubernetes jobs are skipped", () => {
    assert.equal(runnerProject("dev", { "platform:name": "medsearch" }), "");
    assert.equal(runnerProject("dev", { "platform:name": "medsearch", "platform:deploy": JSON.stringify({ runner: { enabled: false } }) }), "");
  });
});
