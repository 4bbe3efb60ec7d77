import { fsbp, type PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

export const disallowPublicAccess: PackResourcePolicy = {
  name: "rds-disallow-public-access",
  resourceTypes: [T.rdsInstance],
  description: "RDS DB instances are not publicly accessible: no public IP, reachable only inside the VPC.",
  severity: "critical",
  framework: fsbp("RDS.2"),
  remediationSteps: "Set publiclyAccessible: false on the aws.rds.Instance and place it in isolated subnets.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== T.rdsInstance) return;
    if (args.props.publiclyAccessible === true) {
      reportViolation("DB instance is publicly accessible; set publiclyAccessible: false so it is reachable only inside the VPC.");
    }
  },
};
