import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AccountContext, accountContext } from "../account";
import type { PolicyStatement } from "../iam/policyDocument";
import { childName } from "../naming";
import { KeyArns, keysFor } from "../security/ownKeys";
import { withDefaults } from "../defaults";
import { assertNoProblems } from "../settings";
import { Backups, backups } from "./backup";
import { secureBucket, storageTags } from "./bucket";
import { LOG_PREFIXES, bucketPolicy, logBucketPolicy } from "./bucketPolicy";
import { FileSystemArgs, FileSystemOutputs, fileSystem } from "./efs";
import type { BucketPurpose, LifecyclePolicy } from "./lifecycle";
import { bucketName } from "./naming";
import { BucketRef, bucketRef } from "./refs";
import { FILE_SYSTEM_DEFAULTS, REPLICA_KEY_DELETION_WINDOW_DAYS, StorageSettings, checkFileSystemSettings, resolveStorageArgs } from "./presets";
import { ReplicationArgs, replicate } from "./replica";
import { effectiveLifecycle, storageArgProblems, withLogBucket } from "./validate";

/** The request-metrics configuration id; S3 publishes its metrics with FilterId=<this>. */
export const REQUEST_METRICS_ID = "EntireBucket";

/** One bucket as configured (platform:storage.buckets[]). */
export interface BucketSpec {
  /** Short name, unique in the component, 2 to 32 characters; services refer to it and it is part of the bucket name. */
  name: string;
  /** Selects the lifecycle preset; at most one bucket has purpose "logs" (one named logs is added when none does). */
  purpose: BucketPurpose;
  /** Replicated to the second region when replication is on. Never true for the logs bucket. */
  critical?: boolean;
  /** Overrides the purpose's preset; validated against S3's transition rules. */
  lifecycle?: LifecyclePolicy;
}

/**
 * Only the buckets are required: the settings (StorageSettings, presets.ts) default to the prod
 * preset, a log bucket is added when none is listed, and the key and account are found or made.
 */
export interface StorageArgs extends Partial<StorageSettings> {
  /**
   * The buckets. Every one is KMS-encrypted, versioned, private, TLS-only and access-logged to the
   * one bucket with purpose "logs" (SSE-S3, the only encryption S3 log delivery writes to).
   */
  buckets: BucketSpec[];
  /**
   * First part of every bucket name, which is `<system>-<profile>-<name>-<account>-<region>`
   * (naming.ts): S3 names are global, so they carry the account and region.
   * @default the component's name
   */
  system?: string;
  /**
   * Second part of every bucket name, so two stacks in one account never share a bucket (the
   * platform's stacks pass platform:profile).
   * @default the Pulumi stack's name
   */
  profile?: string;
  /**
   * Account, partition and region: every bucket name ends with the account and region.
   * @default what the component's provider answers
   */
  account?: AccountContext;
  /**
   * The `data` key: SSE-KMS for every bucket but the log target, EFS and the backup vault.
   * @default the component's own customer-managed key, rotation on, protected as the buckets are
   */
  keys?: KeyArns;
  /** The second region for critical buckets and backup copies. @default none */
  replication?: ReplicationArgs;
  /** The EFS file system, when a stateful container needs one. @default none */
  efs?: FileSystemArgs;
  /**
   * ARNs AWS Backup protects besides the file system (an RDS instance). The list length must be
   * known when the program runs; the values may be outputs.
   * @default [] (no selection unless there is a file system)
   */
  backupResourceArns?: pulumi.Input<string>[];
  /**
   * Extra statements for the log bucket's policy, given its ARN: other tiers' log deliveries that a
   * bucket policy must admit (the monitoring tier's CloudTrail). Names are derived, so they can be
   * written before the delivering resource exists.
   */
  logBucketStatements?: (bucketArn: string) => PolicyStatement[];
  /**
   * S3 request metrics (whole bucket, filter id EntireBucket) on every primary bucket, for the
   * monitoring tier's dashboard; billed as CloudWatch custom metrics.
   * https://docs.aws.amazon.com/AmazonS3/latest/userguide/metrics-configurations.html
   * @default false
   */
  requestMetrics?: boolean;
  /** Extra bucket-policy statements by bucket name, from other tiers (the edge's CloudFront read). */
  extraBucketStatements?: Record<string, pulumi.Input<PolicyStatement[]>>;
}

/**
 * The storage tier: one bucket per configured purpose with every guard rail, the log bucket all
 * access logs land in, cross-region replication of critical buckets, an optional EFS file system
 * and an AWS Backup vault and plan.
 */
export class Storage extends pulumi.ComponentResource {
  /** Every bucket, by config name (the log bucket included). */
  readonly buckets: Record<string, BucketRef>;
  /** The server-access-log target; the edge tier delivers ALB and CloudFront logs here. */
  readonly logsBucket: BucketRef;
  /** Prefixes each log source writes under in the log bucket (its bucket policy admits only these). */
  readonly logPrefixes = LOG_PREFIXES;
  /** Replicas in the second region, by config name. */
  readonly replicaBuckets: Record<string, BucketRef>;
  readonly efs?: FileSystemOutputs;
  readonly backupVaultName: pulumi.Output<string>;
  readonly backupVaultArn: pulumi.Output<string>;

