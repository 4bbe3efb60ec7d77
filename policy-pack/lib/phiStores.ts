/**
 * The data stores the PHI policy knows, and where each keeps its encryption-at-rest settings.
 * Property names are those of @pulumi/aws 7 (rds.Instance, rds.Cluster, elasticache.ReplicationGroup,
 * elasticache.ServerlessCache, backup.Vault, efs.FileSystem, mq.Broker, msk.Cluster).
 */
import { T } from "./types";
import { Read, read } from "./unknowns";

export interface StoreSpec {
  /** How a violation names the resource. */
  label: string;
  /** The top-level property that holds the key (its property dependencies link the key). */
  keyProp: string;
  /** The key reference, read at the path the service uses. */
  key: (props: Record<string, any>) => Read<unknown>;
  /** The property that must be true for encryption at rest to be on at all, when the service has one. */
  encryptedFlag?: string;
  /**
   * Why the store is exempt from the customer-managed key, when the service offers none: Amazon MQ
   * encryption options do not apply to RabbitMQ brokers, which always use an AWS-owned key.
   * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-amazonmq-broker-encryptionoptions.html
   */
  exempt?: (props: Record<string, any>) => string | undefined;
}

/** Reads a nested path; unknown as soon as any step is. */
export function readPath(props: Record<string, any>, path: string[]): Read<unknown> {
  let cur: Read<unknown> = { unknown: false, value: props };
  for (const key of path) {
    if (cur.unknown) return cur;
    cur = typeof cur.value === "object" && cur.value !== null ? read(cur.value as Record<string, any>, key) : { unknown: false, value: undefined };
  }
  return cur;
}

const at = (...path: string[]) => (props: Record<string, any>) => readPath(props, path);

/** An ActiveMQ broker uses its kmsKeyId only with useAwsOwnedKey false (the default is true). */
function mqKey(props: Record<string, any>): Read<unknown> {
  const owned = readPath(props, ["encryptionOptions", "useAwsOwnedKey"]);
  if (owned.unknown) return owned;
  return owned.value === false ? readPath(props, ["encryptionOptions", "kmsKeyId"]) : { unknown: false, value: undefined };
}

function rabbitMq(props: Record<string, any>): string | undefined {
  const engine = read<string>(props, "engineType");
  return !engine.unknown && String(engine.value).toLowerCase() === "rabbitmq" ? "RabbitMQ brokers offer no customer-managed key" : undefined;
}

/** Stores other than buckets, whose key is a property of the store itself. */
export const STORES: Record<string, StoreSpec> = {
  [T.backupVault]: { label: "Backup vault", keyProp: "kmsKeyArn", key: at("kmsKeyArn") },
  [T.rdsInstance]: { label: "RDS instance", keyProp: "kmsKeyId", key: at("kmsKeyId"), encryptedFlag: "storageEncrypted" },
  [T.rdsCluster]: { label: "RDS cluster", keyProp: "kmsKeyId", key: at("kmsKeyId"), encryptedFlag: "storageEncrypted" },
  [T.replicationGroup]: { label: "ElastiCache replication group", keyProp: "kmsKeyId", key: at("kmsKeyId"), encryptedFlag: "atRestEncryptionEnabled" },
  [T.elasticacheServerlessCache]: { label: "ElastiCache serverless cache", keyProp: "kmsKeyId", key: at("kmsKeyId") },
  [T.efsFileSystem]: { label: "EFS file system", keyProp: "kmsKeyId", key: at("kmsKeyId"), encryptedFlag: "encrypted" },
  [T.mqBroker]: { label: "MQ broker", keyProp: "encryptionOptions", key: mqKey, exempt: rabbitMq },
  [T.mskCluster]: { label: "MSK cluster", keyProp: "encryptionInfo", key: at("encryptionInfo", "encryptionAtRestKmsKeyArn") },
};
