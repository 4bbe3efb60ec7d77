import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childName } from "../naming";
import { AccountContext, accountContext } from "../account";
import { tierTags } from "../tags";
import { runnerPolicy, runnerTrustPolicy } from "./runnerPolicy";
import { RUNNER_IMAGE, RunnerComputeType, runnerLogGroupName, runnerProblems, runsOnLabel } from "./settings";
import { ComponentArgsError } from "../errors";

export interface RunnerArgs {
  /**
   * Physical CodeBuild project name, 2 to 255 of A-Z a-z 0-9 - _: a job runs on it with
   * `runs-on: codebuild-<projectName>-${{ github.run_id }}-${{ github.run_attempt }}`.
   * https://docs.aws.amazon.com/codebuild/latest/userguide/action-runner.html
   */
  projectName: string;
  /**
   * Account, partition and region: the role's trust and policy name them.
   * @default what the component's provider answers
   */
  account?: AccountContext;
  vpcId: pulumi.Input<string>;
  /** Private subnets with a NAT route (GitHub, npm, Pulumi and AWS APIs are reached through it). */
  privateSubnetIds: pulumi.Input<string[]>;
  github: {
    /** owner/name of the repository whose workflow jobs the runner takes. */
    repository: string;
    /**
     * An AVAILABLE CodeConnections connection to GitHub (the GitHub App handshake is completed in the
     * console once, so it cannot be created here). https://docs.aws.amazon.com/codebuild/latest/userguide/connections-github-app.html
     */
    connectionArn: string;
    /**
     * Only jobs of this workflow (its `name:`) start a build; others are ignored.
     * @default "infrastructure"
     * https://docs.aws.amazon.com/codebuild/latest/userguide/github-webhook.html
     */
    workflowName?: string;
  };
  /** @default "BUILD_GENERAL1_SMALL" (3 GB, 2 vCPUs). https://docs.aws.amazon.com/codebuild/latest/userguide/build-env-ref-compute-types.html */
  computeType?: RunnerComputeType;
  /** Minutes a job may run before CodeBuild stops it, 5..2160. @default 60 */
  timeoutMinutes?: number;
  /** Build logs: retention (a CloudWatch Logs value) and the KMS key for them and anything else CodeBuild stores. */
  logs: { retentionDays: number; kmsKeyArn: pulumi.Input<string> };
}

/** Regex of exactly this text, for a webhook filter. */
const exactly = (text: string) => `^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`;

/**
 * A self-hosted GitHub Actions runner inside the VPC: an AWS CodeBuild project whose webhook turns
 * each queued workflow job into a fresh, ephemeral build in the private subnets. It has no inbound
 * rule at all (only HTTPS out), its role can do nothing but run the build (jobs assume the OIDC
 * deploy roles), and its logs are encrypted and expire. The cluster admits its security group on 443.
 * https://docs.aws.amazon.com/codebuild/latest/userguide/action-runner-overview.html
 */
export class Runner extends pulumi.ComponentResource {
  readonly projectName: string;
  /** The `runs-on` label a workflow job uses, with GitHub's run id and attempt expressions. */
  readonly runsOn: string;
  /** The runner's security group: what the private API endpoint admits. */
  readonly securityGroupId: pulumi.Output<string>;
  readonly roleArn: pulumi.Output<string>;

