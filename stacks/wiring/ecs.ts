/**
 * Config and other tiers' outputs to the ECS engine of the container tier: the cluster (before the
 * data tier, whose stores and EFS admit its tasks' security group) and the services (after the data,
 * storage and edge tiers: their roles name those tiers' ARNs, and they register with the edge's
 * target groups).
 */
import type * as pulumi from "@pulumi/pulumi";
import { EcsCluster } from "../../components/ecs/ecsCluster";
import { EcsServices } from "../../components/ecs/ecsServices";
import type { Edge } from "../../components/edge/edge";
import type { Network } from "../../components/network/network";
import type { AccountContext } from "../../components/account";
import type { KeyRing } from "../../components/security/keyRing";
import type { Storage } from "../../components/storage/storage";
import type { PlatformConfig } from "../config/schema";
import { clusterOf } from "../config/sections/cluster";
import { ecsServicesName } from "../config/sections/ecs";
import type { GrantableArns } from "./grants";

/** The cluster's physical name, as on EKS: `<system>-<stack>`. */
export const ecsClusterName = (config: PlatformConfig) => `${config.name}-${config.stack}`;

/** Cloud Map's private namespace: services reach each other as `<service>.<system>-<stack>.local`. */
export const serviceDiscoveryNamespace = (config: PlatformConfig) => `${config.name}-${config.stack}.local`;

export interface EcsClusterDeps {
  account: AccountContext;
  azs: string[];
  keys: KeyRing;
  network: Network;
}

export function buildEcsCluster(config: PlatformConfig, { account, azs, keys, network }: EcsClusterDeps, opts: pulumi.ComponentResourceOptions): EcsCluster {
  const e = clusterOf(config.cluster, "ecs").ecs;
  return new EcsCluster(
    `${config.name}-ecs`,
    {
      clusterName: ecsClusterName(config),
      account,
      vpcId: network.vpcId,
      vpcCidr: network.vpcCidr,
      privateSubnetIds: network.privateSubnetIds,
      availabilityZones: azs,
      kmsKeyArns: { data: keys.keyArns.data, logs: keys.keyArns.logs },
      insightsLogRetentionDays: config.logging.retentionDays,
      instanceType: e.instanceType,
      minSize: e.minSize,
      maxSize: e.maxSize,
      targetCapacityPercent: e.targetCapacityPercent,
      diskSizeGiB: e.diskSizeGiB,
      serviceDiscoveryNamespace: serviceDiscoveryNamespace(config),
      servicePorts: [...new Set(config.services.map((s) => s.port))].sort((a, b) => a - b),
    },
    opts,
  );
}

export interface EcsServicesDeps {
  cluster: EcsCluster;
  account: AccountContext;
  network: Network;
  keys: KeyRing;
  storage: Storage;
  grants: GrantableArns;
  /** The edge tier, whose target groups the routed services register with. */
  edge?: Edge;
}

export function buildEcsServices(config: PlatformConfig, w: EcsServicesDeps, opts: pulumi.ComponentResourceOptions): EcsServices {
  const e = clusterOf(config.cluster, "ecs").ecs;
  const efs = w.storage.efs;
  return new EcsServices(
    ecsServicesName(config.name),
    {
      cluster: {
        name: w.cluster.clusterName,
        arn: w.cluster.clusterArn,
        capacityProviderName: w.cluster.capacityProviderName,
        tasksSecurityGroupId: w.cluster.tasksSecurityGroupId,
        namespaceId: w.cluster.namespaceId,
        namespaceName: w.cluster.namespaceName,
      },
      account: w.account,
      privateSubnetIds: w.network.privateSubnetIds,
      kmsKeyArns: { data: w.keys.keyArns.data, secrets: w.keys.keyArns.secrets, logs: w.keys.keyArns.logs },
      logRetentionDays: config.logging.retentionDays,
      registry: config.cluster.registry,
      autoscaling: e.autoscaling,
      imageTag: e.imageTag,
      services: config.services,
      ...w.grants,
      targetGroupArns: w.edge ? w.edge.targetGroupArns : {},
      efs: efs ? { fileSystemId: efs.fileSystemId, fileSystemArn: efs.fileSystemArn, accessPointIds: efs.accessPointIds } : undefined,
    },
    // ECS accepts a target group only once a listener rule attaches it to the load balancer.
    { ...opts, dependsOn: w.edge ? [w.edge] : [] },
  );
}

export interface EcsOutputs {
  clusterName: string;
  clusterArn: pulumi.Output<string>;
  tasksSecurityGroupId: pulumi.Output<string>;
  instanceSecurityGroupId: pulumi.Output<string>;
  serviceNames: string[];
  repositoryUrls: Record<string, pulumi.Output<string>>;
  taskRoleArns: Record<string, pulumi.Output<string>>;
}

export function ecsOutputs(c: EcsCluster, s: EcsServices): EcsOutputs {
  return {
    clusterName: c.clusterName,
    clusterArn: c.clusterArn,
    tasksSecurityGroupId: c.tasksSecurityGroupId,
    instanceSecurityGroupId: c.instanceSecurityGroupId,
    serviceNames: s.serviceNames,
    repositoryUrls: s.repositoryUrls,
    taskRoleArns: s.taskRoleArns,
  };
}
