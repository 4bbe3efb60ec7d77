import { LOAD_BALANCER_TYPES, isApplicationLoadBalancer } from "../../lib/loadBalancers";
import { fsbp, type PackStackPolicy } from "../../lib/metadata";
import { refersTo } from "../../lib/references";
import { T } from "../../lib/types";

export const requireWafAssociation: PackStackPolicy = {
  name: "elb-require-waf-association",
  resourceTypes: [...LOAD_BALANCER_TYPES, T.wafWebAclAssociation],
  description: "Every application load balancer is associated with a regional AWS WAF web ACL.",
  severity: "medium",
  framework: fsbp("ELB.16"),
  remediationSteps: "Add an aws.wafv2.WebAclAssociation whose resourceArn is the load balancer and webAclArn a web ACL of scope REGIONAL.",
  enforcementLevel: "mandatory",
  validateStack: (args, reportViolation) => {
    const associations = args.resources.filter((r) => r.type === T.wafWebAclAssociation);
    for (const lb of args.resources.filter((r) => isApplicationLoadBalancer(r.type, r.props))) {
      if (!associations.some((a) => refersTo(a, "resourceArn", lb))) {
        reportViolation(`Application load balancer ${lb.name} has no AWS WAF web ACL; add an aws.wafv2.WebAclAssociation whose resourceArn is this load balancer.`, lb.urn);
      }
    }
  },
};
