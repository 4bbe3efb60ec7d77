/**
 * IAM (roles with their inline policies and attachments folded in, instance profiles, OIDC
 * providers), KMS (keys with their key policies folded in, aliases) and Secrets Manager (secrets
 * with their versions folded in, rotation schedules).
 */
import { compact, json } from "../props";
import type { Mapping, Props } from "../types";

const push = (parent: Props, key: string, value: unknown) => {
  parent[key] = [...(parent[key] ?? []), value];
};

export const SECURITY_MAPPINGS: Record<string, Mapping> = {
  "aws:iam/role:Role": {
    cfnType: "AWS::IAM::Role",
    // The provider's id of a role is its name, as is Ref.
    attributes: { name: "Ref", uniqueId: "RoleId" },
    properties: (i, ctx) => compact({
      RoleName: i.name,
      AssumeRolePolicyDocument: json(i.assumeRolePolicy),
      Description: i.description,
      MaxSessionDuration: i.maxSessionDuration,
      Path: i.path,
      PermissionsBoundary: i.permissionsBoundary,
      ManagedPolicyArns: i.managedPolicyArns,
      Policies: (i.inlinePolicies ?? []).map((p: Props) => ({ PolicyName: p.name, PolicyDocument: json(p.policy) })),
      Tags: ctx.tagList(i.tags),
    }),
  },
  "aws:iam/rolePolicy:RolePolicy": {
    parentType: "aws:iam/role:Role",
    parentInput: "role",
    fold: (role, i, ctx) => push(role, "Policies", { PolicyName: i.name ?? ctx.source.name, PolicyDocument: json(i.policy) }),
  },
  "aws:iam/rolePolicyAttachment:RolePolicyAttachment": {
    parentType: "aws:iam/role:Role",
    parentInput: "role",
    fold: (role, i) => push(role, "ManagedPolicyArns", i.policyArn),
  },
  "aws:iam/instanceProfile:InstanceProfile": {
    cfnType: "AWS::IAM::InstanceProfile",
    attributes: { name: "Ref" },
    properties: (i) => compact({ InstanceProfileName: i.name, Path: i.path, Roles: i.role ? [i.role] : [] }),
  },
  // Ref of AWS::IAM::OIDCProvider is its ARN, which is also the provider's id.
  "aws:iam/openIdConnectProvider:OpenIdConnectProvider": {
    cfnType: "AWS::IAM::OIDCProvider",
    attributes: { arn: "Ref" },
    properties: (i, ctx) => compact({ Url: i.url, ClientIdList: i.clientIdLists, ThumbprintList: i.thumbprintLists, Tags: ctx.tagList(i.tags) }),
  },
  "aws:kms/key:Key": {
    cfnType: "AWS::KMS::Key",
    attributes: { keyId: "KeyId" },
    properties: (i, ctx) => compact({
      Description: i.description,
      PendingWindowInDays: i.deletionWindowInDays,
      EnableKeyRotation: i.enableKeyRotation,
      RotationPeriodInDays: i.rotationPeriodInDays,
      KeyUsage: i.keyUsage,
      KeySpec: i.customerMasterKeySpec,
      MultiRegion: i.multiRegion,
      Enabled: i.isEnabled,
      KeyPolicy: json(i.policy),
      Tags: ctx.tagList(i.tags),
    }),
  },
  "aws:kms/keyPolicy:KeyPolicy": {
    parentType: "aws:kms/key:Key",
    parentInput: "keyId",
    fold: (key, i) => {
      key.KeyPolicy = json(i.policy);
    },
  },
  "aws:kms/alias:Alias": {
    cfnType: "AWS::KMS::Alias",
    attributes: { arn: "" },
    properties: (i) => compact({ AliasName: i.name, TargetKeyId: i.targetKeyId }),
  },
  "aws:kms/grant:Grant": {
    none: "CloudFormation has no KMS grant resource (AWS::KMS has Key, Alias and ReplicaKey only)",
  },
  // recoveryWindowInDays is a deletion-time setting with no CloudFormation property.
  "aws:secretsmanager/secret:Secret": {
    cfnType: "AWS::SecretsManager::Secret",
    attributes: { arn: "Ref" },
    properties: (i, ctx) => compact({
      Name: i.name,
      Description: i.description,
      KmsKeyId: i.kmsKeyId,
      ReplicaRegions: (i.replicas ?? []).map((r: Props) => compact({ Region: r.region, KmsKeyId: r.kmsKeyId })),
      Tags: ctx.tagList(i.tags),
    }),
  },
  "aws:secretsmanager/secretVersion:SecretVersion": {
    parentType: "aws:secretsmanager/secret:Secret",
    parentInput: "secretId",
    fold: (secret, i) => {
      secret.SecretString = i.secretString;
    },
  },
  "aws:secretsmanager/secretRotation:SecretRotation": {
    cfnType: "AWS::SecretsManager::RotationSchedule",
    properties: (i) => compact({
      SecretId: i.secretId,
      RotationLambdaARN: i.rotationLambdaArn,
      RotateImmediatelyOnUpdate: i.rotateImmediately,
      RotationRules: i.rotationRules ? compact({
        AutomaticallyAfterDays: i.rotationRules.automaticallyAfterDays, Duration: i.rotationRules.duration, ScheduleExpression: i.rotationRules.scheduleExpression,
      }) : undefined,
    }),
  },
};
