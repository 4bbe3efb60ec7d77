import type { ResourceValidationPolicy } from "@pulumi/policy";
import { fsbp } from "../../lib/metadata";
import { T } from "../../lib/types";

export const disallowPublicAccess: ResourceValidationPolicy = {
  name: "rds-disallow-public-access",
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
