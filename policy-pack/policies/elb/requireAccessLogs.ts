import { LOAD_BALANCER_TYPES, isApplicationLoadBalancer } from "../../lib/loadBalancers";
import { fsbp, type PackResourcePolicy } from "../../lib/metadata";

export const requireAccessLogs: PackResourcePolicy = {
  name: "elb-require-access-logs",
  resourceTypes: LOAD_BALANCER_TYPES,
  description: "Application load balancers write access logs to S3.",
  severity: "medium",
  framework: fsbp("ELB.5"),
  remediationSteps: "Set accessLogs: { bucket, prefix, enabled: true } on the aws.lb.LoadBalancer; the bucket must use SSE-S3 and let Elastic Load Balancing write under the prefix.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (!isApplicationLoadBalancer(args.type, args.props)) return;
    const logs = args.props.accessLogs;
    if (logs?.enabled !== true || !logs.bucket) {
      reportViolation("Application load balancer writes no access logs; set accessLogs with a bucket and enabled: true.");
    }
  },
};
