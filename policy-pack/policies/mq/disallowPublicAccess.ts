import type { PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

export const disallowPublicAccess: PackResourcePolicy = {
  name: "mq-disallow-public-access",
  resourceTypes: [T.mqBroker],
  description: "Amazon MQ brokers are not publicly accessible: no public endpoint, reachable only inside the VPC.",
  severity: "critical",
  remediationSteps: "Set publiclyAccessible: false on the aws.mq.Broker with private subnets and a security group (only possible at creation).",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== T.mqBroker) return;
    if (args.props.publiclyAccessible === true) {
      reportViolation("Broker has a public endpoint, reachable from the internet; set publiclyAccessible: false.");
    }
  },
};
