/**
 * In-cluster platform controllers installed with Helm on the cluster's Kubernetes provider: the AWS
 * Load Balancer Controller, the Cluster Autoscaler, and the encrypted default StorageClass.
 */
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { childName } from "../naming";
import { clusterAutoscalerPolicy, loadBalancerControllerPolicy } from "./controllerPolicies";
import { ROLE_ARN_ANNOTATION } from "./irsa";
import { Oidc, irsaRole } from "./roles";
import { CHARTS } from "./versions";

export interface ControllersInput {
  clusterName: string;
  region: string;
  partition: string;
  accountId: string;
  vpcId: pulumi.Input<string>;
  oidc: Oidc;
  provider: k8s.Provider;
  /** Controllers run on nodes, so their releases wait for the node groups and CoreDNS. */
  dependsOn: pulumi.Resource[];
}

/** Controllers tolerate the system group's taint, so they stay off Spot and application nodes. */
export const CRITICAL_TOLERATION = { key: "CriticalAddonsOnly", operator: "Exists", effect: "NoSchedule" };

/**
 * AWS Load Balancer Controller. The ALB itself belongs to the edge tier (Pulumi owns it); the
 * controller binds pods to its target groups through TargetGroupBinding resources.
 * https://docs.aws.amazon.com/eks/latest/userguide/lbc-helm.html
 */
export function loadBalancerController(parentName: string, chartVersion: string, input: ControllersInput, parent: pulumi.Resource): k8s.helm.v3.Release {
  const sa = { namespace: "kube-system", name: "aws-load-balancer-controller" };
  const role = irsaRole(parentName, "irsa-lbc", sa, input.oidc, { policy: loadBalancerControllerPolicy(), partition: input.partition }, parent);
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
        serviceAccount: { create: true, name: sa.name, annotations: { [ROLE_ARN_ANNOTATION]: role.role.arn } },
        tolerations: [CRITICAL_TOLERATION],
      },
    },
    { parent, provider: input.provider, dependsOn: [...input.dependsOn, ...role.resources] },
  );
}

/**
 * Cluster Autoscaler, discovering the managed node groups by the tags EKS puts on their Auto
 * Scaling groups, with an IAM policy that lets it resize only this cluster's groups.
 * https://github.com/kubernetes/autoscaler/blob/master/cluster-autoscaler/cloudprovider/aws/README.md
 */
export function clusterAutoscaler(parentName: string, chartVersion: string, input: ControllersInput, parent: pulumi.Resource): k8s.helm.v3.Release {
  const sa = { namespace: "kube-system", name: "cluster-autoscaler" };
  const policy = clusterAutoscalerPolicy({ partition: input.partition, region: input.region, accountId: input.accountId, clusterName: input.clusterName });
  const role = irsaRole(parentName, "irsa-autoscaler", sa, input.oidc, { policy, partition: input.partition }, parent);
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
        rbac: { serviceAccount: { create: true, name: sa.name, annotations: { [ROLE_ARN_ANNOTATION]: role.role.arn } } },
        // Keep node groups in different AZs the same size, so an AZ loss leaves capacity behind.
        extraArgs: { "balance-similar-node-groups": true, expander: "least-waste" },
        tolerations: [CRITICAL_TOLERATION],
      },
    },
    { parent, provider: input.provider, dependsOn: [...input.dependsOn, ...role.resources] },
  );
}

/**
 * The default StorageClass: gp3 volumes from the EBS CSI driver, encrypted with the data key. The
 * gp2 class EKS ships is in-tree and unencrypted by default.
 * https://docs.aws.amazon.com/eks/latest/userguide/ebs-csi.html
 */
export function encryptedStorageClass(parentName: string, dataKeyArn: pulumi.Input<string>, retain: boolean, provider: k8s.Provider, parent: pulumi.Resource): k8s.storage.v1.StorageClass {
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
    { parent, provider },
  );
}
