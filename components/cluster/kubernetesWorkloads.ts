import type * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { ChildOptions, formerParents } from "../childOptions";
import type { KubernetesWorkloadsSettings } from "./presets";
import { namespaces, podAutoscaler, serviceAccount } from "./workloads";
import { resolveKubernetesWorkloadsArgs } from "./workloadsArgs";

export { servicesWithoutRoles } from "./workloadsArgs";

/** A service as its Kubernetes objects see it. The stack's `platform:services` entries fit it as they are. */
export interface KubernetesService {
  /** The service's account and HPA name (its Deployment's too): an RFC 1123 label, unique among the services. */
  name: string;
  /** Kubernetes namespace: the service's workload group, an RFC 1123 label. */
  namespace: string;
  /** Pod count bounds for the service's HorizontalPodAutoscaler; 1 ≤ min ≤ max. */
  replicas: { min: number; max: number };
}

/**
 * KubernetesWorkloads' arguments: the settings (KubernetesWorkloadsSettings, defaults
 * KUBERNETES_WORKLOADS_DEFAULTS) are optional; the provider, the services and their roles are what
 * only the caller knows.
 */
export interface KubernetesWorkloadsArgs extends Partial<KubernetesWorkloadsSettings> {
  /** Kubernetes provider on the cluster (built from Cluster.kubeconfig). */
  provider: k8s.Provider;
  /** Services: each gets a service account and an HPA in its namespace; each namespace once. */
  services: readonly KubernetesService[];
  /**
   * Each service's IAM role (Workloads.serviceRoleArns), annotated on its service account. A service
   * without one is an error naming it: its pods would run with no AWS identity.
   * https://docs.aws.amazon.com/eks/latest/userguide/associate-service-account-role.html
   */
  serviceRoleArns: Record<string, pulumi.Input<string>>;
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

  constructor(name: string, given: KubernetesWorkloadsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("platform:cluster:KubernetesWorkloads", name, {}, opts);
    const args = resolveKubernetesWorkloadsArgs(name, given);
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
