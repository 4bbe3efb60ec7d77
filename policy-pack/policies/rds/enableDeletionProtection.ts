import { fsbp, type PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

export const enableDeletionProtection: PackResourcePolicy = {
  name: "rds-enable-deletion-protection",
  resourceTypes: [T.rdsInstance],
  description: "RDS DB instances have deletion protection on, so no API call or console click deletes them by mistake.",
  severity: "medium",
  framework: fsbp("RDS.8"),
  remediationSteps: "Set deletionProtection: true on the aws.rds.Instance (platform config: database.deletionProtection).",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== T.rdsInstance) return;
    if (args.props.deletionProtection !== true) {
      reportViolation("DB instance can be deleted by a single API call; set deletionProtection: true.");
    }
  },
};
