import { fsbp, type PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

export const enableIamAuthentication: PackResourcePolicy = {
  name: "rds-enable-iam-authentication",
  resourceTypes: [T.rdsInstance],
  description: "RDS DB instances accept IAM database authentication, so services connect with short-lived tokens from their roles instead of stored passwords.",
  severity: "medium",
  framework: fsbp("RDS.10"),
  remediationSteps: "Set iamDatabaseAuthenticationEnabled: true on the aws.rds.Instance and grant rds-db:connect to the service roles.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== T.rdsInstance) return;
    if (args.props.iamDatabaseAuthenticationEnabled !== true) {
      reportViolation("DB instance does not accept IAM authentication; set iamDatabaseAuthenticationEnabled: true.");
    }
  },
};
