/**
 * The program: composes the tiers. Each tier's creation lives in stacks/wiring/<tier>.ts as
 * `build<Tier>(config, deps, opts)`; tiers talk through typed outputs, never by guessing names.
 */
import * as pulumi from "@pulumi/pulumi";
import type { DataTierOutputs } from "../components/data/outputs";
import { cloudFrontKeyStatement } from "../components/edge/bucketStatements";
import type { PolicyStatement } from "../components/iam/policyDocument";
import { readPlatformConfig } from "./config/load";
import type { PlatformConfig } from "./config/schema";
import type { KubernetesStepHandoff } from "./handoff";
import { ClusterOutputs, buildCluster, buildWorkloads, clusterOutputs } from "./wiring/cluster";
import { buildContext } from "./wiring/context";
import { buildData } from "./wiring/data";
import { buildRunner } from "./wiring/deploy";
import { EcsOutputs, buildEcsCluster, buildEcsServices, ecsOutputs } from "./wiring/ecs";
import type { Edge } from "../components/edge/edge";
import { buildEdge } from "./wiring/edge";
import { grantableArns } from "./wiring/grants";
import { buildHandoff } from "./wiring/handoff";
import { buildMonitoring } from "./wiring/monitoring";
import { buildNetwork } from "./wiring/network";
import { buildAppSecrets, buildKeyRing } from "./wiring/security";
import { buildStorage } from "./wiring/storage";
import { defaultTags } from "./wiring/tags";

export { defaultTags };
export type { ClusterOutputs, EcsOutputs };

export interface PlatformOutputs {
  profile: string;
  region: string;
  vpcId: pulumi.Output<string>;
  availabilityZones: string[];
  publicSubnetIds: pulumi.Output<string[]>;
  privateSubnetIds: pulumi.Output<string[]>;
  databaseSubnetIds: pulumi.Output<string[]>;
  kmsKeyArns: Record<string, pulumi.Output<string>>;
  bucketNames: Record<string, pulumi.Output<string>>;
  backupVaultName: pulumi.Output<string>;
  /** Alert topics and the dashboard; absent when platform:monitoring.enabled is false. */
  monitoring?: { topicArns: Record<string, pulumi.Output<string>>; dashboardName: pulumi.Output<string> };
  /** The cluster tier's outputs, when platform:cluster.enabled with engine eks. */
  cluster?: ClusterOutputs;
  /** The ECS engine's outputs, when platform:cluster.enabled with engine ecs. */
  ecs?: EcsOutputs;
  /** Endpoints, ports, security groups, secret ARNs and identifiers of the data stores. */
  data: DataTierOutputs;
  /**
   * The edge tier's entry point, when platform:edge.enabled; with a hosted zone this stack created,
   * the name servers to delegate the domain to at its registrar.
   */
  edge?: {
    url: pulumi.Output<string>;
    distributionId: pulumi.Output<string>;
    albArn: pulumi.Output<string>;
    hostedZoneId?: pulumi.Output<string>;
    nameServers?: pulumi.Output<string[]>;
  };
  /** The in-VPC runner, when platform:deploy.runner.enabled: its project and a job's runs-on label. */
  deploy?: { runner: { projectName: string; runsOn: string; securityGroupId: pulumi.Output<string> } };
  /** What the Kubernetes step reads (stacks/handoff.ts), when the stack has an EKS cluster. */
  kubernetesStep?: pulumi.Output<KubernetesStepHandoff>;
}

