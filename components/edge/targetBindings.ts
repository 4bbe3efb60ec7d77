import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { ChildOptions, formerParents } from "../childOptions";
import { childName } from "../naming";
import { RoutedService, routes } from "./routing";
import { ComponentArgsError } from "../errors";

export interface TargetBindingsArgs {
  /** Kubernetes provider on the cluster (built from Cluster.kubeconfig). */
  provider: k8s.Provider;
  /** The system's services; each with a routePath gets a binding, like its target group in the Edge. */
  services: readonly RoutedService[];
  /** Target group ARN per routed service (Edge.targetGroupArns). A routed service without one is an error naming it. */
  targetGroupArns: Record<string, pulumi.Input<string>>;
  /** The ALB's security group (Edge.albSecurityGroupId): the controller admits it to the pods' port. */
  albSecurityGroupId: pulumi.Input<string>;
  /**
   * What the bindings wait for: the AWS Load Balancer Controller's release
   * (ClusterControllers.loadBalancerController), which installs their CRD and reconciles them.
   * @default []
   * https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/targetgroupbinding/targetgroupbinding/
   */
  dependsOn?: pulumi.Resource[];
}

/** Routed services the edge has no target group for; pure. */
export function routesWithoutTargetGroups(services: readonly RoutedService[], targetGroupArns: Record<string, unknown>): string[] {
  return routes(services).map((r) => r.service).filter((s) => targetGroupArns[s] === undefined);
}

/**
 * One TargetGroupBinding per routed service: the AWS Load Balancer Controller registers the
 * service's pods (IP targets) in the Edge's target group, and opens their port to the ALB's group.
 * A Kubernetes object, so in a deployment it comes after the Edge and needs a route to the API.
 *
 * Its children once belonged to platform:edge:Edge of the same name; their aliases carry that over.
 */
export class TargetBindings extends pulumi.ComponentResource {
  constructor(name: string, args: TargetBindingsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("platform:edge:TargetBindings", name, {}, opts);
    const missing = routesWithoutTargetGroups(args.services, args.targetGroupArns);
    if (missing.length > 0) throw new ComponentArgsError(`${name}: no target group for routed service ${missing.join(", ")}: create the Edge (the AWS step) with every routed service first`);
    const child: ChildOptions = { parent: this, provider: args.provider, aliases: formerParents(name, "platform:edge:Edge"), dependsOn: args.dependsOn ?? [] };
    for (const route of routes(args.services)) {
      new k8s.apiextensions.CustomResource(
        childName(name, `tgb-${route.service}`),
        {
          apiVersion: "elbv2.k8s.aws/v1beta1",
          kind: "TargetGroupBinding",
          metadata: { name: route.service, namespace: route.namespace, labels: { "app.kubernetes.io/managed-by": "pulumi" } },
          spec: {
            serviceRef: { name: route.service, port: route.port },
            targetGroupARN: args.targetGroupArns[route.service],
            targetType: "ip",
            // The controller opens the pods' port to the ALB's group on the node security group.
            networking: { ingress: [{ from: [{ securityGroup: { groupID: args.albSecurityGroupId } }], ports: [{ protocol: "TCP", port: route.port }] }] },
          },
        },
        child,
      );
    }
    this.registerOutputs({});
  }
}
