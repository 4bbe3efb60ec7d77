import type { PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

export interface AzSpreadConfig {
  /** Fewest AZs a VPC's subnets may span. */
  minAzCount: number;
}

/** awsx deploys to the first three AZs of the region when neither count nor names is given. */
const AWSX_DEFAULT_AZ_COUNT = 3;

export const requireSubnetsAcrossAzs: PackResourcePolicy = {
  name: "ec2-require-subnets-across-azs",
  resourceTypes: [T.awsxVpc],
  description: "A VPC built with awsx spreads its subnets over at least the configured number of AZs (3 for production).",
  severity: "high",
  remediationSteps: "Pass at least minAzCount names in availabilityZoneNames on the awsx.ec2.Vpc (platform config: network.azCount).",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: { minAzCount: { type: "integer", minimum: 2, default: 3, description: "Fewest AZs a VPC's subnets may span." } },
  },
  validateResource: (args, reportViolation) => {
    if (args.type !== T.awsxVpc) return;
    const { minAzCount } = args.getConfig<AzSpreadConfig>();
    const names: string[] | undefined = args.props.availabilityZoneNames;
    const count = names?.length ?? args.props.numberOfAvailabilityZones ?? AWSX_DEFAULT_AZ_COUNT;
    if (count < minAzCount) {
      reportViolation(`VPC spans ${count} AZs; spread its subnets over at least ${minAzCount} AZs so it survives the loss of one.`);
    }
  },
};
