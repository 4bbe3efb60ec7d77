/**
 * Wires the tiers together. Tiers talk through typed outputs, never by guessing names.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Network } from "../components/network/network";
import { cloudTrailBucketStatements, trailArn } from "../components/monitoring/auditPolicies";
import { Monitoring } from "../components/monitoring/monitoring";
import { monitoringNames, namePrefix } from "../components/monitoring/naming";
import type { MonitoringTargets } from "../components/monitoring/targets";
import { KeyRing } from "../components/security/keyRing";
import { Storage } from "../components/storage/storage";
import { readPlatformConfig } from "./config/load";
import type { PlatformConfig } from "./config/schema";

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
  const storage = createStorage(config, { provider, accountId: identity.accountId, partition: partition.partition, azs, network, keys });
  const monitoring = config.monitoring.enabled ? createMonitoring(config, { provider, account, keys, storage }) : undefined;

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
  };
}

interface StorageWiring {
  provider: aws.Provider;
  accountId: string;
  partition: string;
  azs: string[];
  network: Network;
  keys: KeyRing;
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
        ? { ...s.efs, vpcId: w.network.vpcId, privateSubnetIds: w.network.privateSubnetIds, availabilityZones: w.azs, clientSecurityGroupIds: [] }
        : undefined,
      backup: s.backup,
      // The data tier's RDS instance ARN joins this list when that tier is wired.
      backupResourceArns: [],
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
}

/**
 * The monitoring tier, watching what this branch builds: the storage tier's buckets. The cluster,
 * data and edge tiers join `targets` (MonitoringTargets) as they are wired. The trail waits for the
 * storage tier, so the log bucket's policy admits it before CloudTrail checks.
 */
function createMonitoring(config: PlatformConfig, w: MonitoringWiring): Monitoring {
  const m = config.monitoring;
  const documents = config.storage.buckets.find((b) => b.purpose === "documents");
  const targets: MonitoringTargets = {
    buckets: {
      names: Object.fromEntries(Object.entries(w.storage.buckets).map(([k, b]) => [k, b.name])),
      documentsBucketArn: documents ? w.storage.buckets[documents.name].arn : undefined,
      logsBucket: { name: w.storage.logsBucket.name, arn: w.storage.logsBucket.arn },
    },
  };
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

/** The program: read and validate the stack's config, then build the platform. */
export function main(): Promise<PlatformOutputs> {
  return createPlatform(readPlatformConfig(pulumi.runtime.allConfig(), pulumi.getStack()));
}
