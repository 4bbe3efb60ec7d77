import { fsbp, type PackStackPolicy } from "../../lib/metadata";
import { T } from "../../lib/types";
import { refersTo, stackVpcs } from "../../lib/vpcs";

const hasRules = (v: unknown) => Array.isArray(v) && v.length > 0;

export const configureDefaultSecurityGroup: PackStackPolicy = {
  name: "ec2-configure-default-security-group",
  resourceTypes: [T.defaultSecurityGroup, T.vpc, T.awsxVpc],
  description: "Every VPC's default security group is managed and allows no inbound or outbound traffic.",
  severity: "high",
  framework: fsbp("EC2.2"),
  remediationSteps: "Add an aws.ec2.DefaultSecurityGroup for the VPC with ingress: [] and egress: [], and attach explicit groups instead.",
  enforcementLevel: "mandatory",
  validateStack: (args, reportViolation) => {
    const defaults = args.resources.filter((r) => r.type === T.defaultSecurityGroup);
    for (const sg of defaults) {
      if (hasRules(sg.props.ingress) || hasRules(sg.props.egress)) {
        reportViolation(`Default security group ${sg.name} has rules; set ingress: [] and egress: [] so nothing relies on the default group.`, sg.urn);
      }
    }
    for (const vpc of stackVpcs(args.resources)) {
      if (!defaults.some((d) => refersTo(d, "vpcId", vpc))) {
        reportViolation(`VPC ${vpc.resource.name} leaves its default security group unmanaged with AWS's allow-all rules; add an aws.ec2.DefaultSecurityGroup with no rules.`, vpc.resource.urn);
      }
    }
  },
};
