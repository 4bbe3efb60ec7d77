import { fsbp, type PackResourcePolicy } from "../../lib/metadata";
import { isReadReplica } from "../../lib/rds";
import { T } from "../../lib/types";

/**
 * Read replicas are exempt: their availability comes from sitting in other AZs than the primary,
 * and a Multi-AZ primary already fails over within seconds.
 */
export const requireMultiAz: PackResourcePolicy = {
  name: "rds-require-multi-az",
  resourceTypes: [T.rdsInstance],
  description: "RDS DB instances (other than read replicas) run Multi-AZ, with a synchronous standby that takes over when an AZ fails.",
  severity: "high",
  framework: fsbp("RDS.5"),
  remediationSteps: "Set multiAz: true on the aws.rds.Instance (platform config: database.multiAz: true).",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== T.rdsInstance || isReadReplica(args.props)) return;
    if (args.props.multiAz !== true) {
      reportViolation("DB instance runs in a single AZ, so an AZ failure takes the database down; set multiAz: true.");
    }
  },
};
