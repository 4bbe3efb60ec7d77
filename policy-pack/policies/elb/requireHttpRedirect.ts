import type { PolicyResource } from "@pulumi/policy";
import { LOAD_BALANCER_TYPES, isApplicationLoadBalancer } from "../../lib/loadBalancers";
import { fsbp, type PackStackPolicy } from "../../lib/metadata";
import { refersTo } from "../../lib/references";
import { T } from "../../lib/types";

/** aws.lb and its alias aws.alb declare the same listeners and rules. */
const LISTENER_TYPES: readonly string[] = [T.lbListener, T.albListener];
const RULE_TYPES: readonly string[] = [T.lbListenerRule, T.albListenerRule];

/** An ALB listener's protocol defaults to HTTP (aws.lb.Listener, protocol). */
const protocolOf = (l: PolicyResource): string => String(l.props.protocol ?? "HTTP").toUpperCase();

const list = (v: unknown): Array<Record<string, any>> => (Array.isArray(v) ? v : []);

/** A redirect must name HTTPS: its protocol defaults to #{protocol}, which keeps plain HTTP. */
const redirectsToHttps = (actions: unknown): boolean =>
  list(actions).some((a) => a.type === "redirect" && String(a.redirect?.protocol ?? "").toUpperCase() === "HTTPS");

/**
 * Where an application load balancer serves HTTPS, its HTTP listeners only redirect there: their
 * default action redirects to HTTPS and no listener rule forwards plain HTTP to a target (FSBP ELB.1,
 * AWS Config rule alb-http-to-https-redirection-check, which also fails HTTP listeners that forward).
 * A stack policy, because the exception needs the load balancer's other listeners: an ALB with no
 * HTTPS listener at all is left alone. The edge tier builds exactly that when no certificate is
 * configured (components/edge/loadBalancer.ts): an internal ALB with one HTTP listener, reached only
 * through CloudFront's VPC origin, while viewers still use HTTPS to CloudFront. Security Hub itself
 * would fail such an ALB; cloudfront-require-https-viewers covers the viewer side there.
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html#redirect-actions
 */
export const requireHttpRedirect: PackStackPolicy = {
  name: "elb-require-http-redirect",
  resourceTypes: [...LOAD_BALANCER_TYPES, ...LISTENER_TYPES, ...RULE_TYPES],
  description: "On an application load balancer with an HTTPS listener, every HTTP listener redirects to HTTPS and forwards nothing.",
  severity: "medium",
  framework: fsbp("ELB.1"),
  remediationSteps: "Make the HTTP listener's default action { type: \"redirect\", redirect: { protocol: \"HTTPS\", port: \"443\", statusCode: \"HTTP_301\" } } and attach listener rules to the HTTPS listener only.",
  enforcementLevel: "mandatory",
  validateStack: (args, reportViolation) => {
    const listeners = args.resources.filter((r) => LISTENER_TYPES.includes(r.type));
    const rules = args.resources.filter((r) => RULE_TYPES.includes(r.type));
    for (const lb of args.resources.filter((r) => isApplicationLoadBalancer(r.type, r.props))) {
      const own = listeners.filter((l) => refersTo(l, "loadBalancerArn", lb));
      if (!own.some((l) => protocolOf(l) === "HTTPS")) continue;
      for (const http of own.filter((l) => protocolOf(l) === "HTTP")) {
        if (!redirectsToHttps(http.props.defaultActions)) {
          reportViolation(`HTTP listener ${http.name} of load balancer ${lb.name} serves plain HTTP beside its HTTPS listener; make its default action a redirect with protocol HTTPS.`, http.urn);
        }
        for (const rule of rules.filter((r) => refersTo(r, "listenerArn", http))) {
          if (list(rule.props.actions).some((a) => a.type === "forward")) {
            reportViolation(`Listener rule ${rule.name} forwards plain HTTP from listener ${http.name} to its targets although load balancer ${lb.name} serves HTTPS; attach the rule to the HTTPS listener instead.`, rule.urn);
          }
        }
      }
    }
  },
};
