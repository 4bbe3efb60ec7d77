import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { PolicyDocument, PolicyStatement } from "../iam/policyDocument";
import { childName } from "../naming";
import { tierTags } from "../tags";
import { BUCKET_CLASSIFICATION, classificationTag } from "./classification";
import { BucketPurpose, LifecyclePolicy, lifecycleRule } from "./lifecycle";

/** One bucket with every guard rail. Security settings are not parameters: only what differs per bucket is. */
export interface SecureBucketArgs {
  /** Parent component name, for child names. */
  component: string;
  /** Child role, e.g. "documents" or "documents-replica". */
  role: string;
  /** Physical bucket name (naming.ts). */
  bucketName: pulumi.Input<string>;
  purpose: BucketPurpose;
  lifecycle: LifecyclePolicy;
  /** Days noncurrent versions are kept. */
  noncurrentVersionExpirationDays: number;
  /**
   * SSE-KMS key ARN, with an S3 Bucket Key (one KMS call per bucket and period instead of per object).
   * Undefined only for a server-access-log target, which S3 log delivery requires to use SSE-S3.
   * https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html
   */
  kmsKeyArn?: pulumi.Input<string>;
  /** Where this bucket's server access logs go; undefined for a log target itself (no logging loop). */
  accessLogs?: { targetBucket: pulumi.Input<string>; prefix: string };
  policy: pulumi.Input<PolicyDocument>;
  /**
   * Statements another tier adds to this bucket's one policy (CloudFront's OAC read on the static
   * assets), possibly known only later. A bucket has exactly one policy; two BucketPolicy resources
   * would overwrite each other.
   */
  extraStatements?: pulumi.Input<PolicyStatement[]>;
  protect: boolean;
  /** Provider of the bucket's region; the parent's when undefined. */
  provider?: pulumi.ProviderResource;
  tags: Record<string, string>;
}

export interface SecureBucket {
  bucket: aws.s3.Bucket;
  versioning: aws.s3.BucketVersioning;
}

/**
 * The bucket and its sub-resources (aws v7 splits them into separate resources): BucketOwnerEnforced
 * ownership (no ACLs, FSBP S3.12), all four public-access blocks (S3.8), default encryption,
 * versioning, the purpose's lifecycle with noncurrent-version expiry, a TLS-only policy (S3.5) and
 * server access logging (S3.9).
 */
export function secureBucket(parent: pulumi.Resource, a: SecureBucketArgs): SecureBucket {
  const opts = { parent, ...(a.provider ? { provider: a.provider } : {}) };
  const n = (suffix?: string) => childName(a.component, suffix ? `${a.role}-${suffix}` : a.role);
  const bucket = new aws.s3.Bucket(n(), { bucket: a.bucketName, tags: { ...a.tags, Purpose: a.purpose, ...classificationTag(BUCKET_CLASSIFICATION[a.purpose]) } }, { ...opts, protect: a.protect });
  const ownership = new aws.s3.BucketOwnershipControls(n("ownership"), { bucket: bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } }, opts);
  const publicAccess = new aws.s3.BucketPublicAccessBlock(
    n("public-access"),
    { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
    opts,
  );
  new aws.s3.BucketServerSideEncryptionConfiguration(
    n("encryption"),
    {
      bucket: bucket.id,
      rules: [a.kmsKeyArn
        ? { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: a.kmsKeyArn }, bucketKeyEnabled: true }
        : { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
    },
    opts,
  );
  const versioning = new aws.s3.BucketVersioning(n("versioning"), { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } }, opts);
  // Noncurrent-version rules are accepted only once versioning is on.
  new aws.s3.BucketLifecycleConfiguration(
    n("lifecycle"),
    { bucket: bucket.id, rules: [lifecycleRule(a.lifecycle, a.noncurrentVersionExpirationDays)] },
    { ...opts, dependsOn: [versioning] },
  );
  // The block must exist first, or S3 may evaluate the policy against a bucket that still allows public policies.
  const policy = pulumi.all([a.policy, a.extraStatements ?? []]).apply(([doc, extra]) => JSON.stringify({ ...doc, Statement: [...doc.Statement, ...extra] }));
  new aws.s3.BucketPolicy(n("policy"), { bucket: bucket.id, policy }, { ...opts, dependsOn: [publicAccess, ownership] });
  if (a.accessLogs) {
    new aws.s3.BucketLogging(n("logging"), { bucket: bucket.id, targetBucket: a.accessLogs.targetBucket, targetPrefix: a.accessLogs.prefix }, opts);
  }
  return { bucket, versioning };
}

export const storageTags = (extra: Record<string, string> = {}) => tierTags("storage", extra);
