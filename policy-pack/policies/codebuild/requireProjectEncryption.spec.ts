import { strict as assert } from "node:assert";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { assertOneViolation, check, withInputs } from "../../test/fixtures";
import { runnerProject, runnerProjectInputs } from "../../test/deployFixtures";
import { requireProjectEncryption as policy } from "./requireProjectEncryption";

describe("codebuild-require-project-encryption", () => {
  it("passes a project encrypted with a customer-managed key", async () => {
    assert.deepEqual(await check(policy, [runnerProject]), []);
  });

  it("flags a project on the AWS managed key, or named by alias", async () => {
    assertOneViolation(await check(policy, [withInputs(runnerProject, { encryptionKey: undefined })]), policy, [/encrypts with the AWS managed key; set encryptionKey to a customer-managed KMS key ARN/]);
    assertOneViolation(await check(policy, [withInputs(runnerProject, { encryptionKey: "alias/aws/s3" })]), policy, [/encrypts with "alias\/aws\/s3", not a customer-managed key ARN/]);
  });

  it("flags S3 logs or artifacts stored unencrypted", async () => {
    const s3 = withInputs(runnerProject, { logsConfig: { ...runnerProjectInputs.logsConfig, s3Logs: { status: "ENABLED", location: "logs/x", encryptionDisabled: true } } });
    assertOneViolation(await check(policy, [s3]), policy, [/stores logsConfig\.s3Logs unencrypted; remove encryptionDisabled: true/]);
    const artifacts = withInputs(runnerProject, { artifacts: { type: "S3", location: "b", encryptionDisabled: true }, secondaryArtifacts: [{ type: "S3", location: "b", artifactIdentifier: "reports", encryptionDisabled: true }] });
    assertOneViolation(await check(policy, [artifacts]), policy, [/stores artifacts, secondaryArtifacts reports unencrypted/]);
  });

  it("reports an advisory 'can't run during preview' when the key is unknown", async () => {
    assertOneViolation(await check(policy, [withInputs(runnerProject, { encryptionKey: unknownValue })]), policy, [/can't run policy 'codebuild-require-project-encryption' during preview/], "advisory");
  });
});
