/**
 * In-cluster platform controllers: the AWS Load Balancer Controller, the Cluster Autoscaler and the
 * encrypted default StorageClass. Each controller has two halves: its IRSA role (an AWS resource,
 * created with the cluster) and its Helm release (a Kubernetes object, created through the API by
 * the ClusterControllers component once a route to the API exists).
 */
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import type { ChildOptions } from "../childOptions";
import { childName } from "../naming";
import { clusterAutoscalerPolicy, loadBalancerControllerPolicy } from "./controllerPolicies";
import { ROLE_ARN_ANNOTATION, ServiceAccountRef } from "./irsa";
import { CreatedRole, Oidc, irsaRole } from "./roles";
import { CHARTS } from "./versions";

/** What a controller's IRSA role is scoped by. */
export interface ControllerRoleInput {
  clusterName: string;
  region: pulumi.Input<string>;
  partition: pulumi.Input<string>;
  accountId: pulumi.Input<string>;
  oidc: Oidc;
}

/** What a controller's Helm release is installed with. */
export interface ReleaseInput {
  clusterName: string;
  region: pulumi.Input<string>;
  vpcId: pulumi.Input<string>;
  /** The IRSA role the release's service account is annotated with. */
  roleArn: pulumi.Input<string>;
  /** Options every Kubernetes object of the release carries: parent, provider, aliases, dependsOn. */
  opts: ChildOptions;
}

/** Controllers tolerate the system group's taint, so they stay off Spot and application nodes. */
export const CRITICAL_TOLERATION = { key: "CriticalAddonsOnly", operator: "Exists", effect: "NoSchedule" };

/** The service accounts the controllers' charts create in kube-system, which their roles trust. */
export const CONTROLLER_SERVICE_ACCOUNTS = {
  loadBalancerController: { namespace: "kube-system", name: "aws-load-balancer-controller" },
  clusterAutoscaler: { namespace: "kube-system", name: "cluster-autoscaler" },
  karpenter: { namespace: "kube-system", name: "karpenter" },
} as const satisfies Record<string, ServiceAccountRef>;

/**
 * The AWS Load Balancer Controller's role: the controller's documented policy.
 * https://docs.aws.amazon.com/eks/latest/userguide/lbc-helm.html
 */
export function loadBalancerControllerRole(parentName: string, input: ControllerRoleInput, parent: pulumi.Resource): CreatedRole {
  return irsaRole(parentName, "irsa-lbc", CONTROLLER_SERVICE_ACCOUNTS.loadBalancerController, input.oidc, { policy: loadBalancerControllerPolicy(), partition: input.partition }, parent);
}

/**
 * AWS Load Balancer Controller. The ALB itself belongs to the edge tier (Pulumi owns it); the
 * controller binds pods to its target groups through TargetGroupBinding resources.
 */
export function loadBalancerControllerRelease(parentName: string, chartVersion: string, input: ReleaseInput): k8s.helm.v3.Release {
  const sa = CONTROLLER_SERVICE_ACCOUNTS.loadBalancerController;
  return new k8s.helm.v3.Release(
    childName(parentName, "lbc"),
    {
      name: "aws-load-balancer-controller",
      chart: CHARTS.loadBalancerController.chart,
      version: chartVersion,
      repositoryOpts: { repo: CHARTS.loadBalancerController.repo },
      namespace: sa.namespace,
      values: {
        clusterName: input.clusterName,
        region: input.region,
        vpcId: input.vpcId,
        replicaCount: 2,
        serviceAccount: { create: true, name: sa.name, annotations: { [ROLE_ARN_ANNOTATION]: input.roleArn } },
        tolerations: [CRITICAL_TOLERATION],
      },
    },
    input.opts,
  );
}

/**
 * The Cluster Autoscaler's role: it may resize only this cluster's node groups, found by the tags
 * EKS puts on their Auto Scaling groups.
 * https://github.com/kubernetes/autoscaler/blob/master/cluster-autoscaler/cloudprovider/aws/README.md
 */
export function clusterAutoscalerRole(parentName: string, input: ControllerRoleInput, parent: pulumi.Resource): CreatedRole {
  const policy = pulumi.all([input.partition, input.region, input.accountId])
    .apply(([partition, region, accountId]) => clusterAutoscalerPolicy({ partition, region, accountId, clusterName: input.clusterName }));
  return irsaRole(parentName, "irsa-autoscaler", CONTROLLER_SERVICE_ACCOUNTS.clusterAutoscaler, input.oidc, { policy, partition: input.partition }, parent);
}

export function clusterAutoscalerRelease(parentName: string, chartVersion: string, input: ReleaseInput): k8s.helm.v3.Release {
  const sa = CONTROLLER_SERVICE_ACCOUNTS.clusterAutoscaler;
  return new k8s.helm.v3.Release(
    childName(parentName, "autoscaler"),
    {
      name: "cluster-autoscaler",
      chart: CHARTS.clusterAutoscaler.chart,
      version: chartVersion,
      repositoryOpts: { repo: CHARTS.clusterAutoscaler.repo },
      namespace: sa.namespace,
      values: {
        cloudProvider: "aws",
        awsRegion: input.region,
        autoDiscovery: { clusterName: input.clusterName },
        rbac: { serviceAccount: { create: true, name: sa.name, annotations: { [ROLE_ARN_ANNOTATION]: input.roleArn } } },
        // Keep node groups in different AZs the same size, so an AZ loss leaves capacity behind.
        extraArgs: { "balance-similar-node-groups": true, expander: "least-waste" },
        tolerations: [CRITICAL_TOLERATION],
      },
    },
    input.opts,
  );
}

/**
 * The default StorageClass: gp3 volumes from the EBS CSI driver, encrypted with the data key. The
 * gp2 class EKS ships is in-tree and unencrypted by default.
 * https://docs.aws.amazon.com/eks/latest/userguide/ebs-csi.html
 */
export function encryptedStorageClass(parentName: string, dataKeyArn: pulumi.Input<string>, retain: boolean, opts: ChildOptions): k8s.storage.v1.StorageClass {
  return new k8s.storage.v1.StorageClass(
    childName(parentName, "gp3"),
    {
      metadata: { name: "gp3-encrypted", annotations: { "storageclass.kubernetes.io/is-default-class": "true" } },
      provisioner: "ebs.csi.aws.com",
      parameters: { type: "gp3", encrypted: "true", kmsKeyId: dataKeyArn },
      volumeBindingMode: "WaitForFirstConsumer",
      allowVolumeExpansion: true,
      reclaimPolicy: retain ? "Retain" : "Delete",
    },
    opts,
  );
}
