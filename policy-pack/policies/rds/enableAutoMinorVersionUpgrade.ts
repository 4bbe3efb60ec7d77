import { fsbp, type PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

export const enableAutoMinorVersionUpgrade: PackResourcePolicy = {
  name: "rds-enable-auto-minor-version-upgrade",
  resourceTypes: [T.rdsInstance],
  description: "RDS DB instances take minor engine versions (security fixes) automatically in their maintenance window.",
  severity: "medium",
  framework: fsbp("RDS.13"),
  remediationSteps: "Set autoMinorVersionUpgrade: true on the aws.rds.Instance (it defaults to true; do not turn it off).",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== T.rdsInstance) return;
    if (args.props.autoMinorVersionUpgrade === false) {
      reportViolation("DB instance has automatic minor version upgrades off, so security fixes wait for a manual upgrade; set autoMinorVersionUpgrade: true.");
    }
  },
};
