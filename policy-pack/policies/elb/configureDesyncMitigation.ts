import { LOAD_BALANCER_TYPES, isApplicationLoadBalancer } from "../../lib/loadBalancers";
import { fsbp, type PackResourcePolicy } from "../../lib/metadata";

/** AWS's default is defensive, so an unset mode complies. */
const SAFE = new Set([undefined, "defensive", "strictest"]);

export const configureDesyncMitigation: PackResourcePolicy = {
  name: "elb-configure-desync-mitigation",
  resourceTypes: LOAD_BALANCER_TYPES,
  description: "Application load balancers mitigate HTTP desync attacks in defensive or strictest mode, never monitor.",
  severity: "medium",
  framework: fsbp("ELB.12"),
  remediationSteps: "Set desyncMitigationMode to defensive (or strictest) on the aws.lb.LoadBalancer.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (!isApplicationLoadBalancer(args.type, args.props)) return;
    const mode = args.props.desyncMitigationMode;
    if (!SAFE.has(mode)) {
      reportViolation(`Application load balancer mitigates HTTP desync in ${mode} mode; set desyncMitigationMode to defensive or strictest.`);
    }
  },
};