export async function createPlatform(config: PlatformConfig): Promise<PlatformOutputs> {
  const { account, azs, opts } = await buildContext(config);
  const keys = buildKeyRing(config, { account }, opts);
  const network = buildNetwork(config, { account, azs, keys }, opts);
  // The container tier comes first: data stores and EFS admit exactly its nodes' (EKS) or tasks'
  // (ECS) security group, and the service roles come after them, naming their ARNs.
  const engine = config.cluster.enabled ? config.cluster.engine : undefined;
  // The runner comes before the cluster, whose private endpoint admits its security group.
  const runner = engine === "eks" ? buildRunner(config, { account, network, keys }, opts) : undefined;
  const cluster = engine === "eks" ? buildCluster(config, { account, azs, keys, network, runner }, opts) : undefined;
  const ecs = engine === "ecs" ? buildEcsCluster(config, { account, azs, keys, network }, opts) : undefined;
  const clientSecurityGroupIds = cluster ? [cluster.nodeSecurityGroupId] : ecs ? [ecs.tasksSecurityGroupId] : [];
  const data = buildData(config, { account, azs, network, keys, clientSecurityGroupIds }, opts);
  // The static-assets bucket must exist before the distribution that reads it, yet its one policy
  // names that distribution: the edge's statements arrive later through a deferred output.
  const staticBucket = config.storage.buckets.find((b) => b.purpose === "static-assets");
  const [edgeStatements, setEdgeStatements] = pulumi.deferredOutput<PolicyStatement[]>();
  const storage = buildStorage(config, {
    account, azs, network, keys,
    // On ECS the agent mounts EFS volumes from the container instance, so EFS admits it too.
    clientSecurityGroupIds: ecs ? [...clientSecurityGroupIds, ecs.instanceSecurityGroupId] : clientSecurityGroupIds,
    backupResourceArns: data.database ? [data.database.arn] : [],
    extraBucketStatements: staticBucket ? { [staticBucket.name]: edgeStatements } : undefined,
  }, opts);
  const grants = grantableArns(config, { storage, data, appSecretArns: buildAppSecrets(config, { keys }, opts) });
  const workloads = cluster ? buildWorkloads(config, { cluster, keys, grants, account }, opts) : undefined;
  const edge = config.edge.enabled
    ? buildEdge(config, { account, azs, network, keys, storage, targetSecurityGroupIds: clientSecurityGroupIds }, opts)
    : undefined;
  setEdgeStatements(edge ? edge.staticAssetsBucketStatements : pulumi.output([]));
  if (edge && staticBucket) keys.extendPolicy("data", edge.distributionArn.apply((arn) => [cloudFrontKeyStatement(arn)]));
  const ecsServices = ecs ? buildEcsServices(config, { cluster: ecs, account, network, keys, storage, grants, edge }, opts) : undefined;
  const monitoring = config.monitoring.enabled
    ? buildMonitoring(config, { account, keys, storage, cluster, data, edge, ecs: ecs && ecsServices ? { cluster: ecs, services: ecsServices } : undefined }, opts)
    : undefined;

  return {
    profile: config.profile,
    region: config.region,
    vpcId: network.vpcId,
    availabilityZones: azs,
    publicSubnetIds: network.publicSubnetIds,
    privateSubnetIds: network.privateSubnetIds,
    databaseSubnetIds: network.databaseSubnetIds,
    kmsKeyArns: keys.keyArns,
    bucketNames: Object.fromEntries(Object.entries(storage.buckets).map(([k, b]) => [k, b.name])),
    backupVaultName: storage.backupVaultName,
    ...(monitoring ? { monitoring: { topicArns: monitoring.topicArns, dashboardName: monitoring.dashboardName } } : {}),
    ...(cluster && workloads ? { cluster: clusterOutputs(cluster, workloads) } : {}),
    ...(ecs && ecsServices ? { ecs: ecsOutputs(ecs, ecsServices) } : {}),
    ...(edge ? { edge: edgeOutputs(edge) } : {}),
    ...(runner ? { deploy: { runner: { projectName: runner.projectName, runsOn: runner.runsOn, securityGroupId: runner.securityGroupId } } } : {}),
    ...(cluster && workloads ? { kubernetesStep: buildHandoff(config, { cluster, workloads, network, keys, runner, edge }) } : {}),
    data,
  };
}

function edgeOutputs(edge: Edge): NonNullable<PlatformOutputs["edge"]> {
  return {
    url: edge.url, distributionId: edge.distributionId, albArn: edge.albArn,
    ...(edge.hostedZoneId ? { hostedZoneId: edge.hostedZoneId } : {}),
    ...(edge.nameServers ? { nameServers: edge.nameServers } : {}),
  };
}

/** The program (the AWS step): read and validate the stack's config, then build the platform. */
export function main(): Promise<PlatformOutputs> {
  return createPlatform(readPlatformConfig(pulumi.runtime.allConfig(), pulumi.getStack()));
}
