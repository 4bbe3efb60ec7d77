import type * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { ChildOptions, formerParents } from "../childOptions";
import { namespaces, podAutoscaler, serviceAccount } from "./workloads";
import { ComponentArgsError } from "../errors";

/** A service as its Kubernetes objects see it. The stack's `platform:services` entries fit it as they are. */
export interface KubernetesService {
  name: string;
  /** Kubernetes namespace: the service's workload group. */
  namespace: string;
  /** Pod count bounds for the service's HorizontalPodAutoscaler; 1 ≤ min ≤ max. */
  replicas: { min: number; max: number };
}

export interface KubernetesWorkloadsArgs {
  /** Kubernetes provider on the cluster (built from Cluster.kubeconfig). */
  provider: k8s.Provider;
  /** Services: each gets a service account and an HPA in its namespace; each namespace once. */
  services: readonly KubernetesService[];
  /**
   * Each service's IAM role (Workloads.serviceRoleArns), annotated on its service account. A service
   * without one is an error naming it: its pods would run with no AWS identity.
   */
  serviceRoleArns: Record<string, pulumi.Input<string>>;
  /**
   * Average CPU each HPA holds its service's pods at, in percent of their CPU requests, 10 to 100
   * (platform:cluster.podAutoscaling.cpuTargetPercent).
   * https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/#algorithm-details
   */
  podCpuTargetPercent: number;
}

/** The services that have no role ARN; pure. */
export function servicesWithoutRoles(services: readonly KubernetesService[], serviceRoleArns: Record<string, unknown>): string[] {
  return services.map((s) => s.name).filter((n) => serviceRoleArns[n] === undefined);
}

/**
 * The Kubernetes side of the per-service workloads: a namespace per workload group (restricted Pod
 * Security, default-deny network policies), and per service its service account, bound to the IAM
 * role the Workloads component made, and its HPA. Created through the cluster's API, so in a
 * deployment it comes after the AWS resources and needs a route to the private endpoint.
 *
 * Its children once belonged to platform:cluster:Workloads of the same name; their aliases carry
 * that over (see formerParents).
 */
export class KubernetesWorkloads extends pulumi.ComponentResource {
  /** Namespace names, one per workload group. */
  readonly namespaces: string[];

  constructor(name: string, args: KubernetesWorkloadsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("platform:cluster:KubernetesWorkloads", name, {}, opts);
    const missing = servicesWithoutRoles(args.services, args.serviceRoleArns);
    if (missing.length > 0) throw new ComponentArgsError(`${name}: no IAM role for service ${missing.join(", ")}: create the Workloads component (the AWS step) for every service first`);
    const child: ChildOptions = { parent: this, provider: args.provider, aliases: formerParents(name, "platform:cluster:Workloads") };
    this.namespaces = [...new Set(args.services.map((s) => s.namespace))];
    const ns = namespaces(name, this.namespaces, child);
    for (const s of args.services) {
      serviceAccount(name, s.name, args.serviceRoleArns[s.name], ns[s.namespace], child);
      podAutoscaler(name, s, args.podCpuTargetPercent, ns[s.namespace], child);
    }
    this.registerOutputs({ namespaces: this.namespaces });
  }
}
