/**
 * Config and other tiers' outputs to the EKS engine of the container tier: the cluster (before the
 * data tier, whose stores admit its nodes) and the per-service workloads (after it, naming its ARNs).
 */
import type * as pulumi from "@pulumi/pulumi";
import { Cluster } from "../../components/cluster/cluster";
import { Workloads } from "../../components/cluster/serviceWorkloads";
import type { Runner } from "../../components/deploy/runner";
import type { Network } from "../../components/network/network";
import type { AccountContext } from "../../components/account";
import type { KeyRing } from "../../components/security/keyRing";
import type { PlatformConfig } from "../config/schema";
import { clusterOf } from "../config/sections/cluster";
import type { GrantableArns } from "./grants";

export interface ClusterOutputs {
  clusterName: string;
  nodeSecurityGroupId: pulumi.Output<string>;
  clusterSecurityGroupId: pulumi.Output<string>;
  oidcProviderArn: pulumi.Output<string>;
  oidcProviderUrl: pulumi.Output<string>;
  kubeconfig: pulumi.Output<string>;
  repositoryUrls: Record<string, pulumi.Output<string>>;
  serviceRoleArns: Record<string, pulumi.Output<string>>;
}

/**
 * The cluster tier. Bucket, secret and queue ARNs stay empty until the storage, data and messaging
 * tiers land; a service naming one before then fails the plan with the service and the name.
 */
export interface ClusterDeps {
  account: AccountContext;
  azs: string[];
  keys: KeyRing;
  network: Network;
  /** The in-VPC runner, whose security group the private API endpoint admits on 443. */
  runner?: Runner;
}

export function buildCluster(config: PlatformConfig, { account, azs, keys, network, runner }: ClusterDeps, opts: pulumi.ComponentResourceOptions): Cluster {
  const c = clusterOf(config.cluster, "eks");
  return new Cluster(
    `${config.name}-cluster`,
    {
      clusterName: `${config.name}-${config.stack}`,
      kubernetesVersion: c.kubernetesVersion,
      account,
      vpcId: network.vpcId,
      privateSubnetIds: network.privateSubnetIds,
      availabilityZones: azs,
      kmsKeyArns: keys.keyArns,
      controlPlaneLogRetentionDays: config.logging.auditRetentionDays,
      insightsLogRetentionDays: config.logging.retentionDays,
      endpoint: { ...c.endpoint, clientSecurityGroupIds: runner ? [runner.securityGroupId] : [] },
      adminPrincipalArns: c.adminPrincipalArns,
      deletionProtection: c.deletionProtection,
      nodeGroups: c.nodeGroups,
      autoscaler: { kind: c.autoscaler.kind, chartVersion: c.autoscaler.kind === "karpenter" ? c.autoscaler.karpenterChartVersion : c.autoscaler.clusterAutoscalerChartVersion },
      loadBalancerControllerChartVersion: c.loadBalancerController.chartVersion,
      addonVersions: c.addons,
    },
    opts,
  );
}

/**
 * Per-service repositories and identities, once the tiers they reference exist. Buckets by their
 * config name; secrets by store (database, cache, messaging); Kafka topics by name. A RabbitMQ queue
 * has no IAM ARN, so a service naming one fails with its name (see components/cluster/README.md).
 */
export interface WorkloadsDeps {
  cluster: Cluster;
  keys: KeyRing;
  grants: GrantableArns;
  account: AccountContext;
}

export function buildWorkloads(config: PlatformConfig, { cluster, keys, grants, account }: WorkloadsDeps, opts: pulumi.ComponentResourceOptions): Workloads {
  return new Workloads(
    `${config.name}-workloads`,
    {
      clusterName: cluster.clusterName,
      account: { partition: account.partition, region: config.region },
      oidc: cluster.oidc,
      kmsKeyArns: { data: keys.keyArns.data, secrets: keys.keyArns.secrets },
      registry: config.cluster.registry,
      services: config.services,
      ...grants,
    },
    opts,
  );
}

export function clusterOutputs(c: Cluster, w: Workloads): ClusterOutputs {
  return {
    clusterName: c.clusterName,
    nodeSecurityGroupId: c.nodeSecurityGroupId,
    clusterSecurityGroupId: c.clusterSecurityGroupId,
    oidcProviderArn: c.oidcProviderArn,
    oidcProviderUrl: c.oidcProviderUrl,
    kubeconfig: c.kubeconfig,
    repositoryUrls: w.repositoryUrls,
    serviceRoleArns: w.serviceRoleArns,
  };
}

