/**
 * The application load balancer: its security group, target groups and listeners per routed
 * service, and the regional web ACL association. The TargetGroupBindings through which the AWS Load
 * Balancer Controller registers the pods are Kubernetes objects: the TargetBindings component.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childName } from "../naming";
import { tierTags } from "../tags";
import { atLeastTwoSubnets } from "./args";
import { albLogicalName } from "./names";
import { Route } from "./routing";
import { ALB_SSL_POLICY, CLOUDFRONT_ORIGIN_FACING_PREFIX_LIST } from "./tls";

/** Fields as on EdgeArgs; see there for units and AWS rules. */
export interface LoadBalancerArgs {
  /** VPC of the ALB, its security group and target groups. */
  vpcId: pulumi.Input<string>;
  /** Egress range when no target security groups are given. */
  vpcCidr: string;
  /** Private subnets (internal) or public subnets (internet-facing), at least 2. */
  subnetIds: pulumi.Input<string[]>;
  internal: boolean;
  /** FSBP ELB.6. */
  deletionProtection: boolean;
  /** Seconds, 1..4000. https://docs.aws.amazon.com/elasticloadbalancing/latest/application/edit-load-balancer-attributes.html */
  idleTimeoutSeconds: number;
  /** Routed services: a target group and a listener rule each. */
  routes: readonly Route[];
  /** Regional certificate: HTTPS on 443 and a redirect on 80. Absent: HTTP on 80 only. */
  certificateArn?: pulumi.Input<string>;
  /** Access-log bucket name and key prefix (ELB adds AWSLogs/<account>/ below it). */
  accessLogs: { bucket: pulumi.Input<string>; prefix: string };
  /** The REGIONAL web ACL to associate (FSBP ELB.16). */
  webAclArn?: pulumi.Input<string>;
  /** The targets' security groups: the only egress. Empty: the VPC CIDR. */
  targetSecurityGroupIds: pulumi.Input<string>[];
}

export interface LoadBalancerOutputs {
  alb: aws.lb.LoadBalancer;
  securityGroupId: pulumi.Output<string>;
  targetGroupArns: Record<string, pulumi.Output<string>>;
  /** The port CloudFront connects to: 443 with a certificate, else 80. */
  originPort: number;
}

/**
 * Ingress: only the port CloudFront uses, only from CloudFront's origin-facing prefix list. On an
 * internal ALB that is exactly the VPC-origin path. One rule, because a reference to this prefix list
 * counts as its weight (55) against the 60-rule quota of a group.
 * https://docs.aws.amazon.com/vpc/latest/userguide/working-with-aws-managed-prefix-lists.html#aws-managed-prefix-list-weights
 * Egress: the service ports, to the targets' groups (or the VPC CIDR until the cluster is wired).
 */
function securityGroup(parent: pulumi.Resource, name: string, args: LoadBalancerArgs, originPort: number): aws.ec2.SecurityGroup {
  const prefixList = aws.ec2.getManagedPrefixListOutput({ name: CLOUDFRONT_ORIGIN_FACING_PREFIX_LIST }, { parent });
  const ports = [...new Set(args.routes.map((r) => r.port))].sort((a, b) => a - b);
  const toTargets = args.targetSecurityGroupIds.length > 0 ? { securityGroups: args.targetSecurityGroupIds } : { cidrBlocks: [args.vpcCidr] };
  return new aws.ec2.SecurityGroup(
    childName(name, "alb-sg"),
    {
      vpcId: args.vpcId,
      description: "Application load balancer: from CloudFront only, to the service ports",
      ingress: [{ description: "CloudFront origin-facing", protocol: "tcp", fromPort: originPort, toPort: originPort, prefixListIds: [prefixList.id] }],
      egress: ports.map((port) => ({ description: `targets on ${port}`, protocol: "tcp", fromPort: port, toPort: port, ...toTargets })),
      tags: tierTags("edge"),
    },
    { parent },
  );
}

