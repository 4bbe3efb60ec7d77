import { type PackResourcePolicy, fsbp } from "../../lib/metadata";
import { T } from "../../lib/types";

export const enableLogFileValidation: PackResourcePolicy = {
  name: "cloudtrail-enable-log-file-validation",
  resourceTypes: [T.trail],
  description: "CloudTrail writes signed digest files, so a deleted or altered log file is detectable.",
  severity: "medium",
  remediationSteps: "Set enableLogFileValidation to true on the aws.cloudtrail.Trail.",
  enforcementLevel: "mandatory",
  framework: fsbp("CloudTrail.4"),
  validateResource: (args, reportViolation) => {
    if (args.type !== T.trail) return;
    if (args.props.enableLogFileValidation !== true) reportViolation("Trail has log-file validation off, so tampering with its logs goes unnoticed; set enableLogFileValidation to true.");
  },
};
