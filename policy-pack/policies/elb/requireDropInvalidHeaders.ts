import { LOAD_BALANCER_TYPES, isApplicationLoadBalancer } from "../../lib/loadBalancers";
import { fsbp, type PackResourcePolicy } from "../../lib/metadata";

export const requireDropInvalidHeaders: PackResourcePolicy = {
  name: "elb-require-drop-invalid-headers",
  resourceTypes: LOAD_BALANCER_TYPES,
  description: "Application load balancers drop HTTP header fields that are not valid instead of passing them to targets (request smuggling).",
  severity: "medium",
  framework: fsbp("ELB.4"),
  remediationSteps: "Set dropInvalidHeaderFields: true on the aws.lb.LoadBalancer.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (!isApplicationLoadBalancer(args.type, args.props)) return;
    if (args.props.dropInvalidHeaderFields !== true) {
      reportViolation("Application load balancer passes invalid HTTP header fields to its targets; set dropInvalidHeaderFields: true.");
    }
  },
};