function listeners(parent: pulumi.Resource, name: string, args: LoadBalancerArgs, alb: aws.lb.LoadBalancer): aws.lb.Listener {
  const notFound = { type: "fixed-response", fixedResponse: { contentType: "text/plain", statusCode: "404", messageBody: "Not found" } };
  if (!args.certificateArn) {
    return new aws.lb.Listener(childName(name, "http"), { loadBalancerArn: alb.arn, port: 80, protocol: "HTTP", defaultActions: [notFound], tags: tierTags("edge") }, { parent });
  }
  new aws.lb.Listener(
    childName(name, "http"),
    {
      loadBalancerArn: alb.arn,
      port: 80,
      protocol: "HTTP",
      defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }],
      tags: tierTags("edge"),
    },
    { parent },
  );
  return new aws.lb.Listener(
    childName(name, "https"),
    { loadBalancerArn: alb.arn, port: 443, protocol: "HTTPS", sslPolicy: ALB_SSL_POLICY, certificateArn: args.certificateArn, defaultActions: [notFound], tags: tierTags("edge") },
    { parent },
  );
}

/**
 * The other half of the ALB's egress: each target group (the cluster's node security group) admits
 * the service ports from the ALB's group only. With IP targets the pods use the node group's
 * security group, which by default admits only itself, so without these rules every health check
 * and request would be dropped.
 * https://docs.aws.amazon.com/eks/latest/userguide/sec-group-reqs.html
 */
function targetIngress(parent: pulumi.Resource, name: string, args: LoadBalancerArgs, albSg: aws.ec2.SecurityGroup): void {
  const ports = [...new Set(args.routes.map((r) => r.port))].sort((a, b) => a - b);
  args.targetSecurityGroupIds.forEach((target, i) => {
    for (const port of ports) {
      new aws.vpc.SecurityGroupIngressRule(
        childName(name, `targets-${port}`, i + 1),
        { securityGroupId: target, referencedSecurityGroupId: albSg.id, ipProtocol: "tcp", fromPort: port, toPort: port, description: `ALB to services on ${port}`, tags: tierTags("edge") },
        { parent },
      );
    }
  });
}

export function createLoadBalancer(parent: pulumi.Resource, name: string, args: LoadBalancerArgs): LoadBalancerOutputs {
  const originPort = args.certificateArn ? 443 : 80;
  const sg = securityGroup(parent, name, args, originPort);
  targetIngress(parent, name, args, sg);
  const alb = new aws.lb.LoadBalancer(
    albLogicalName(name),
    {
      loadBalancerType: "application",
      internal: args.internal,
      subnets: pulumi.output(args.subnetIds).apply(atLeastTwoSubnets),
      securityGroups: [sg.id],
      dropInvalidHeaderFields: true,
      desyncMitigationMode: "defensive",
      enableDeletionProtection: args.deletionProtection,
      // Fail closed: if AWS WAF cannot be reached, the ALB refuses requests instead of passing them.
      enableWafFailOpen: false,
      idleTimeout: args.idleTimeoutSeconds,
      accessLogs: { bucket: args.accessLogs.bucket, prefix: args.accessLogs.prefix, enabled: true },
      tags: tierTags("edge"),
    },
    { parent },
  );
  if (args.webAclArn) new aws.wafv2.WebAclAssociation(childName(name, "alb-waf-association"), { resourceArn: alb.arn, webAclArn: args.webAclArn }, { parent });
  const listener = listeners(parent, name, args, alb);
  const targetGroupArns: Record<string, pulumi.Output<string>> = {};
  for (const route of args.routes) {
    const tg = new aws.lb.TargetGroup(
      childName(name, `tg-${route.service}`),
      {
        namePrefix: route.targetGroupPrefix,
        vpcId: args.vpcId,
        targetType: "ip",
        protocol: "HTTP",
        port: route.port,
        healthCheck: { path: route.healthCheckPath, protocol: "HTTP", matcher: "200-399" },
        tags: tierTags("edge", { Service: route.service }),
      },
      { parent },
    );
    new aws.lb.ListenerRule(
      childName(name, `rule-${route.service}`),
      {
        listenerArn: listener.arn,
        priority: route.priority,
        conditions: [{ pathPattern: { values: [route.pathPattern] } }],
        actions: [{ type: "forward", targetGroupArn: tg.arn }],
        tags: tierTags("edge", { Service: route.service }),
      },
      { parent },
    );
    targetGroupArns[route.service] = tg.arn;
  }
  return { alb, securityGroupId: sg.id, targetGroupArns, originPort };
}
