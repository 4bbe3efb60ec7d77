import { strict as assert } from "node:assert";
import { assertOneViolation, check, withInputs } from "../../test/fixtures";
import { runnerProject, runnerProjectInputs } from "../../test/deployFixtures";
import { disallowPlaintextCredentials as policy } from "./disallowPlaintextCredentials";

const withVariables = (environmentVariables: unknown[]) => withInputs(runnerProject, { environment: { ...runnerProjectInputs.environment, environmentVariables } });

describe("codebuild-disallow-plaintext-credentials", () => {
  it("passes a project with no credentials, and AWS keys kept in Secrets Manager", async () => {
    assert.deepEqual(await check(policy, [runnerProject]), []);
    assert.deepEqual(await check(policy, [withVariables([{ name: "AWS_ACCESS_KEY_ID", type: "SECRETS_MANAGER", value: "ci/keys:id" }, { name: "STAGE", value: "prod" }])]), []);
  });

  it("flags AWS access keys in plain-text environment variables", async () => {
    assertOneViolation(await check(policy, [withVariables([{ name: "AWS_ACCESS_KEY_ID", value: "AKIA..." }, { name: "AWS_SECRET_ACCESS_KEY", type: "PLAINTEXT", value: "x" }])]), policy,
      [/sets AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY in plain text; remove them and let the project's service role give builds their AWS identity/]);
  });

  it("flags a token in a source URL, primary or secondary", async () => {
    const primary = withInputs(runnerProject, { source: { type: "GITHUB", location: "https://x-access-token:ghp_abc@github.com/example-org/medsearch-platform" } });
    assertOneViolation(await check(policy, [primary]), policy, [/credentials in a source URL; authenticate the source with source\.auth/]);
    const secondary = withInputs(runnerProject, { secondarySources: [{ type: "GITHUB", sourceIdentifier: "lib", location: "https://user:pw@github.com/example-org/lib" }] });
    assertOneViolation(await check(policy, [secondary]), policy, [/credentials in a source URL/]);
  });
});