  constructor(name: string, args: RunnerArgs, opts?: pulumi.ComponentResourceOptions) {
    super("platform:deploy:Runner", name, {}, opts);
    const timeoutMinutes = args.timeoutMinutes ?? 60;
    const problems = runnerProblems({ projectName: args.projectName, repository: args.github.repository, connectionArn: args.github.connectionArn, timeoutMinutes });
    if (problems.length > 0) throw new ComponentArgsError(`${name}: CodeBuild would reject this runner: ${problems.join("; ")}`);
    this.projectName = args.projectName;
    this.runsOn = runsOnLabel(args.projectName);

    // No ingress rule: nothing connects to a runner; it polls GitHub. HTTPS out is all a job needs.
    const sg = new aws.ec2.SecurityGroup(childName(name, "sg"), {
      vpcId: args.vpcId,
      description: "Deploy runner: no inbound; HTTPS out to GitHub, registries and AWS APIs",
      ingress: [],
      egress: [{ description: "HTTPS", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }],
      tags: tierTags("deploy"),
    }, { parent: this });
    const logs = new aws.cloudwatch.LogGroup(childName(name, "logs"), {
      name: runnerLogGroupName(args.projectName), retentionInDays: args.logs.retentionDays, kmsKeyId: args.logs.kmsKeyArn, tags: tierTags("deploy"),
    }, { parent: this });
    const account = accountContext(this, args.account);
    const role = new aws.iam.Role(childName(name, "role"), {
      assumeRolePolicy: account.apply((a) => JSON.stringify(runnerTrustPolicy(a, args.projectName))),
      description: `CodeBuild runner ${args.projectName}: logs, VPC interfaces, GitHub connection`,
      tags: tierTags("deploy"),
    }, { parent: this });
    const policy = new aws.iam.RolePolicy(childName(name, "role"), {
      role: role.id,
      policy: pulumi.all([account, logs.arn, args.privateSubnetIds]).apply(([a, logGroupArn, subnetIds]) =>
        JSON.stringify(runnerPolicy({ ...a, logGroupArn, subnetIds, connectionArn: args.github.connectionArn }))),
    }, { parent: this });
    const project = this.project(name, args, { role, sg, logs, timeoutMinutes }, policy);
    new aws.codebuild.Webhook(childName(name, "webhook"), {
      projectName: project.name,
      buildType: "BUILD",
      filterGroups: [{ filters: [
        { type: "EVENT", pattern: "WORKFLOW_JOB_QUEUED" },
        { type: "WORKFLOW_NAME", pattern: exactly(args.github.workflowName ?? "infrastructure") },
      ] }],
    }, { parent: this });

    this.securityGroupId = sg.id;
    this.roleArn = role.arn;
    this.registerOutputs({ projectName: this.projectName, runsOn: this.runsOn, securityGroupId: this.securityGroupId, roleArn: this.roleArn });
  }

  /**
   * The project. CodeBuild checks at creation that its role may manage network interfaces in the
   * VPC, so it waits for the role's policy. Privileged mode stays off (no Docker daemon: jobs run
   * Pulumi, not builds); no artifacts, no S3 logs.
   */
  private project(name: string, args: RunnerArgs, r: { role: aws.iam.Role; sg: aws.ec2.SecurityGroup; logs: aws.cloudwatch.LogGroup; timeoutMinutes: number }, policy: aws.iam.RolePolicy): aws.codebuild.Project {
    return new aws.codebuild.Project(childName(name, "project"), {
      name: args.projectName,
      description: `GitHub Actions runner for ${args.github.repository} inside the VPC`,
      serviceRole: r.role.arn,
      source: { type: "GITHUB", location: `https://github.com/${args.github.repository}`, auth: { type: "CODECONNECTIONS", resource: args.github.connectionArn } },
      artifacts: { type: "NO_ARTIFACTS" },
      environment: { type: "LINUX_CONTAINER", computeType: args.computeType ?? "BUILD_GENERAL1_SMALL", image: RUNNER_IMAGE, imagePullCredentialsType: "CODEBUILD", privilegedMode: false },
      vpcConfig: { vpcId: args.vpcId, subnets: args.privateSubnetIds, securityGroupIds: [r.sg.id] },
      logsConfig: { cloudwatchLogs: { status: "ENABLED", groupName: r.logs.name }, s3Logs: { status: "DISABLED" } },
      encryptionKey: args.logs.kmsKeyArn,
      buildTimeout: r.timeoutMinutes,
      tags: tierTags("deploy"),
    }, { parent: this, dependsOn: [policy] });
  }
}
