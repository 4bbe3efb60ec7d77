import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { PolicyStatement } from "../iam/policyDocument";
import { throwIfProblems } from "../errors";
import { childName } from "../naming";
import type { AccountContext } from "../security/keyPolicy";
import { Backups, backups } from "./backup";
import { secureBucket, storageTags } from "./bucket";
import { LOG_PREFIXES, bucketPolicy, logBucketPolicy } from "./bucketPolicy";
import { FileSystemArgs, FileSystemOutputs, fileSystem } from "./efs";
import type { BucketPurpose, LifecyclePolicy } from "./lifecycle";
import { bucketName } from "./naming";
import { ReplicationArgs, replicate } from "./replica";
import { effectiveLifecycle, storageArgProblems } from "./validate";

/** The request-metrics configuration id; S3 publishes its metrics with FilterId=<this>. */
export const REQUEST_METRICS_ID = "EntireBucket";

/** One bucket as configured (platform:storage.buckets[]). */
export interface BucketSpec {
  /** Short config name, 2 to 32 characters; services refer to it. */
  name: string;
  /** Selects the lifecycle preset; exactly one bucket has purpose "logs". */
  purpose: BucketPurpose;
  /** Replicated to the second region when replication is on. Never true for the logs bucket. */
  critical?: boolean;
  /** Overrides the purpose's preset; validated against S3's transition rules. */
  lifecycle?: LifecyclePolicy;
}

/** Plain and typed: what other tiers need to address a bucket. */
export interface BucketRef {
  name: pulumi.Output<string>;
  /** arn:aws:s3:::<name>, for IAM policies. */
  arn: pulumi.Output<string>;
  /** <name>.s3.<region>.amazonaws.com, the CloudFront origin domain. */
  regionalDomainName: pulumi.Output<string>;
}

export interface StorageArgs {
  /** platform:name, first part of every bucket name. */
  system: string;
  /** platform:profile, second part of every bucket name (dev and prod may share an account). */
  profile: string;
  /** Account, partition and region of the stack; account and region end every bucket name. */
  account: AccountContext;
  buckets: BucketSpec[];
  /** Days S3 keeps a replaced or deleted version, 1 to 3650. https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-configuration-examples.html */
  noncurrentVersionExpirationDays: number;
  /** Pulumi `protect` on buckets, file system and vaults (prod). https://www.pulumi.com/docs/iac/concepts/options/protect/ */
  protect: boolean;
  /** The platform data key: SSE-KMS for every bucket but the log target, EFS and the backup vault. */
  dataKeyArn: pulumi.Input<string>;
  /** The second region for critical buckets and backup copies; none in dev. */
  replication?: ReplicationArgs;
  /** The EFS file system, when a stateful container needs one. */
  efs?: FileSystemArgs;
  /** Retention of the daily and monthly AWS Backup rules, in days (at least 1). */
  backup: { dailyRetentionDays: number; monthlyRetentionDays: number };
  /**
   * ARNs AWS Backup protects besides the file system (the data tier's RDS instance). The list length
   * must be known when the program runs; the values may be outputs.
   */
  backupResourceArns: pulumi.Input<string>[];
  /**
   * Extra statements for the log bucket's policy, given its ARN: other tiers' log deliveries that a
   * bucket policy must admit (the monitoring tier's CloudTrail). Names are derived, so they can be
   * written before the delivering resource exists.
   */
  logBucketStatements?: (bucketArn: string) => PolicyStatement[];
  /**
   * S3 request metrics (whole bucket, filter id EntireBucket) on every primary bucket, for the
   * monitoring tier's dashboard; billed as CloudWatch custom metrics. Default false.
   * https://docs.aws.amazon.com/AmazonS3/latest/userguide/metrics-configurations.html
   */
  requestMetrics?: boolean;
  /** Extra bucket-policy statements by bucket config name, from other tiers (the edge's CloudFront read). */
  extraBucketStatements?: Record<string, pulumi.Input<PolicyStatement[]>>;
}

