/**
 * Fixed settings and small derivations of the cluster tier. Pure; no Pulumi imports.
 */
import { ComponentArgsError } from "../errors";
import type { NodeGroupConfig, NodeGroupRole } from "./nodeGroups";

/** All five control-plane log types. https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html */
export const CONTROL_PLANE_LOG_TYPES = ["api", "audit", "authenticator", "controllerManager", "scheduler"] as const;

/** The log group EKS writes control-plane logs to; it must exist before the cluster to be ours. */
export function controlPlaneLogGroupName(clusterName: string): string {
  return `/aws/eks/${clusterName}/cluster`;
}

/** EKS access policy for cluster administrators. https://docs.aws.amazon.com/eks/latest/userguide/access-policy-permissions.html */
export const EKS_ADMIN_POLICY = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy";

/** EKS cluster names: 1-100 characters, alphanumeric first, then A-Z a-z 0-9 - _. https://docs.aws.amazon.com/eks/latest/APIReference/API_CreateCluster.html */
export const CLUSTER_NAME_PATTERN = /^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$/;

export function checkClusterName(name: string): void {
  if (!CLUSTER_NAME_PATTERN.test(name)) {
    throw new ComponentArgsError(`EKS rejects the cluster name "${name}": 1 to 100 characters of A-Z, a-z, 0-9, '-' and '_', starting with a letter or digit`);
  }
}

/** The default Auto Scaling service-linked role, which launches managed nodes. https://docs.aws.amazon.com/autoscaling/ec2/userguide/autoscaling-service-linked-role.html */
export function asgServiceLinkedRoleArn(a: { partition: string; accountId: string }): string {
  return `arn:${a.partition}:iam::${a.accountId}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`;
}

/** The groups to create: application always, system and gpu when enabled. */
export function nodeGroupsToCreate(g: { system: NodeGroupConfig & { enabled: boolean }; application: NodeGroupConfig; gpu: NodeGroupConfig & { enabled: boolean } }): Partial<Record<NodeGroupRole, NodeGroupConfig>> {
  return { ...(g.system.enabled ? { system: g.system } : {}), application: g.application, ...(g.gpu.enabled ? { gpu: g.gpu } : {}) };
}
