/**
 * Wires the tiers together. Tiers talk through typed outputs, never by guessing names.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Cluster } from "../components/cluster/cluster";
import { Workloads } from "../components/cluster/serviceWorkloads";
import { kafkaTopicArn } from "../components/data/outputs";
import { cloudFrontKeyStatement } from "../components/edge/bucketStatements";
import { Edge } from "../components/edge/edge";
import type { PolicyStatement } from "../components/iam/policyDocument";
import { edgeArgs } from "./wiring/edge";
import { monitoringTargets } from "./wiring/monitoring";
import type { DataTierOutputs } from "../components/data/outputs";
import { Network } from "../components/network/network";
import { cloudTrailBucketStatements, trailArn } from "../components/monitoring/auditPolicies";
import { Monitoring } from "../components/monitoring/monitoring";
import { monitoringNames, namePrefix } from "../components/monitoring/naming";
import { KeyRing } from "../components/security/keyRing";
import { Storage } from "../components/storage/storage";
import { readPlatformConfig } from "./config/load";
import type { PlatformConfig } from "./config/schema";
import { createDataTier } from "./dataTier";

/** Tags on every taggable resource, through the provider's default tags. */
export function defaultTags(config: PlatformConfig): Record<string, string> {
  return {
    Environment: config.stack,
    Profile: config.profile,
    System: config.name,
    Owner: config.tags.owner,
    CostCenter: config.tags.costCenter,
    ManagedBy: "pulumi",
  };
}

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
  /** The cluster tier's outputs, when platform:cluster.enabled. */
  cluster?: ClusterOutputs;
  /** Endpoints, ports, security groups, secret ARNs and identifiers of the data stores. */
  data: DataTierOutputs;
  /** The edge tier's entry point, when platform:edge.enabled. */
  edge?: { url: pulumi.Output<string>; distributionId: pulumi.Output<string>; albArn: pulumi.Output<string> };
}

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
  // The cluster comes first: data stores and EFS admit exactly its node security group, and the
  // service roles (Workloads) come after them, naming their ARNs.
  const cluster = config.cluster.enabled ? createCluster(config, account, azs, keys, network, opts) : undefined;
  const clientSecurityGroupIds = cluster ? [cluster.nodeSecurityGroupId] : [];
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
    provider, accountId: identity.accountId, partition: partition.partition, azs, network, keys, clientSecurityGroupIds,
    backupResourceArns: data.database ? [data.database.arn] : [],
    extraBucketStatements: staticBucket ? { [staticBucket.name]: edgeStatements } : undefined,
  });
  const workloads = cluster ? createWorkloads(config, { cluster, keys, storage, data, partition: partition.partition }, opts) : undefined;
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
  const monitoring = config.monitoring.enabled
    ? createMonitoring(config, { provider, account, keys, storage, cluster, data, edge })
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
    ...(edge ? { edge: { url: edge.url, distributionId: edge.distributionId, albArn: edge.albArn } } : {}),
    data,
  };
}

/**
 * The cluster tier. Bucket, secret and queue ARNs stay empty until the storage, data and messaging
 * tiers land; a service naming one before then fails the plan with the service and the name.
 */