const ref = (b: aws.s3.Bucket): BucketRef => ({ name: b.bucket, arn: b.arn, regionalDomainName: b.bucketRegionalDomainName });

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
    const problems = storageArgProblems({ system: args.system, profile: args.profile, accountId: args.account.accountId, region: args.account.region, replicaRegion: args.replication?.region, buckets: args.buckets });
    throwIfProblems(name, problems);

    const { partition, accountId, region } = args.account;
    const nameIn = (b: BucketSpec, r: string) => bucketName({ system: args.system, profile: args.profile, name: b.name, accountId, region: r });
    const arnOf = (bucket: string) => `arn:${partition}:s3:::${bucket}`;
    const logSpec = args.buckets.find((b) => b.purpose === "logs")!;
    const others = args.buckets.filter((b) => b !== logSpec);
    const common = { component: name, noncurrentVersionExpirationDays: args.noncurrentVersionExpirationDays, protect: args.protect };

    // Names are derived, so the log bucket's policy can name its sources before they exist.
    const logs = secureBucket(this, {
      ...common,
      role: logSpec.name,
      bucketName: nameIn(logSpec, region),
      purpose: "logs",
      lifecycle: effectiveLifecycle(logSpec),
      policy: logBucketPolicy({
        bucketArn: arnOf(nameIn(logSpec, region)), accountId, partition, region, sourceBucketArns: others.map((b) => arnOf(nameIn(b, region))),
        extraStatements: args.logBucketStatements?.(arnOf(nameIn(logSpec, region))),
      }),
      tags: storageTags(),
    });
    const created = new Map(others.map((b) => [b, secureBucket(this, {
      ...common,
      role: b.name,
      bucketName: nameIn(b, region),
      purpose: b.purpose,
      lifecycle: effectiveLifecycle(b),
      kmsKeyArn: args.dataKeyArn,
      accessLogs: { targetBucket: logs.bucket.bucket, prefix: `${LOG_PREFIXES.s3Access}/${b.name}/` },
      policy: bucketPolicy(arnOf(nameIn(b, region))),
      extraStatements: args.extraBucketStatements?.[b.name],
      tags: storageTags(b.critical ? { Critical: "true" } : {}),
    })]));

    if (args.requestMetrics) {
      for (const [spec, b] of [[logSpec, logs] as const, ...[...created.entries()]]) {
        new aws.s3.BucketMetric(childName(name, `${spec.name}-requests`), { bucket: b.bucket.bucket, name: REQUEST_METRICS_ID }, { parent: this });
      }
    }
    this.logsBucket = ref(logs.bucket);
    this.buckets = Object.fromEntries([[logSpec.name, this.logsBucket], ...others.map((b) => [b.name, ref(created.get(b)!.bucket)])]);

    const replica = args.replication
      ? replicate(this, name, args.replication, {
        ...common,
        account: args.account,
        sourceKeyArn: args.dataKeyArn,
        logSpec,
        sources: others.filter((b) => b.critical).map((b) => ({ spec: b, ...created.get(b)!, sourceName: nameIn(b, region), replicaName: nameIn(b, args.replication!.region) })),
        logBucketName: nameIn(logSpec, args.replication.region),
      })
      : undefined;
    this.replicaBuckets = Object.fromEntries(Object.entries(replica?.buckets ?? {}).map(([k, b]) => [k, ref(b)]));

    this.efs = args.efs ? fileSystem(this, name, args.efs, { kmsKeyArn: args.dataKeyArn, protect: args.protect }) : undefined;
    const vault: Backups = backups(this, name, {
      ...args.backup,
      account: args.account,
      kmsKeyArn: args.dataKeyArn,
      protect: args.protect,
      resourceArns: [...args.backupResourceArns, ...(this.efs ? [this.efs.fileSystemArn] : [])],
      copyTo: replica ? { provider: args.replication!.provider, kmsKeyArn: replica.keyArn } : undefined,
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
