/**
 * The execution and task role of one ECS service, both trusting only ECS tasks of this account and
 * region, each with the inline policy rolePolicies.ts derives (none when there is nothing to grant).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { AccountContext } from "../account";
import { CreatedRole, attach } from "../cluster/roles";
import { tierTags } from "../tags";
import { EfsGrant, executionRolePolicy, taskRolePolicy, taskTrustPolicy } from "./rolePolicies";
import { EcsService, roleLogicalNames } from "./services";

type Arns = Record<string, pulumi.Input<string>>;

export interface ExecutionRoleInput {
  account: AccountContext;
  repositoryArn?: pulumi.Input<string>;
  logGroupArn: pulumi.Input<string>;
  secretArns: Arns;
  secretsKeyArn: pulumi.Input<string>;
}

export interface TaskRoleInput {
  account: AccountContext;
  bucketArns: Arns;
  secretArns: Arns;
  queueArns: Arns;
  dataKeyArn: pulumi.Input<string>;
  secretsKeyArn: pulumi.Input<string>;
  efs?: { fileSystemArn: pulumi.Input<string>; accessPointIds: Arns };
}

function role(name: string, description: string, account: AccountContext, service: string, parent: pulumi.Resource): aws.iam.Role {
  return new aws.iam.Role(name, { assumeRolePolicy: JSON.stringify(taskTrustPolicy(account)), description, tags: tierTags("cluster", { Service: service }) }, { parent });
}

/** The ECS agent's role for this service: pull its image, write its logs, inject its secrets. */
export function executionRole(parentName: string, s: EcsService, input: ExecutionRoleInput, parent: pulumi.Resource): CreatedRole {
  const name = roleLogicalNames(parentName, s.name).execution;
  const r = role(name, `ECS task execution: ${s.name}`, input.account, s.name, parent);
  const policy = pulumi
    .all([input.repositoryArn, input.logGroupArn, s.secrets.map((n) => input.secretArns[n]), input.secretsKeyArn])
    .apply(([repositoryArn, logGroupArn, secretArns, secretsKeyArn]) => executionRolePolicy({ region: input.account.region, repositoryArn, logGroupArn, secretArns, secretsKeyArn }));
  return { role: r, resources: [r, ...attach(name, r, { policy, partition: input.account.partition }, parent)] };
}

/**
 * The application's role: its buckets, secrets and queues (servicePolicy), and its access points.
 * A service that touches nothing gets a role with no policy: it can be assumed and do nothing.
 */
export function taskRole(parentName: string, s: EcsService, input: TaskRoleInput, parent: pulumi.Resource): CreatedRole {
  const name = roleLogicalNames(parentName, s.name).task;
  const r = role(name, `ECS task: ${s.name}`, input.account, s.name, parent);
  const touchesAws = s.buckets.length + s.secrets.length + s.queues.length + s.volumes.length > 0;
  const efs: pulumi.Input<EfsGrant | undefined> = input.efs && s.volumes.length > 0
    ? pulumi.all([input.efs.fileSystemArn, s.volumes.map((v) => input.efs!.accessPointIds[v.name])]).apply(([fileSystemArn, accessPointIds]) => ({ fileSystemArn, accessPointIds }))
    : undefined;
  const policy = pulumi
    .all([input.bucketArns, input.secretArns, input.queueArns, input.dataKeyArn, input.secretsKeyArn, efs])
    .apply(([bucketArns, secretArns, queueArns, dataKeyArn, secretsKeyArn, grant]) =>
      taskRolePolicy(s, { region: input.account.region, bucketArns, secretArns, queueArns, dataKeyArn, secretsKeyArn }, input.account, grant));
  return { role: r, resources: [r, ...attach(name, r, { policy: touchesAws ? policy : undefined, partition: input.account.partition }, parent)] };
}
