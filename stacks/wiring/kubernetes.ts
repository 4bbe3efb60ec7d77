/**
 * Config and the AWS step's handoff to the Kubernetes step's components: the cluster's controllers,
 * the workloads' namespaces, service accounts and HPAs, and the edge's TargetGroupBindings. Each is
 * named like the AWS-step component its objects once belonged to, so their (type, name) stay the same.
 */
import type * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import { AutoscalerRelease, ClusterControllers } from "../../components/cluster/clusterControllers";
import { KubernetesWorkloads } from "../../components/cluster/kubernetesWorkloads";
import { karpenterPoolOf } from "../../components/cluster/controllersArgs";
import { TargetBindings } from "../../components/edge/targetBindings";
import type { PlatformConfig } from "../config/schema";
import { clusterOf } from "../config/sections/cluster";
import type { KubernetesStepHandoff } from "../handoff";

export interface KubernetesDeps {
  handoff: KubernetesStepHandoff;
  /** The Kubernetes provider on the cluster, from the AWS step's kubeconfig. */
  provider: k8s.Provider;
}

/** The node autoscaler's release as config picks it, with the roles and queue the AWS step made. */
export function autoscalerRelease(config: PlatformConfig, handoff: KubernetesStepHandoff): AutoscalerRelease {
  const c = clusterOf(config.cluster, "eks");
  const a = c.autoscaler;
  const roleArn = handoff.controllerRoleArns.autoscaler;
  if (a.kind === "cluster-autoscaler" || handoff.karpenter === undefined) return { kind: "cluster-autoscaler", chartVersion: a.clusterAutoscalerChartVersion, roleArn };
  return {
    kind: "karpenter", chartVersion: a.karpenterChartVersion, roleArn, ...handoff.karpenter,
    privateSubnetIds: handoff.privateSubnetIds, nodeSecurityGroupId: handoff.nodeSecurityGroupId,
    // Karpenter's extra nodes are the kind the stack's application group sized.
    ...karpenterPoolOf(c.nodeGroups.application),
  };
}

export function buildClusterControllers(config: PlatformConfig, { handoff, provider }: KubernetesDeps, opts: pulumi.ComponentResourceOptions): ClusterControllers {
  const c = clusterOf(config.cluster, "eks");
  return new ClusterControllers(
    `${config.name}-cluster`,
    {
      clusterName: handoff.clusterName,
      region: config.region,
      vpcId: handoff.vpcId,
      provider,
      loadBalancerController: { chartVersion: c.loadBalancerController.chartVersion, roleArn: handoff.controllerRoleArns.loadBalancerController },
      autoscaler: autoscalerRelease(config, handoff),
      // Volumes outlive their claims wherever the cluster itself is protected from deletion.
      storageClass: { dataKeyArn: handoff.dataKeyArn, retainVolumes: c.deletionProtection },
    },
    opts,
  );
}

export function buildKubernetesWorkloads(config: PlatformConfig, { handoff, provider }: KubernetesDeps, opts: pulumi.ComponentResourceOptions): KubernetesWorkloads {
  return new KubernetesWorkloads(
    `${config.name}-workloads`,
    { provider, services: config.services, serviceRoleArns: handoff.serviceRoleArns, podCpuTargetPercent: clusterOf(config.cluster, "eks").podAutoscaling.cpuTargetPercent },
    opts,
  );
}

/** The edge's bindings, once the load balancer controller that reconciles them is installed. */
export function buildTargetBindings(config: PlatformConfig, deps: KubernetesDeps & { controllers: ClusterControllers }, opts: pulumi.ComponentResourceOptions): TargetBindings | undefined {
  const edge = deps.handoff.edge;
  if (!config.edge.enabled || edge === undefined) return undefined;
  return new TargetBindings(
    `${config.name}-edge`,
    { provider: deps.provider, services: config.services, targetGroupArns: edge.targetGroupArns, albSecurityGroupId: edge.albSecurityGroupId, dependsOn: [deps.controllers.loadBalancerController] },
    opts,
  );
}
