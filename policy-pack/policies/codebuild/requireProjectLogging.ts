import { fsbp, type PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

/**
 * A CodeBuild project logs its builds (FSBP CodeBuild.4), to a CloudWatch Logs group it names: left
 * unnamed, CodeBuild creates /aws/codebuild/<project> itself, unencrypted and kept forever, so the
 * program creates the group (encrypted, with retention) and names it. For a CI runner the build log
 * is the record of every deployment it ran.
 * https://docs.aws.amazon.com/securityhub/latest/userguide/codebuild-controls.html#codebuild-4
 */
export const requireProjectLogging: PackResourcePolicy = {
  name: "codebuild-require-project-logging",
  resourceTypes: [T.codebuildProject],
  description: "CodeBuild projects send build logs to a CloudWatch Logs group they name, which the program creates encrypted and expiring.",
  severity: "medium",
  framework: fsbp("CodeBuild.4"),
  remediationSteps: "Create an aws.cloudwatch.LogGroup (kmsKeyId, retentionInDays) and set logsConfig.cloudwatchLogs: { status: \"ENABLED\", groupName: <its name> } on the aws.codebuild.Project.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== T.codebuildProject) return;
    const cw = args.props.logsConfig?.cloudwatchLogs;
    if (cw?.status === "DISABLED") {
      reportViolation("CodeBuild project has CloudWatch build logs disabled; set logsConfig.cloudwatchLogs.status to ENABLED so every build leaves a record.");
    } else if (!cw?.groupName) {
      reportViolation("CodeBuild project names no log group, so CodeBuild creates one unencrypted and kept forever; set logsConfig.cloudwatchLogs.groupName to a log group the program creates.");
    }
  },
};
