import { fsbp, type PackStackPolicy } from "../../lib/metadata";
import { T } from "../../lib/types";
import { refersTo, stackVpcs } from "../../lib/vpcs";

/**
 * A flow log must record rejected traffic: probes and blocked connections are what an
 * investigation looks for. CIS AWS Foundations 3.9 asks for flow logs capturing rejects, and the
 * AWS Config rule behind FSBP EC2.6 (vpc-flow-logs-enabled) takes a trafficType to require.
 * https://docs.aws.amazon.com/config/latest/developerguide/vpc-flow-logs-enabled.html
 */
const LOGS_REJECTS = new Set(["ALL", "REJECT"]);

export const requireVpcFlowLogs: PackStackPolicy = {
  name: "ec2-require-vpc-flow-logs",
  resourceTypes: [T.flowLog, T.vpc, T.awsxVpc],
  description: "Every VPC has a flow log that records rejected traffic (trafficType ALL or REJECT), so network access to patient data can be investigated.",
  severity: "medium",
  framework: fsbp("EC2.6"),
  remediationSteps: "Add an aws.ec2.FlowLog with vpcId set to the VPC and trafficType \"ALL\" (or \"REJECT\"), delivering to an encrypted log group or bucket.",
  enforcementLevel: "mandatory",
  validateStack: (args, reportViolation) => {
    const flowLogs = args.resources.filter((r) => r.type === T.flowLog);
    for (const vpc of stackVpcs(args.resources)) {
      const own = flowLogs.filter((f) => refersTo(f, "vpcId", vpc));
      if (own.length === 0) {
        reportViolation(`VPC ${vpc.resource.name} has no flow log; add an aws.ec2.FlowLog whose vpcId is this VPC.`, vpc.resource.urn);
      } else if (!own.some((f) => LOGS_REJECTS.has(f.props.trafficType))) {
        reportViolation(`VPC ${vpc.resource.name} logs only ${own.map((f) => f.props.trafficType).join(", ")} traffic, so rejected connections leave no trace; set trafficType "ALL" (or "REJECT") on its aws.ec2.FlowLog.`, vpc.resource.urn);
      }
    }
  },
};
