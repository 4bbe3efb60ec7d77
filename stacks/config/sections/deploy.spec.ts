import { strict as assert } from "node:assert";
import { join } from "node:path";
import { readStackFile } from "../../../offline/stackFile";
import { readPlatformConfig } from "../load";
import { configProblems } from "../testing";

const ROOT = join(__dirname, "..", "..", "..");
const devWith = (deploy: unknown, extra: Record<string, unknown> = {}) => ({
  ...readStackFile(join(ROOT, "Pulumi.dev.yaml")),
  "platform:deploy": JSON.stringify(deploy),
  ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, JSON.stringify(v)])),
});
const connectionArn = "arn:aws:codeconnections:us-west-2:123456789012:connection/0b9f3c2e-1d4a-4e5f-8a7b-6c5d4e3f2a1b";

describe("platform:deploy", () => {
  it("keeps the runner off by default, and fills its settings from the profile when a stack turns it on", () => {
    const raw = readStackFile(join(ROOT, "Pulumi.dev.yaml"));
    delete raw["platform:deploy"];
    assert.equal(readPlatformConfig(raw, "dev").deploy.runner.enabled, false);
    const on = readPlatformConfig(devWith({ runner: { enabled: true, repository: "acme/platform", connectionArn } }), "dev").deploy.runner;
    assert.deepEqual(on, { enabled: true, repository: "acme/platform", connectionArn, workflowName: "infrastructure", computeType: "BUILD_GENERAL1_SMALL", timeoutMinutes: 60 });
  });

  it("requires the repository and the connection with the runner on", () => {
    const problems = configProblems(devWith({ runner: { enabled: true } }));
    assert.deepEqual(problems.map((p) => p.key), ["platform:deploy.runner.repository", "platform:deploy.runner.connectionArn"]);
    assert.match(problems[1].allowed, /AVAILABLE CodeConnections connection to GitHub/);
  });

  it("refuses a runner without an EKS cluster, a malformed repository or connection, and a timeout CodeBuild refuses", () => {
    const table: Array<[unknown, Record<string, unknown>, string]> = [
      [{ runner: { enabled: true, repository: "acme/platform", connectionArn } }, { "platform:cluster": { enabled: false } }, "platform:deploy.runner.enabled"],
      [{ runner: { enabled: true, repository: "acme", connectionArn } }, {}, "platform:deploy.runner.repository"],
      [{ runner: { enabled: true, repository: "acme/platform", connectionArn: "arn:aws:iam::123456789012:role/x" } }, {}, "platform:deploy.runner.connectionArn"],
      [{ runner: { enabled: true, repository: "acme/platform", connectionArn, timeoutMinutes: 4 } }, {}, "platform:deploy.runner.timeoutMinutes"],
      [{ runner: { enabled: true, repository: "acme/platform", connectionArn, computeType: "BUILD_GENERAL1_2XLARGE" } }, {}, "platform:deploy.runner.computeType"],
    ];
    for (const [deploy, extra, key] of table) assert.deepEqual(configProblems(devWith(deploy, extra)).map((p) => p.key), [key], key);
  });
});
