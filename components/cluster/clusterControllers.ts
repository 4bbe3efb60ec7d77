import type * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { ChildOptions, formerParents } from "../childOptions";
import { clusterAutoscalerRelease, encryptedStorageClass, loadBalancerControllerRelease } from "./controllers";
import { karpenterKubernetes } from "./karpenter";

/** The node autoscaler's release: which one, its pinned chart and the role Cluster made for it. */
export type AutoscalerRelease =
  | { kind: "cluster-autoscaler"; chartVersion: string; roleArn: pulumi.Input<string> }
  | {
      kind: "karpenter";
      chartVersion: string;
      roleArn: pulumi.Input<string>;
      /** Cluster.karpenter: the interruption queue the controller drains nodes from, and the node role. */
      interruptionQueueName: pulumi.Input<string>;
      nodeRoleName: pulumi.Input<string>;
      /** Where its nodes go: the private subnets and the cluster security group (Cluster.nodeSecurityGroupId). */
      privateSubnetIds: pulumi.Input<string[]>;
      nodeSecurityGroupId: pulumi.Input<string>;
      /** Instance families the NodePool may launch (c5 for c5.2xlarge): the application group's. */
      instanceFamilies: string[];
      /** Their kubernetes.io/arch values (amd64, arm64), so Karpenter's nodes run the images the group's do. */
      architectures: string[];
      /** Spot allowed (dev only). */
      spot: boolean;
      /** Root volume, GiB, 20..16384: gp3, encrypted with the data key. */
      diskSizeGiB: number;
      /** vCPU ceiling of the pool. */
      cpuLimit: number;
    };

export interface ClusterControllersArgs {
  /** The EKS cluster's name (Cluster.clusterName). */
  clusterName: string;
  /** The cluster's region. */
  region: string;
  /** The cluster's VPC, which the load balancer controller manages target groups in. */
  vpcId: pulumi.Input<string>;
  /** Kubernetes provider on the cluster (built from Cluster.kubeconfig). */
  provider: k8s.Provider;
  /** Pinned AWS Load Balancer Controller chart and its role (Cluster.controllerRoleArns.loadBalancerController). */
  loadBalancerController: { chartVersion: string; roleArn: pulumi.Input<string> };
  autoscaler: AutoscalerRelease;
  /** The data key (encrypts every volume of the default StorageClass) and whether volumes outlive their claims (prod). */
  storageClass: { dataKeyArn: pulumi.Input<string>; retainVolumes: boolean };
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

  constructor(name: string, args: ClusterControllersArgs, opts?: pulumi.ComponentResourceOptions) {
    super("platform:cluster:ClusterControllers", name, {}, opts);
    const child: ChildOptions = { parent: this, provider: args.provider, aliases: formerParents(name, "platform:cluster:Cluster"), dependsOn: args.dependsOn ?? [] };
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
