import { LOAD_BALANCER_TYPES, isLoadBalancer } from "../../lib/loadBalancers";
import { fsbp, type PackResourcePolicy } from "../../lib/metadata";

export const enableDeletionProtection: PackResourcePolicy = {
  name: "elb-enable-deletion-protection",
  resourceTypes: LOAD_BALANCER_TYPES,
  description: "Load balancers have deletion protection on, so a stray destroy or console click cannot take the way in down.",
  severity: "medium",
  framework: fsbp("ELB.6"),
  remediationSteps: "Set enableDeletionProtection: true on the aws.lb.LoadBalancer (platform config: edge.alb.deletionProtection).",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (!isLoadBalancer(args.type)) return;
    if (args.props.enableDeletionProtection !== true) {
      reportViolation("Load balancer has deletion protection off; set enableDeletionProtection: true.");
    }
  },
};
