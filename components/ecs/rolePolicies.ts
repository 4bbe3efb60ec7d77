/**
 * The two roles of every ECS service, as typed policy documents. Pure; no Pulumi imports.
 *
 * The execution role is the ECS agent's while it starts the task: pull the service's own image,
 * write to its log group, read the secrets its definition injects. The task role is the
 * application's: exactly the buckets, secrets and queues its config names (servicePolicy, shared
 * with the EKS engine), and its EFS access points.
 */
import type { AccountContext } from "../account";
import { PolicyDocument, PolicyStatement, policyDocument, serviceTrustPolicy } from "../iam/policyDocument";
import { GrantContext, servicePolicy } from "../cluster/servicePolicy";
import type { EcsService } from "./services";

/**
 * ECS tasks may assume the role, only on behalf of this account's ECS resources in this region
 * (confused-deputy guard). https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html
 */
export function taskTrustPolicy(a: AccountContext): PolicyDocument {
  return serviceTrustPolicy("ecs-tasks.amazonaws.com", a.accountId, `arn:${a.partition}:ecs:${a.region}:${a.accountId}:*`);
}

export interface ExecutionContext {
  region: string;
  /** The service's own repository; absent for a third-party image, which needs no ECR access. */
  repositoryArn?: string;
  /** Its log group's ARN (without the ":*" suffix, as the provider returns it). */
  logGroupArn: string;
  /** Exactly the ARNs of the secrets its task definition injects. */
  secretArns: string[];
  secretsKeyArn: string;
}

function ecrStatements(repositoryArn: string | undefined): PolicyStatement[] {
  if (!repositoryArn) return [];
  return [
    // GetAuthorizationToken has no resource type, so it can only be granted on "*".
    // https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerregistry.html
    { Sid: "EcrAuthToken", Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" },
    { Sid: "EcrPull", Effect: "Allow", Action: ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"], Resource: repositoryArn },
  ];
}

function secretStatements(ctx: ExecutionContext): PolicyStatement[] {
  if (ctx.secretArns.length === 0) return [];
  // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar-secrets-manager.html
  return [
    { Sid: "InjectSecrets", Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: ctx.secretArns },
    {
      Sid: "SecretsKey",
      Effect: "Allow",
      Action: "kms:Decrypt",
      Resource: ctx.secretsKeyArn,
      Condition: { StringEquals: { "kms:ViaService": `secretsmanager.${ctx.region}.amazonaws.com` } },
    },
  ];
}

/**
 * The execution role's policy: ECR pull of its own repository, its own log group, its own secrets.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html
 */
export function executionRolePolicy(ctx: ExecutionContext): PolicyDocument {
  return policyDocument(
    ...ecrStatements(ctx.repositoryArn),
    { Sid: "Logs", Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: [ctx.logGroupArn, `${ctx.logGroupArn}:log-stream:*`] },
    ...secretStatements(ctx),
  );
}

/** The ARN of an EFS access point. https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticfilesystem.html */
export function accessPointArn(a: AccountContext, accessPointId: string): string {
  return `arn:${a.partition}:elasticfilesystem:${a.region}:${a.accountId}:access-point/${accessPointId}`;
}

export interface EfsGrant {
  fileSystemArn: string;
  /** Access point ids of the service's volumes. */
  accessPointIds: string[];
}

/**
 * Mount and write the file system, only through the service's own access points (IAM
 * authorization is on for every EFS volume). https://docs.aws.amazon.com/efs/latest/ug/access-points-iam-policy.html
 */
export function efsStatement(a: AccountContext, efs: EfsGrant): PolicyStatement {
  return {
    Sid: "EfsAccessPoints",
    Effect: "Allow",
    Action: ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"],
    Resource: efs.fileSystemArn,
    Condition: { StringEquals: { "elasticfilesystem:AccessPointArn": efs.accessPointIds.map((id) => accessPointArn(a, id)) } },
  };
}

/** The task role's policy, or undefined when the service touches nothing in AWS (no policy at all). */
export function taskRolePolicy(s: EcsService, ctx: GrantContext, a: AccountContext, efs?: EfsGrant): PolicyDocument | undefined {
  const statements = [...(servicePolicy(s, ctx)?.Statement ?? []), ...(efs && efs.accessPointIds.length > 0 ? [efsStatement(a, efs)] : [])];
  return statements.length > 0 ? policyDocument(...statements) : undefined;
}
