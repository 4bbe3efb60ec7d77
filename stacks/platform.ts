/**
 * Wires the tiers together. Tiers talk through typed outputs, never by guessing names.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { cloudFrontKeyStatement } from "../components/edge/bucketStatements";
import { Edge } from "../components/edge/edge";
import type { PolicyStatement } from "../components/iam/policyDocument";
import { edgeArgs } from "./wiring/edge";
import { ClusterOutputs, clusterOutputs, createCluster, createWorkloads } from "./wiring/eks";
import { EcsOutputs, createEcsCluster, createEcsServices, ecsOutputs } from "./wiring/ecs";
import { grantableArns } from "./wiring/grants";
import { createMonitoring } from "./wiring/monitoring";
import { createStorage } from "./wiring/storage";
import { defaultTags } from "./wiring/tags";
import type { DataTierOutputs } from "../components/data/outputs";
import { Network } from "../components/network/network";
import { ApplicationSecrets } from "../components/security/appSecrets";
import { KeyRing } from "../components/security/keyRing";
import { readPlatformConfig } from "./config/load";
import type { PlatformConfig } from "./config/schema";
import { createDataTier } from "./dataTier";

/**
 * AZ names for the stack: the pinned list, or the first azCount zones that need no opt-in (local
 * and wavelength zones do, and lack most services). Fails before any cloud resource when the
 * region has too few.
 */
async function availabilityZones(config: PlatformConfig, provider: aws.Provider): Promise<string[]> {
  const net = config.network;
  if (net.availabilityZones) return net.availabilityZones;
  const zones = await aws.getAvailabilityZones(
    { state: "available", filters: [{ name: "opt-in-status", values: ["opt-in-not-required"] }] },
    { provider },
  );
  if (zones.names.length < net.azCount) {
    throw new Error(
      `platform:network.azCount: got ${net.azCount}; allowed: at most ${zones.names.length}, the AZs available in ${config.region} (${zones.names.join(", ")})`,
    );
  }
  return zones.names.slice(0, net.azCount);
}

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
  /** The edge tier's entry point, when platform:edge.enabled. */
  edge?: { url: pulumi.Output<string>; distributionId: pulumi.Output<string>; albArn: pulumi.Output<string> };
}


