/**
 * The deploy tier: the runner's CodeBuild project, with its webhook folded in (CloudFormation
 * expresses a project's webhook as its Triggers property).
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codebuild-project.html
 */
import { compact, pascal } from "../props";
import type { Mapping } from "../types";

export const DEPLOY_MAPPINGS: Record<string, Mapping> = {
  "aws:codebuild/project:Project": {
    cfnType: "AWS::CodeBuild::Project",
    attributes: { id: "Arn", name: "Ref", arn: "Arn" },
    properties: (i, ctx) => compact({
      Name: i.name,
      Description: i.description,
      ServiceRole: i.serviceRole,
      Source: i.source ? compact({ ...pascal({ ...i.source, auth: undefined }), Auth: i.source.auth ? pascal(i.source.auth) : undefined }) : undefined,
      Artifacts: pascal(i.artifacts),
      Environment: pascal(i.environment),
      VpcConfig: pascal(i.vpcConfig, { securityGroupIds: "SecurityGroupIds" }),
      LogsConfig: i.logsConfig ? compact({ CloudWatchLogs: pascal(i.logsConfig.cloudwatchLogs), S3Logs: pascal(i.logsConfig.s3Logs) }) : undefined,
      EncryptionKey: i.encryptionKey,
      TimeoutInMinutes: i.buildTimeout,
      QueuedTimeoutInMinutes: i.queuedTimeout,
      ConcurrentBuildLimit: i.concurrentBuildLimit,
      Tags: ctx.tagList(i.tags),
    }),
  },
  "aws:codebuild/webhook:Webhook": {
    parentType: "aws:codebuild/project:Project",
    parentInput: "projectName",
    fold: (project, i) => {
      project.Triggers = compact({
        Webhook: true,
        BuildType: i.buildType,
        FilterGroups: (i.filterGroups ?? []).map((g: { filters: Array<{ type: string; pattern: string; excludeMatchedPattern?: boolean }> }) =>
          g.filters.map((f) => compact({ Type: f.type, Pattern: f.pattern, ExcludeMatchedPattern: f.excludeMatchedPattern }))),
      });
    },
  },
};
