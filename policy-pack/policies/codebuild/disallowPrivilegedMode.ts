import { fsbp, type PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

/**
 * A CodeBuild build runs without privileged mode (FSBP CodeBuild.5): privileged mode gives the build
 * container root on its host, the Docker daemon with it. A deploy runner runs Pulumi, not image builds.
 * https://docs.aws.amazon.com/securityhub/latest/userguide/codebuild-controls.html#codebuild-5
 */
export const disallowPrivilegedMode: PackResourcePolicy = {
  name: "codebuild-disallow-privileged-mode",
  resourceTypes: [T.codebuildProject],
  description: "CodeBuild projects run their builds without privileged mode.",
  severity: "high",
  framework: fsbp("CodeBuild.5"),
  remediationSteps: "Set environment.privilegedMode to false on the aws.codebuild.Project; build container images in a separate project that is not a deploy runner.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== T.codebuildProject) return;
    if (args.props.environment?.privilegedMode === true) {
      reportViolation("CodeBuild project runs builds in privileged mode, root on the build host; set environment.privilegedMode to false.");
    }
  },
};
