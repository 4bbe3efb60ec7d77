import type * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { ChildOptions, formerParents } from "../childOptions";
import { clusterAutoscalerRelease, encryptedStorageClass, loadBalancerControllerRelease } from "./controllers";
import { KarpenterPool, resolveClusterControllersArgs } from "./controllersArgs";
import { karpenterKubernetes } from "./karpenter";

/**
 * The node autoscaler's release: which one, its pinned chart and the role Cluster made for it (Cluster
 * .controllerRoleArns.autoscaler). A discriminated union: Karpenter alone needs the AWS pieces its
 * nodes are launched with, and the bounds of its NodePool.
 */
export type AutoscalerRelease =
  | {
      kind: "cluster-autoscaler";
      /** @default AUTOSCALER_CHART_VERSIONS["cluster-autoscaler"] (presets.ts) */
      chartVersion?: string;
      roleArn: pulumi.Input<string>;
    }
  | ({
      kind: "karpenter";
      /** @default AUTOSCALER_CHART_VERSIONS.karpenter (presets.ts) */
      chartVersion?: string;
      roleArn: pulumi.Input<string>;
      /** Cluster.karpenter: the interruption queue the controller drains nodes from, and the node role. */
      interruptionQueueName: pulumi.Input<string>;
      nodeRoleName: pulumi.Input<string>;
      /** Where its nodes go: the private subnets and the cluster security group (Cluster.nodeSecurityGroupId). */
      privateSubnetIds: pulumi.Input<string[]>;
      nodeSecurityGroupId: pulumi.Input<string>;
    } & Partial<KarpenterPool>);

/**
 * ClusterControllers' arguments: the chart versions, the reclaim policy and dependsOn are optional
 * (CLUSTER_CONTROLLERS_DEFAULTS); the cluster, its provider, the roles Cluster made and the data key
 * are what only the caller knows.
 */
export interface ClusterControllersArgs {
  /** The EKS cluster's name (Cluster.clusterName). */
  clusterName: string;
  /** The cluster's region, which the controllers call AWS in. */
  region: pulumi.Input<string>;
  /** The cluster's VPC, which the load balancer controller manages target groups in. */
  vpcId: pulumi.Input<string>;
  /** Kubernetes provider on the cluster (built from Cluster.kubeconfig). */
  provider: k8s.Provider;
  /**
   * The AWS Load Balancer Controller's role (Cluster.controllerRoleArns.loadBalancerController) and
   * its pinned chart. https://docs.aws.amazon.com/eks/latest/userguide/lbc-helm.html
   * chartVersion @default LOAD_BALANCER_CONTROLLER_CHART_VERSION
   */
  loadBalancerController: { chartVersion?: string; roleArn: pulumi.Input<string> };
  /**
   * The node autoscaler's release. Karpenter's pool fields, each optional, default to those of
   * CLUSTER_DEFAULTS' application group (karpenterPoolOf): on-demand t3, amd64, 50 GiB, 80 vCPUs.
   */
  autoscaler: AutoscalerRelease;
  /**
   * The data key, which encrypts every volume of the default StorageClass (not a knob), and whether
   * volumes outlive their claims. https://docs.aws.amazon.com/eks/latest/userguide/ebs-csi.html
   * retainVolumes @default true (reclaimPolicy Retain: deleting a claim keeps its data)
   */
  storageClass: { dataKeyArn: pulumi.Input<string>; retainVolumes?: boolean };
  /**
   * What the releases wait for when the cluster is built in the same program (Cluster.controllerDependencies).
   * @default [] (in two steps, the AWS step has finished before this one starts)
   */
  dependsOn?: pulumi.Resource[];
}

/**
 * The cluster's in-cluster platform, installed through its API: the AWS Load Balancer Controller,
 * the Cluster Autoscaler or Karpenter (release, EC2NodeClass, NodePool), and the encrypted default
 * StorageClass. Their IAM roles belong to the Cluster component; this one only needs their ARNs, so
 * it can run in a later step, from a network that reaches the private endpoint.
 *
 * Its children once belonged to platform:cluster:Cluster of the same name; their aliases carry that
 * over (see formerParents).
 */
export class ClusterControllers extends pulumi.ComponentResource {
  /** The load balancer controller's release: TargetGroupBindings wait for its CRDs. */
  readonly loadBalancerController: k8s.helm.v3.Release;

  constructor(name: string, given: ClusterControllersArgs, opts?: pulumi.ComponentResourceOptions) {
    super("platform:cluster:ClusterControllers", name, {}, opts);
    const args = resolveClusterControllersArgs(name, given);
    const child: ChildOptions = { parent: this, provider: args.provider, aliases: formerParents(name, "platform:cluster:Cluster"), dependsOn: args.dependsOn };
    const release = (roleArn: pulumi.Input<string>) => ({ clusterName: args.clusterName, region: args.region, vpcId: args.vpcId, roleArn, opts: child });
    this.loadBalancerController = loadBalancerControllerRelease(name, args.loadBalancerController.chartVersion, release(args.loadBalancerController.roleArn));
    const scaler = args.autoscaler;
    if (scaler.kind === "cluster-autoscaler") {
      clusterAutoscalerRelease(name, scaler.chartVersion, release(scaler.roleArn));
    } else {
      karpenterKubernetes(name, { ...release(scaler.roleArn), ...scaler, dataKeyArn: args.storageClass.dataKeyArn });
    }
    encryptedStorageClass(name, args.storageClass.dataKeyArn, args.storageClass.retainVolumes, { ...child, dependsOn: undefined });
    this.registerOutputs({});
  }
}