function createCluster(config: PlatformConfig, account: { accountId: string; partition: string; region: string }, azs: string[], keys: KeyRing, network: Network, opts: pulumi.ComponentResourceOptions): Cluster {
  const c = config.cluster;
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
      endpoint: c.endpoint,
      adminPrincipalArns: c.adminPrincipalArns,
      deletionProtection: c.deletionProtection,
      nodeGroups: { system: c.nodeGroups.system, application: c.nodeGroups.application, ...(c.nodeGroups.gpu.enabled ? { gpu: c.nodeGroups.gpu } : {}) },
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
function createWorkloads(
  config: PlatformConfig,
  { cluster, keys, storage, data, partition }: { cluster: Cluster; keys: KeyRing; storage: Storage; data: DataTierOutputs; partition: string },
  opts: pulumi.ComponentResourceOptions,
): Workloads {
  const kafka = data.messaging?.kafka;
  const topics = [...new Set(config.services.flatMap((s) => s.queues))];
  return new Workloads(
    `${config.name}-workloads`,
    {
      clusterName: cluster.clusterName,
      account: { partition, region: config.region },
      oidc: cluster.oidc,
      provider: cluster.provider,
      kmsKeyArns: { data: keys.keyArns.data, secrets: keys.keyArns.secrets },
      registry: config.cluster.registry,
      services: config.services,
      podCpuTargetPercent: config.cluster.podAutoscaling.cpuTargetPercent,
      bucketArns: Object.fromEntries(Object.entries(storage.buckets).map(([name, b]) => [name, b.arn])),
      secretArns: { ...data.secretArns },
      queueArns: kafka ? Object.fromEntries(topics.map((t) => [t, kafka.clusterArn.apply((arn) => kafkaTopicArn(arn, t))])) : {},
    },
    opts,
  );
}

function clusterOutputs(c: Cluster, w: Workloads): ClusterOutputs {
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

interface StorageWiring {
  provider: aws.Provider;
  accountId: string;
  partition: string;
  azs: string[];
  network: Network;
  keys: KeyRing;
  /** The cluster's node security group, the only client EFS admits; empty without a cluster. */
  clientSecurityGroupIds: pulumi.Input<string>[];
  /** What AWS Backup covers besides EFS: the RDS primary. */
  backupResourceArns: pulumi.Input<string>[];
  /** Bucket-policy statements from other tiers, by bucket config name. */
  extraBucketStatements?: Record<string, pulumi.Input<PolicyStatement[]>>;
}

/**
 * The storage tier. A second region gets its own explicit provider (same default tags), created here
 * once and handed to the component, so every replica resource names its region in one place.
 */
function createStorage(config: PlatformConfig, w: StorageWiring): Storage {
  const s = config.storage;
  const replicaRegion = s.replication.enabled ? s.replication.region : undefined;
  const replicaProvider = replicaRegion
    ? new aws.Provider(`${config.name}-replica`, { region: replicaRegion as aws.Region, defaultTags: { tags: defaultTags(config) } })
    : undefined;
  return new Storage(
    `${config.name}-storage`,
    {
      system: config.name,
      profile: config.profile,
      account: { accountId: w.accountId, partition: w.partition, region: config.region },
      buckets: s.buckets,
      noncurrentVersionExpirationDays: s.noncurrentVersionExpirationDays,
      protect: s.protect,
      dataKeyArn: w.keys.keyArns.data,
      replication: replicaRegion && replicaProvider
        ? { region: replicaRegion, provider: replicaProvider, keyDeletionWindowDays: config.keys.deletionWindowDays, keyProtect: config.keys.protect }
        : undefined,
      efs: s.efs.enabled
        ? { ...s.efs, vpcId: w.network.vpcId, privateSubnetIds: w.network.privateSubnetIds, availabilityZones: w.azs, clientSecurityGroupIds: w.clientSecurityGroupIds }
        : undefined,
      backup: s.backup,
      backupResourceArns: w.backupResourceArns,
      extraBucketStatements: w.extraBucketStatements,
      logBucketStatements: auditTrailDelivery(config, { accountId: w.accountId, partition: w.partition, region: config.region }),
      requestMetrics: config.monitoring.enabled && config.monitoring.s3RequestMetrics,
    },
    { providers: { aws: w.provider } },
  );
}

/**
 * The log-bucket statements the monitoring tier's trail needs, from the trail's derived name, so
 * the bucket policy admits the trail before it exists.
 */
function auditTrailDelivery(config: PlatformConfig, account: { accountId: string; partition: string; region: string }) {
  const m = config.monitoring;
  if (!m.enabled || !m.cloudTrail.enabled) return undefined;
  const trail = trailArn(account, monitoringNames(namePrefix(config.name, config.stack)).trail);
  return (bucketArn: string) => cloudTrailBucketStatements({ bucketArn, accountId: account.accountId, trailArn: trail });
}

interface MonitoringWiring {
  provider: aws.Provider;
  account: { accountId: string; partition: string; region: string };
  keys: KeyRing;
  storage: Storage;
  cluster?: Cluster;
  data: DataTierOutputs;
  edge?: Edge;
}

/**
 * The monitoring tier, watching every tier the stack has (MonitoringTargets from their outputs,
 * stacks/wiring/monitoring.ts). The trail waits for the storage tier, so the log bucket's policy
 * admits it before CloudTrail checks.
 */
function createMonitoring(config: PlatformConfig, w: MonitoringWiring): Monitoring {
  const m = config.monitoring;
  const documents = config.storage.buckets.find((b) => b.purpose === "documents");
  const targets = monitoringTargets(config, {
    cluster: w.cluster,
    data: w.data,
    edge: w.edge,
    edgeName: w.edge ? `${config.name}-edge` : undefined,
    buckets: {
      names: Object.fromEntries(Object.entries(w.storage.buckets).map(([k, b]) => [k, b.name])),
      documentsBucketArn: documents ? w.storage.buckets[documents.name].arn : undefined,
      logsBucket: { name: w.storage.logsBucket.name, arn: w.storage.logsBucket.arn },
    },
  });
  const tags = defaultTags(config);
  return new Monitoring(
    `${config.name}-monitoring`,
    {
      system: config.name,
      stack: config.stack,
      account: w.account,
      targets,
      notifications: m.notifications,
      alarms: m.alarms,
      budget: { ...m.budget, costAllocationTags: { System: tags.System, Environment: tags.Environment } },
      dailyReport: m.dailyReport.enabled ? { scheduleExpression: m.dailyReport.scheduleExpression } : undefined,
      logs: {
        namespaces: [...new Set([...m.logs.namespaces, ...config.services.map((s) => s.namespace)])],
        retentionDays: config.logging.retentionDays,
        kmsKeyArn: w.keys.keyArns.logs,
        archive: m.logs.archiveToS3,
      },
      tracing: m.tracing.enabled ? { samplingRate: m.tracing.samplingRate } : undefined,
      cloudTrail: m.cloudTrail.enabled ? { documentDataEvents: m.cloudTrail.documentDataEvents && documents !== undefined, after: [w.storage] } : undefined,
      requestMetrics: m.s3RequestMetrics,
      keys: { deletionWindowDays: config.keys.deletionWindowDays, protect: config.keys.protect },
    },
    { providers: { aws: w.provider } },
  );
}

const hasStaticAssets = (config: PlatformConfig) => config.storage.buckets.some((b) => b.purpose === "static-assets");

/** The program: read and validate the stack's config, then build the platform. */
export function main(): Promise<PlatformOutputs> {
  return createPlatform(readPlatformConfig(pulumi.runtime.allConfig(), pulumi.getStack()));
}