export async function createPlatform(config: PlatformConfig): Promise<PlatformOutputs> {
  // An explicit provider carries the default tags, so no resource can be created untagged.
  const provider = new aws.Provider(config.name, { region: config.region as aws.Region, defaultTags: { tags: defaultTags(config) } });
  const opts = { providers: { aws: provider } };
  const identity = await aws.getCallerIdentity({}, { provider });
  const partition = await aws.getPartition({}, { provider });
  const azs = await availabilityZones(config, provider);

  const keys = new KeyRing(
    `${config.name}-keys`,
    {
      account: { accountId: identity.accountId, partition: partition.partition, region: config.region },
      deletionWindowDays: config.keys.deletionWindowDays,
      protect: config.keys.protect,
      // CloudFront must decrypt the static assets with the data key once the distribution exists.
      lateStatements: config.edge.enabled && hasStaticAssets(config) ? ["data"] : [],
    },
    opts,
  );
  const network = new Network(
    `${config.name}-network`,
    {
      ...config.network,
      availabilityZoneNames: azs,
      region: config.region,
      accountId: identity.accountId,
      flowLogs: { ...config.network.flowLogs, retentionDays: config.logging.auditRetentionDays, kmsKeyArn: keys.keyArns.logs },
    },
    opts,
  );
  const account = { accountId: identity.accountId, partition: partition.partition, region: config.region };
  // The container tier comes first: data stores and EFS admit exactly its nodes' (EKS) or tasks'
  // (ECS) security group, and the service roles come after them, naming their ARNs.
  const engine = config.cluster.enabled ? config.cluster.engine : undefined;
  const cluster = engine === "eks" ? createCluster(config, account, azs, keys, network, opts) : undefined;
  const ecs = engine === "ecs" ? createEcsCluster(config, { account, azs, keys, network }, opts) : undefined;
  const clientSecurityGroupIds = cluster ? [cluster.nodeSecurityGroupId] : ecs ? [ecs.tasksSecurityGroupId] : [];
  const data = createDataTier(config, {
    network: {
      vpcId: network.vpcId,
      vpcCidr: network.vpcCidr,
      databaseSubnetIds: network.databaseSubnetIds,
      privateSubnetIds: network.privateSubnetIds,
      availabilityZones: azs,
      clientSecurityGroupIds,
    },
    keys: { dataKeyArn: keys.keyArns.data, secretsKeyArn: keys.keyArns.secrets, logsKeyArn: keys.keyArns.logs },
    account,
    opts,
  });
  // The static-assets bucket must exist before the distribution that reads it, yet its one policy
  // names that distribution: the edge's statements arrive later through a deferred output.
  const staticBucket = config.storage.buckets.find((b) => b.purpose === "static-assets");
  const [edgeStatements, setEdgeStatements] = pulumi.deferredOutput<PolicyStatement[]>();
  const storage = createStorage(config, {
    provider, accountId: identity.accountId, partition: partition.partition, azs, network, keys,
    // On ECS the agent mounts EFS volumes from the container instance, so EFS admits it too.
    clientSecurityGroupIds: ecs ? [...clientSecurityGroupIds, ecs.instanceSecurityGroupId] : clientSecurityGroupIds,
    backupResourceArns: data.database ? [data.database.arn] : [],
    extraBucketStatements: staticBucket ? { [staticBucket.name]: edgeStatements } : undefined,
  });
  const grants = grantableArns(config, { storage, data, appSecretArns: createAppSecrets(config, keys, opts) });
  const workloads = cluster ? createWorkloads(config, { cluster, keys, grants, partition: partition.partition }, opts) : undefined;
  const edge = config.edge.enabled
    ? new Edge(
      `${config.name}-edge`,
      edgeArgs(config, {
        account,
        vpcId: network.vpcId,
        vpcCidr: network.vpcCidr,
        availabilityZones: azs,
        privateSubnetIds: network.privateSubnetIds,
        publicSubnetIds: network.publicSubnetIds,
        logsBucket: storage.logsBucket,
        logPrefixes: { alb: storage.logPrefixes.alb, cloudfront: storage.logPrefixes.cloudfront },
        staticAssetsBucket: staticBucket ? storage.buckets[staticBucket.name] : undefined,
        // CloudFront's certificate and web ACL live in us-east-1 whatever the stack's region.
        usEast1Provider: new aws.Provider(`${config.name}-us-east-1`, { region: "us-east-1", defaultTags: { tags: defaultTags(config) } }),
        kubernetesProvider: cluster?.provider,
        kubernetesDependsOn: cluster ? [cluster.loadBalancerController] : undefined,
        targetSecurityGroupIds: clientSecurityGroupIds,
        logsKmsKeyArn: keys.keyArns.logs,
      }),
      opts,
    )
    : undefined;
  setEdgeStatements(edge ? edge.staticAssetsBucketStatements : pulumi.output([]));
  if (edge && staticBucket) keys.extendPolicy("data", edge.distributionArn.apply((arn) => [cloudFrontKeyStatement(arn)]));
  const ecsServices = ecs ? createEcsServices(config, { cluster: ecs, account, network, keys, storage, grants, edge }, opts) : undefined;
  const monitoring = config.monitoring.enabled
    ? createMonitoring(config, {
      provider, account, keys, storage, cluster, data, edge,
      ecs: ecs && ecsServices
        ? { clusterName: ecs.clusterName, serviceNames: Object.fromEntries(ecsServices.serviceNames.map((n) => [n, n])), logGroupNames: ecsServices.logGroupNames }
        : undefined,
    })
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
    ...(edge ? { edge: { url: edge.url, distributionId: edge.distributionId, albArn: edge.albArn } } : {}),
    data,
  };
}

/** The application's own secrets (platform:appSecrets), empty in Secrets Manager until set out of band. */
function createAppSecrets(config: PlatformConfig, keys: KeyRing, opts: pulumi.ComponentResourceOptions): Record<string, pulumi.Output<string>> {
  const a = config.appSecrets;
  if (a.secrets.length === 0) return {};
  return new ApplicationSecrets(
    `${config.name}-app-secrets`,
    { secrets: a.secrets, kmsKeyArn: keys.keyArns.secrets, recoveryWindowDays: a.recoveryWindowDays, protect: a.protect },
    opts,
  ).secretArns;
}

const hasStaticAssets = (config: PlatformConfig) => config.storage.buckets.some((b) => b.purpose === "static-assets");

/** The program: read and validate the stack's config, then build the platform. */
export function main(): Promise<PlatformOutputs> {
  return createPlatform(readPlatformConfig(pulumi.runtime.allConfig(), pulumi.getStack()));
}
