/**
 * The runner's IAM: who may assume its role (CodeBuild, for this project only) and what the role may
 * do, which is only what CodeBuild itself needs to run a build in the VPC. The role deploys nothing:
 * each job assumes a GitHub OIDC deploy role for that. Pure; no Pulumi imports.
 */
import { PolicyDocument, policyDocument, serviceTrustPolicy } from "../iam/policyDocument";

export interface RunnerPolicyInput {
  partition: string;
  region: string;
  accountId: string;
  /** The project's log group ARN (without the trailing `:*`). */
  logGroupArn: string;
  /** The subnets the project runs in: the only ones its network interfaces may be created in. */
  subnetIds: string[];
  /** The CodeConnections connection that authenticates the project to GitHub. */
  connectionArn: string;
}

/** The project's ARN, the only source CodeBuild may assume the role for (confused-deputy guard). */
export function projectArn(a: { partition: string; region: string; accountId: string }, projectName: string): string {
  return `arn:${a.partition}:codebuild:${a.region}:${a.accountId}:project/${projectName}`;
}

export function runnerTrustPolicy(a: { partition: string; region: string; accountId: string }, projectName: string): PolicyDocument {
  return serviceTrustPolicy("codebuild.amazonaws.com", a.accountId, projectArn(a, projectName));
}

/**
 * - Logs: write streams of its own log group only.
 * - VPC: CodeBuild creates and deletes the build's network interface itself, with the role's
 *   permissions; EC2's describe calls take no resource. Attaching the interface is limited to the
 *   project's subnets and to CodeBuild as the authorized service.
 *   https://docs.aws.amazon.com/codebuild/latest/userguide/auth-and-access-control-iam-identity-based-access-control.html#customer-managed-policies-example-create-vpc-network-interface
 * - Source: a token from the one GitHub connection, to register the runner with GitHub.
 *   https://docs.aws.amazon.com/codebuild/latest/userguide/connections-github-app.html
 */
export function runnerPolicy(i: RunnerPolicyInput): PolicyDocument {
  const subnetArns = i.subnetIds.map((id) => `arn:${i.partition}:ec2:${i.region}:${i.accountId}:subnet/${id}`);
  return policyDocument(
    { Sid: "WriteBuildLogs", Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: `${i.logGroupArn}:*` },
    {
      Sid: "ManageBuildNetworkInterfaces",
      Effect: "Allow",
      Action: ["ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface", "ec2:DescribeDhcpOptions", "ec2:DescribeNetworkInterfaces", "ec2:DescribeSecurityGroups", "ec2:DescribeSubnets", "ec2:DescribeVpcs"],
      Resource: "*",
    },
    {
      Sid: "AttachInProjectSubnetsOnly",
      Effect: "Allow",
      Action: "ec2:CreateNetworkInterfacePermission",
      Resource: `arn:${i.partition}:ec2:${i.region}:${i.accountId}:network-interface/*`,
      Condition: { StringEquals: { "ec2:AuthorizedService": "codebuild.amazonaws.com" }, ArnEquals: { "ec2:Subnet": subnetArns } },
    },
    { Sid: "UseGitHubConnection", Effect: "Allow", Action: ["codeconnections:GetConnectionToken", "codeconnections:GetConnection"], Resource: i.connectionArn },
  );
}
