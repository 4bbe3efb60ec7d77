/**
 * Config and other tiers' outputs to the storage tier, and the log-bucket statements the monitoring
 * tier's trail needs before it exists.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { PolicyStatement } from "../../components/iam/policyDocument";
import { cloudTrailBucketStatements, trailArn } from "../../components/monitoring/auditPolicies";
import { monitoringNames, namePrefix } from "../../components/monitoring/naming";
import type { Network } from "../../components/network/network";
import type { AccountContext } from "../../components/account";
import type { KeyRing } from "../../components/security/keyRing";
import { Storage } from "../../components/storage/storage";
import type { PlatformConfig } from "../config/schema";
import { regionProvider } from "./context";

export interface StorageDeps {
  account: AccountContext;
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
export function buildStorage(config: PlatformConfig, w: StorageDeps, opts: pulumi.ComponentResourceOptions): Storage {
  const s = config.storage;
  const replicaRegion = s.replication.enabled ? s.replication.region : undefined;
  const replicaProvider = replicaRegion ? regionProvider(config, `${config.name}-replica`, replicaRegion) : undefined;
  return new Storage(
    `${config.name}-storage`,
    {
      system: config.name,
      profile: config.profile,
      account: w.account,
      buckets: s.buckets,
      noncurrentVersionExpirationDays: s.noncurrentVersionExpirationDays,
      protect: s.protect,
      keys: { data: w.keys.keyArns.data },
      replication: replicaRegion && replicaProvider
        ? { region: replicaRegion, provider: replicaProvider, keyDeletionWindowDays: config.keys.deletionWindowDays, keyProtect: config.keys.protect }
        : undefined,
      efs: s.efs.enabled
        ? { ...s.efs, vpcId: w.network.vpcId, privateSubnetIds: w.network.privateSubnetIds, availabilityZones: w.azs, clientSecurityGroupIds: w.clientSecurityGroupIds }
        : undefined,
      backup: s.backup,
      backupResourceArns: w.backupResourceArns,
      extraBucketStatements: w.extraBucketStatements,
      logBucketStatements: auditTrailDelivery(config, w.account),
      requestMetrics: config.monitoring.enabled && config.monitoring.s3RequestMetrics,
    },
    opts,
  );
}

/**
 * The log-bucket statements the monitoring tier's trail needs, from the trail's derived name, so
 * the bucket policy admits the trail before it exists.
 */
function auditTrailDelivery(config: PlatformConfig, account: AccountContext) {
  const m = config.monitoring;
  if (!m.enabled || !m.cloudTrail.enabled) return undefined;
  const trail = trailArn(account, monitoringNames(namePrefix(config.name, config.stack)).trail);
  return (bucketArn: string) => cloudTrailBucketStatements({ bucketArn, accountId: account.accountId, trailArn: trail });
}

