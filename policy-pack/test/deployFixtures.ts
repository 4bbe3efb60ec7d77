/**
 * A CodeBuild project as the deploy tier's runner registers it: the compliant baseline the CodeBuild
 * policies' specs change one property of.
 */
import { T } from "../lib/types";
import { fixture, onProvider, awsProvider } from "./fixtures";

export const runnerProjectInputs = {
  name: "medsearch-prod-runner",
  serviceRole: "arn:aws:iam::123456789012:role/medsearch-runner-role-1a2b3c4",
  source: { type: "GITHUB", location: "https://github.com/example-org/medsearch-platform", auth: { type: "CODECONNECTIONS", resource: "arn:aws:codeconnections:us-west-2:123456789012:connection/00000000-0000-4000-8000-000000000000" } },
  artifacts: { type: "NO_ARTIFACTS" },
  environment: { type: "LINUX_CONTAINER", computeType: "BUILD_GENERAL1_SMALL", image: "aws/codebuild/amazonlinux-x86_64-standard:5.0", imagePullCredentialsType: "CODEBUILD", privilegedMode: false },
  vpcConfig: { vpcId: "vpc-1", subnets: ["subnet-a", "subnet-b", "subnet-c"], securityGroupIds: ["sg-runner"] },
  logsConfig: { cloudwatchLogs: { status: "ENABLED", groupName: "/aws/codebuild/medsearch-prod-runner" }, s3Logs: { status: "DISABLED" } },
  encryptionKey: "arn:aws:kms:us-west-2:123456789012:key/6884e2fe-91b9-4e74-a3b9-5ee27f0bb856",
  buildTimeout: 60,
  tags: { Tier: "deploy" },
};

export const runnerProject = onProvider(fixture(T.codebuildProject, "medsearch-runner-project", { inputs: runnerProjectInputs }), awsProvider("medsearch", { region: "us-west-2" }));
