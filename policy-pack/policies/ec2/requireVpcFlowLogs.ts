import { fsbp, type PackStackPolicy } from "../../lib/metadata";
import { T } from "../../lib/types";
import { refersTo, stackVpcs } from "../../lib/vpcs";

export const requireVpcFlowLogs: PackStackPolicy = {
  name: "ec2-require-vpc-flow-logs",
  resourceTypes: [T.flowLog, T.vpc, T.awsxVpc],
  description: "Every VPC has a flow log, so network access to patient data can be investigated.",
  severity: "medium",
  framework: fsbp("EC2.6"),
  remediationSteps: "Add an aws.ec2.FlowLog with vpcId set to the VPC, delivering to an encrypted log group or bucket.",
  enforcementLevel: "mandatory",
  validateStack: (args, reportViolation) => {
    const flowLogs = args.resources.filter((r) => r.type === T.flowLog);
    for (const vpc of stackVpcs(args.resources)) {
      if (!flowLogs.some((f) => refersTo(f, "vpcId", vpc))) {
        reportViolation(`VPC ${vpc.resource.name} has no flow log; add an aws.ec2.FlowLog whose vpcId is this VPC.`, vpc.resource.urn);
      }
    }
  },
};
