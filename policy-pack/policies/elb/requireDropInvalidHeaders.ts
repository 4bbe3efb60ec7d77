import type { ResourceValidationPolicy } from "@pulumi/policy";
import { isApplicationLoadBalancer } from "../../lib/loadBalancers";
import { fsbp } from "../../lib/metadata";

export const requireDropInvalidHeaders: ResourceValidationPolicy = {
  name: "elb-require-drop-invalid-headers",
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
