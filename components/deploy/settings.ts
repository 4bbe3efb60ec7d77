/**
 * The deploy runner's fixed settings and its names. Pure; no Pulumi imports.
 */

/**
 * CodeBuild compute types for a Linux container runner.
 * https://docs.aws.amazon.com/codebuild/latest/userguide/build-env-ref-compute-types.html
 */
export const RUNNER_COMPUTE_TYPES = ["BUILD_GENERAL1_SMALL", "BUILD_GENERAL1_MEDIUM", "BUILD_GENERAL1_LARGE"] as const;
export type RunnerComputeType = (typeof RUNNER_COMPUTE_TYPES)[number];

/** CodeBuild's build timeout bounds, minutes. https://docs.aws.amazon.com/codebuild/latest/APIReference/API_CreateProject.html */
export const RUNNER_TIMEOUT_MINUTES = { min: 5, max: 2160 } as const;

/**
 * The image jobs run in: Amazon Linux 2023 with the AWS CLI, which the kubeconfig's
 * `aws eks get-token` needs. https://docs.aws.amazon.com/codebuild/latest/userguide/ec2-compute-images.html
 */
export const RUNNER_IMAGE = "aws/codebuild/amazonlinux-x86_64-standard:5.0";

/** CodeBuild project names: 2 to 255 of A-Z a-z 0-9 - _, starting alphanumeric. https://docs.aws.amazon.com/codebuild/latest/APIReference/API_CreateProject.html */
export const PROJECT_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{1,254}$/;

/** GitHub repositories as owner/name. https://docs.github.com/en/repositories/creating-and-managing-repositories/repository-limits */
export const GITHUB_REPOSITORY_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;

/** A CodeConnections (formerly CodeStar Connections) connection ARN. https://docs.aws.amazon.com/dtconsole/latest/userguide/welcome-connections.html */
export const CONNECTION_ARN_PATTERN = /^arn:aws[\w-]*:(codeconnections|codestar-connections):[a-z0-9-]+:\d{12}:connection\/[0-9a-f-]{36}$/;

/** The runner's CodeBuild project: one per stack, named so the workflow can address it. */
export function runnerProjectName(system: string, stack: string): string {
  return `${system}-${stack}-runner`;
}

/**
 * The `runs-on` label of a workflow job for this project, with GitHub's expressions left for GitHub to
 * fill: each job gets a runner of its own, in a build of its own.
 * https://docs.aws.amazon.com/codebuild/latest/userguide/action-runner.html
 */
export function runsOnLabel(projectName: string): string {
  return `codebuild-${projectName}-\${{ github.run_id }}-\${{ github.run_attempt }}`;
}

/** The log group CodeBuild writes the project's builds to: created first, so it is encrypted and expires. */
export function runnerLogGroupName(projectName: string): string {
  return `/aws/codebuild/${projectName}`;
}

/** Every reason CodeBuild would refuse these settings (empty when it would accept them). */
export function runnerProblems(a: { projectName: string; repository: string; connectionArn: string; timeoutMinutes: number }): string[] {
  const out: string[] = [];
  if (!PROJECT_NAME_PATTERN.test(a.projectName)) out.push(`projectName "${a.projectName}": CodeBuild project names are 2 to 255 of A-Z, a-z, 0-9, '-' and '_', starting alphanumeric`);
  if (!GITHUB_REPOSITORY_PATTERN.test(a.repository)) out.push(`github.repository "${a.repository}": expected owner/name of a GitHub repository`);
  if (!CONNECTION_ARN_PATTERN.test(a.connectionArn)) out.push(`github.connectionArn "${a.connectionArn}": expected a CodeConnections connection ARN`);
  const { min, max } = RUNNER_TIMEOUT_MINUTES;
  if (!Number.isInteger(a.timeoutMinutes) || a.timeoutMinutes < min || a.timeoutMinutes > max) out.push(`timeoutMinutes ${a.timeoutMinutes}: CodeBuild allows ${min} to ${max}`);
  return out;
}
