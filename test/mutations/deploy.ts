/**
 * Careless changes to the deploy runner of the prod stack. Every security setting these policies
 * guard is hard-wired in components/deploy, not config, so each row is the config error that stops
 * the change, and makes the same change in code on the runner's CodeBuild project.
 */
import { type Mutation, noSuchKey } from "./harness";

const PROJECT = "aws:codebuild/project:Project";
const NOT_A_KNOB = "it is hard-wired in the deploy runner component, not config; the policy guards hand-written CodeBuild projects and other programs using the pack";

export const DEPLOY_MUTATIONS: Mutation[] = [
  {
    policy: "codebuild-require-project-logging",
    change: "turn the runner's build logs off to save on CloudWatch",
    set: { "platform:deploy.runner.logs": false },
    configError: noSuchKey("platform:deploy.runner.logs"),
    because: NOT_A_KNOB,
    inCode: { type: PROJECT, patch: (p) => ({ ...p, logsConfig: { cloudwatchLogs: { status: "DISABLED" }, s3Logs: { status: "DISABLED" } } }), message: /^CodeBuild project has CloudWatch build logs disabled; set logsConfig\.cloudwatchLogs\.status to ENABLED/ },
  },
  {
    policy: "codebuild-require-project-encryption",
    change: "let the runner fall back to the AWS managed key",
    set: { "platform:deploy.runner.encryptionKey": "" },
    configError: noSuchKey("platform:deploy.runner.encryptionKey"),
    because: NOT_A_KNOB,
    inCode: { type: PROJECT, patch: (p) => ({ ...p, encryptionKey: undefined }), message: /^CodeBuild project encrypts with the AWS managed key; set encryptionKey to a customer-managed KMS key ARN\.$/ },
  },
  {
    policy: "codebuild-disallow-privileged-mode",
    change: "run the runner privileged to build container images on it",
    set: { "platform:deploy.runner.privilegedMode": true },
    configError: noSuchKey("platform:deploy.runner.privilegedMode"),
    because: NOT_A_KNOB,
    inCode: { type: PROJECT, patch: (p) => ({ ...p, environment: { ...p.environment, privilegedMode: true } }), message: /^CodeBuild project runs builds in privileged mode, root on the build host; set environment\.privilegedMode to false\.$/ },
  },
  {
    policy: "codebuild-disallow-plaintext-credentials",
    change: "give the runner a deploy user's access keys instead of the OIDC roles",
    set: { "platform:deploy.runner.environmentVariables": { AWS_ACCESS_KEY_ID: "AKIAEXAMPLE" } },
    configError: noSuchKey("platform:deploy.runner.environmentVariables"),
    because: NOT_A_KNOB,
    inCode: {
      type: PROJECT,
      patch: (p) => ({ ...p, environment: { ...p.environment, environmentVariables: [{ name: "AWS_ACCESS_KEY_ID", value: "AKIAEXAMPLE" }, { name: "AWS_SECRET_ACCESS_KEY", value: "example" }] } }),
      message: /^CodeBuild project sets AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY in plain text/,
    },
  },
];