  constructor(name: string, args: StorageArgs, opts?: pulumi.ComponentResourceOptions) {
    super("platform:storage:Storage", name, {}, opts);
    const settings = resolveStorageArgs(name, args);
    const system = args.system ?? name;
    const profile = args.profile ?? pulumi.getStack();
    const buckets = withLogBucket(args.buckets);
    const efs = args.efs ? { ...args.efs, ...withDefaults(FILE_SYSTEM_DEFAULTS, args.efs) } : undefined;
    assertNoProblems(name, [
      ...storageArgProblems({ system, profile, accountId: args.account?.accountId, region: args.account?.region, replicaRegion: args.replication?.region, buckets }),
      ...(efs ? checkFileSystemSettings(efs) : []),
    ]);

    const account = accountContext(this, args.account);
    const protect = settings.protect;
    const { data: dataKeyArn } = keysFor(this, name, ["data"], args.keys, { account: () => account, protect, kind: "Storage" });
    // Names and ARNs are derived, so policies can name buckets (and their sources) before they exist.
    const nameIn = (b: BucketSpec, r?: string) => account.apply((a) => bucketName({ system, profile, name: b.name, accountId: a.accountId, region: r ?? a.region }));
    const arnOf = (bucket: pulumi.Input<string>) => pulumi.all([account, bucket]).apply(([a, n]) => `arn:${a.partition}:s3:::${n}`);
    const logSpec = buckets.find((b) => b.purpose === "logs")!;
    const others = buckets.filter((b) => b !== logSpec);
    const common = { component: name, noncurrentVersionExpirationDays: settings.noncurrentVersionExpirationDays, protect };

    const logArn = arnOf(nameIn(logSpec));
    const logs = secureBucket(this, {
      ...common,
      role: logSpec.name,
      bucketName: nameIn(logSpec),
      purpose: "logs",
      lifecycle: effectiveLifecycle(logSpec),
      policy: pulumi.all([account, logArn, others.map((b) => arnOf(nameIn(b)))]).apply(([a, bucketArn, sourceBucketArns]) => logBucketPolicy({
        bucketArn, accountId: a.accountId, partition: a.partition, region: a.region, sourceBucketArns, extraStatements: args.logBucketStatements?.(bucketArn),
      })),
      tags: storageTags(),
    });
    const created = new Map(others.map((b) => [b, secureBucket(this, {
      ...common,
      role: b.name,
      bucketName: nameIn(b),
      purpose: b.purpose,
      lifecycle: effectiveLifecycle(b),
      kmsKeyArn: dataKeyArn,
      accessLogs: { targetBucket: logs.bucket.bucket, prefix: `${LOG_PREFIXES.s3Access}/${b.name}/` },
      policy: arnOf(nameIn(b)).apply(bucketPolicy),
      extraStatements: args.extraBucketStatements?.[b.name],
      tags: storageTags(b.critical ? { Critical: "true" } : {}),
    })]));

    if (args.requestMetrics) {
      for (const [spec, b] of [[logSpec, logs] as const, ...[...created.entries()]]) {
        new aws.s3.BucketMetric(childName(name, `${spec.name}-requests`), { bucket: b.bucket.bucket, name: REQUEST_METRICS_ID }, { parent: this });
      }
    }
    this.logsBucket = bucketRef(logs.bucket);
    this.buckets = Object.fromEntries([[logSpec.name, this.logsBucket], ...others.map((b) => [b.name, bucketRef(created.get(b)!.bucket)])]);

    const r = args.replication;
    const replica = r
      ? replicate(this, name, r, {
        ...common,
        account,
        keyDeletionWindowDays: r.keyDeletionWindowDays ?? REPLICA_KEY_DELETION_WINDOW_DAYS,
        keyProtect: r.keyProtect ?? protect,
        sourceKeyArn: dataKeyArn,
        logSpec,
        sources: others.filter((b) => b.critical).map((b) => ({ spec: b, ...created.get(b)!, sourceName: nameIn(b), replicaName: nameIn(b, r.region) })),
        logBucketName: nameIn(logSpec, r.region),
      })
      : undefined;
    this.replicaBuckets = Object.fromEntries(Object.entries(replica?.buckets ?? {}).map(([k, b]) => [k, bucketRef(b)]));

    this.efs = efs ? fileSystem(this, name, efs, { kmsKeyArn: dataKeyArn, protect }) : undefined;
    const vault: Backups = backups(this, name, {
      ...settings.backup,
      account,
      kmsKeyArn: dataKeyArn,
      protect,
      resourceArns: [...(args.backupResourceArns ?? []), ...(this.efs ? [this.efs.fileSystemArn] : [])],
      copyTo: replica && r ? { provider: r.provider, kmsKeyArn: replica.keyArn } : undefined,
    });
    this.backupVaultName = vault.vaultName;
    this.backupVaultArn = vault.vaultArn;

    this.registerOutputs({
      buckets: this.buckets,
      logsBucket: this.logsBucket,
      replicaBuckets: this.replicaBuckets,
      efs: this.efs,
      backupVaultName: this.backupVaultName,
      backupVaultArn: this.backupVaultArn,
    });
  }
}
