/**
 * `platform:deploy`: how a deployment reaches the cluster. A stack deploys in two steps: the AWS
 * step (every AWS resource, the runner among them) and the Kubernetes step (every object created
 * through the cluster's API), which must run from a network that reaches the API endpoint.
 */
import { z } from "zod";
import { CONNECTION_ARN_PATTERN, GITHUB_REPOSITORY_PATTERN, RUNNER_COMPUTE_TYPES, RUNNER_TIMEOUT_MINUTES } from "../../../components/deploy/settings";
import type { ConfigProblem } from "../problems";
import type { Profile } from "../values";
import type { ClusterConfig, EksClusterConfig } from "./cluster";

export const deploySchema = z.strictObject({
  runner: z.strictObject({
    enabled: z.boolean().describe("Create the in-VPC GitHub Actions runner (a CodeBuild project in the private subnets, admitted on 443 to the private API endpoint), which runs the Kubernetes step. Only with an EKS cluster."),
    repository: z.string().regex(GITHUB_REPOSITORY_PATTERN, "owner/name of a GitHub repository").optional()
      .describe("owner/name of the GitHub repository whose workflow jobs the runner takes. Required with enabled: true."),
    connectionArn: z.string().regex(CONNECTION_ARN_PATTERN, "a CodeConnections connection ARN such as arn:aws:codeconnections:us-west-2:123456789012:connection/<uuid>").optional()
      .describe("ARN of an AVAILABLE CodeConnections connection to GitHub (created and authorized once in the console; docs/real-aws.md). Required with enabled: true."),
    workflowName: z.string().min(1).max(100).describe("The workflow (its name:) whose jobs start builds; other workflows' jobs are ignored."),
    computeType: z.enum(RUNNER_COMPUTE_TYPES).describe("CodeBuild compute type of each job's build."),
    timeoutMinutes: z.number().int().min(RUNNER_TIMEOUT_MINUTES.min).max(RUNNER_TIMEOUT_MINUTES.max).describe(`Minutes a job may run before CodeBuild stops it, ${RUNNER_TIMEOUT_MINUTES.min} to ${RUNNER_TIMEOUT_MINUTES.max}.`),
  }),
});
export type DeployConfig = z.infer<typeof deploySchema>;

const RUNNER_OFF: DeployConfig = { runner: { enabled: false, workflowName: "infrastructure", computeType: "BUILD_GENERAL1_SMALL", timeoutMinutes: 60 } };

/** The runner is off until a stack names its repository and connection, which have no default. */
export const DEPLOY_DEFAULTS: Record<Profile, DeployConfig> = { dev: RUNNER_OFF, staging: RUNNER_OFF, prod: RUNNER_OFF };

const KEY = "platform:deploy";

/** True when the stack builds an EKS cluster, the only engine with a Kubernetes step. */
export const hasKubernetesStep = (cluster: ClusterConfig | undefined): cluster is EksClusterConfig => Boolean(cluster?.enabled && cluster.engine === "eks");

export function deployRules(c: { deploy?: DeployConfig; cluster?: ClusterConfig }): ConfigProblem[] {
  const r = c.deploy?.runner;
  if (!r?.enabled) return [];
  const out: ConfigProblem[] = [];
  if (c.cluster && !hasKubernetesStep(c.cluster)) {
    out.push({ key: `${KEY}.runner.enabled`, value: true, allowed: "false unless platform:cluster is enabled with engine eks: the runner exists to reach the EKS API endpoint from inside the VPC" });
  }
  if (r.repository === undefined) out.push({ key: `${KEY}.runner.repository`, value: undefined, allowed: "owner/name of the GitHub repository whose workflow runs the deployment, when runner.enabled is true" });
  if (r.connectionArn === undefined) out.push({ key: `${KEY}.runner.connectionArn`, value: undefined, allowed: "the ARN of an AVAILABLE CodeConnections connection to GitHub, when runner.enabled is true (create it once: see docs/real-aws.md)" });
  return out;
}
