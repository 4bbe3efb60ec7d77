import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { serviceTrustPolicy } from "../iam/policyDocument";
import { childName } from "../naming";
import type { AccountContext } from "../account";
import { keyPolicy } from "../security/keyPolicy";
import { SecureBucket, secureBucket, storageTags } from "./bucket";
import { LOG_PREFIXES, accessLogBucketPolicy, bucketPolicy } from "./bucketPolicy";
import { replicationRolePolicy, replicationRule } from "./replication";
import type { BucketSpec } from "./storage";
import { effectiveLifecycle } from "./validate";

export interface ReplicationArgs {
  /** The second region, e.g. us-east-2 for a us-west-2 stack. Must differ from the stack's region. */
  region: string;
  /**
   * An explicit aws.Provider for that region, created once per extra region in stacks/platform.ts
   * with the stack's default tags. One provider makes the region explicit for every replica resource;
   * the v7 per-resource `region` argument would work too, but one forgotten argument would silently
   * put a "replica" in the primary region.
   */
  provider: pulumi.ProviderResource;
  /**
   * Deletion window of the replica region's data key, 7 to 30 days (platform:keys.deletionWindowDays).
   * @default 30
   */
  keyDeletionWindowDays?: number;
  /** Pulumi `protect` on the replica region's data key (platform:keys.protect). @default the component's protect */
  keyProtect?: boolean;
}

export interface ReplicaSource extends SecureBucket {
  spec: BucketSpec;
  /** Derived name of the source bucket. */
  sourceName: pulumi.Output<string>;
  /** Derived name of the replica bucket. */
  replicaName: pulumi.Output<string>;
}

export interface ReplicaInput {
  component: string;
  account: pulumi.Output<AccountContext>;
  noncurrentVersionExpirationDays: number;
  protect: boolean;
  keyDeletionWindowDays: number;
  keyProtect: boolean;
  sourceKeyArn: pulumi.Input<string>;
  logSpec: BucketSpec;
  sources: ReplicaSource[];
  /** Derived name of the second region's access-log bucket. */
  logBucketName: pulumi.Output<string>;
}

export interface ReplicaSite {
  keyArn: pulumi.Output<string>;
  buckets: Record<string, aws.s3.Bucket>;
}

function replicaKey(parent: pulumi.Resource, i: ReplicaInput, r: ReplicationArgs): aws.kms.Key {
  const opts = { parent, provider: r.provider };
  // S3 encrypts replicas with a key of the destination region; KMS keys never leave their region.
  const key = new aws.kms.Key(
    childName(i.component, "replica-data"),
    {
      description: `${i.component}: data encryption key for replicas in ${r.region}`,
      enableKeyRotation: true,
      deletionWindowInDays: i.keyDeletionWindowDays,
      policy: i.account.apply((a) => JSON.stringify(keyPolicy("data", { ...a, region: r.region }))),
      tags: storageTags({ DataClass: "data" }),
    },
    { ...opts, protect: i.keyProtect },
  );
  new aws.kms.Alias(childName(i.component, "replica-data-alias"), { name: `alias/${i.component}-replica-data`, targetKeyId: key.keyId }, opts);
  return key;
}

/**
 * The second region: a data key, an access-log bucket, one replica per critical bucket (versioned,
 * encrypted with that key, with every guard rail of its source) and the replication role and rules.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication.html
 */
export function replicate(parent: pulumi.Resource, name: string, r: ReplicationArgs, i: ReplicaInput): ReplicaSite {
  const arnOf = (bucket: pulumi.Input<string>) => pulumi.all([i.account, bucket]).apply(([a, n]) => `arn:${a.partition}:s3:::${n}`);
  const key = replicaKey(parent, i, r);
  const common = { component: i.component, noncurrentVersionExpirationDays: i.noncurrentVersionExpirationDays, protect: i.protect, provider: r.provider };
  const logs = secureBucket(parent, {
    ...common,
    role: `${i.logSpec.name}-replica`,
    bucketName: i.logBucketName,
    purpose: "logs",
    lifecycle: effectiveLifecycle(i.logSpec),
    policy: pulumi.all([i.account, arnOf(i.logBucketName), i.sources.map((s) => arnOf(s.replicaName))]).apply(([a, bucketArn, sourceBucketArns]) =>
      accessLogBucketPolicy({ bucketArn, accountId: a.accountId, partition: a.partition, region: r.region, sourceBucketArns })),
    tags: storageTags(),
  });
  const replicas = i.sources.map((s) => secureBucket(parent, {
    ...common,
    role: `${s.spec.name}-replica`,
    bucketName: s.replicaName,
    purpose: s.spec.purpose,
    lifecycle: effectiveLifecycle(s.spec),
    kmsKeyArn: key.arn,
    accessLogs: { targetBucket: logs.bucket.bucket, prefix: `${LOG_PREFIXES.s3Access}/${s.spec.name}/` },
    policy: arnOf(s.replicaName).apply(bucketPolicy),
    tags: storageTags({ Critical: "true", ReplicaOf: s.spec.name }),
  }));

  const role = new aws.iam.Role(
    childName(name, "replication"),
    { assumeRolePolicy: i.account.apply((a) => JSON.stringify(serviceTrustPolicy("s3.amazonaws.com", a.accountId))), tags: storageTags() },
    { parent },
  );
  new aws.iam.RolePolicy(
    childName(name, "replication"),
    {
      role: role.id,
      policy: pulumi.all([i.sourceKeyArn, key.arn, i.account, i.sources.map((s) => ({ sourceArn: arnOf(s.sourceName), replicaArn: arnOf(s.replicaName) }))]).apply(([sourceKeyArn, replicaKeyArn, account, pairs]) => JSON.stringify(replicationRolePolicy({
        pairs,
        sourceRegion: account.region,
        replicaRegion: r.region,
        sourceKeyArn,
        replicaKeyArn,
      }))),
    },
    { parent },
  );
  i.sources.forEach((s, n) => {
    new aws.s3.BucketReplicationConfig(
      childName(name, `${s.spec.name}-replication`),
      { bucket: s.bucket.id, role: role.arn, rules: [replicationRule(arnOf(s.replicaName), key.arn, r.region)] },
      { parent, dependsOn: [s.versioning, replicas[n].versioning] },
    );
  });
  return { keyArn: key.arn, buckets: Object.fromEntries(i.sources.map((s, n) => [s.spec.name, replicas[n].bucket])) };
}
