/**
 * Careless changes to the storage config of the prod stack. The prod stack file lists the buckets
 * documents, static-assets, ml-artifacts, logs and backups, in that order.
 */
import * as pulumi from "@pulumi/pulumi";
import { type Mutation, noSuchKey } from "./harness";

const NOT_A_KNOB = "it is hard-wired in the storage component, not config; the policy guards hand-written code and other programs using the pack";

/**
 * A transformation patches resources but cannot remove one: a setting "dropped" in code is one that
 * names a bucket outside the stack (a plain string, so no dependency links it to the stack's bucket),
 * which leaves the stack's buckets exactly as the policies would see them without it.
 */
const OUTSIDE_BUCKET = "a-bucket-outside-this-stack";

/** Prod leaves EFS off; the ECS AI example stack has the file system, its backup and TLS-only policies and the qdrant access point. */
const ECSAI = "examples/Pulumi.ecsai.yaml";

const efsWith = (extra: Record<string, unknown>) => ({ "platform:storage.efs": { enabled: true, ...extra } });

export const STORAGE_MUTATIONS: Mutation[] = [
  {
    policy: "s3-require-bucket-encryption",
    change: "encrypt the documents bucket with S3-managed keys (SSE-S3)",
    set: { "platform:storage.buckets[0].encryption": "AES256" },
    configError: /platform:storage\.buckets\[0\]\.encryption: got "AES256"; allowed: no such key/,
    because: NOT_A_KNOB,
    // Not the documents bucket: SSE-S3 on a PHI bucket is phi-require-data-classification's too.
    inCode: {
      type: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
      name: /-ml-artifacts-encryption$/,
      patch: (p) => ({ ...p, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] }),
      message: /is encrypted with AES256 and no KMS key; expected sseAlgorithm "aws:kms" with a customer-managed kmsMasterKeyId\.$/,
    },
  },
  {
    policy: "s3-require-bucket-public-access-block",
    change: "make the static assets bucket public",
    set: { "platform:storage.buckets[1].public": true },
    configError: /platform:storage\.buckets\[1\]\.public: got true; allowed: no such key/,
    because: NOT_A_KNOB,
    inCode: {
      type: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
      name: /-static-assets-public-access$/,
      patch: (p) => ({ ...p, blockPublicAcls: false, blockPublicPolicy: false, ignorePublicAcls: false, restrictPublicBuckets: false }),
      message: /leaves blockPublicAcls, blockPublicPolicy, ignorePublicAcls, restrictPublicBuckets off; set all four settings to true\.$/,
    },
  },
  {
    policy: "s3-require-bucket-guardrails",
    change: "drop the public access blocks and rely on the account's settings",
    set: { "platform:storage.publicAccessBlock": false },
    configError: /platform:storage\.publicAccessBlock: got false; allowed: no such key/,
    because: NOT_A_KNOB,
    inCode: {
      type: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
      patch: (p) => ({ ...p, bucket: OUTSIDE_BUCKET }),
      message: /lacks a public access block; add the aws\.s3 resource for each, naming this bucket\.$/,
    },
  },
  {
    policy: "s3-require-tls-only-policy",
    change: "allow plain HTTP to the static assets bucket",
    set: { "platform:storage.buckets[1].allowInsecureTransport": true },
    configError: /platform:storage\.buckets\[1\]\.allowInsecureTransport: got true; allowed: no such key/,
    because: NOT_A_KNOB,
    inCode: {
      type: "aws:s3/bucketPolicy:BucketPolicy",
      name: /-static-assets-policy$/,
      patch: (p) => ({
        ...p,
        policy: pulumi.output(p.policy).apply((s) => {
          const doc = JSON.parse(s);
          return JSON.stringify({ ...doc, Statement: doc.Statement.filter((st: { Sid?: string }) => st.Sid !== "DenyInsecureTransport") });
        }),
      }),
      message: /static-assets.* has no policy denying non-TLS requests; add a Deny of s3:\* on the bucket and its objects when aws:SecureTransport is false\.$/,
    },
  },
  {
    policy: "s3-enable-bucket-versioning",
    change: "turn versioning off to save storage",
    set: { "platform:storage.versioning": false },
    configError: /platform:storage\.versioning: got false; allowed: no such key/,
    because: NOT_A_KNOB,
    inCode: {
      type: "aws:s3/bucketVersioning:BucketVersioning",
      patch: (p) => ({ ...p, versioningConfiguration: { status: "Suspended" } }),
      message: /does not have versioning enabled; add an aws\.s3\.BucketVersioning with status "Enabled"\.$/,
    },
  },
  {
    policy: "s3-configure-versioned-bucket-lifecycle",
    change: "keep old object versions forever (no expiry)",
    set: { "platform:storage.noncurrentVersionExpirationDays": 0 },
    configError: /platform:storage\.noncurrentVersionExpirationDays: got 0; allowed: at least 1/,
    because: "the schema requires 1 to 3650 days; the policy covers buckets other code or programs declare",
    inCode: {
      type: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
      patch: (p) => ({ ...p, rules: pulumi.output(p.rules).apply((rules) => rules.map((r: object) => ({ ...r, noncurrentVersionExpiration: undefined }))) }),
      message: /has no enabled lifecycle rule expiring noncurrent versions; add one with noncurrentVersionExpiration\.noncurrentDays\.$/,
    },
  },
  {
    policy: "s3-require-lifecycle-configuration",
    change: "keep the documents bucket without lifecycle rules",
    set: { "platform:storage.buckets[0].lifecycle": false },
    configError: /platform:storage\.buckets\[0\]\.lifecycle: got false; allowed: a value of type object/,
    because: "a bucket's lifecycle override only replaces its purpose's transitions and expiry; the rule expiring noncurrent versions (platform:storage.noncurrentVersionExpirationDays, at least 1 day) is always there, so every bucket keeps an enabled rule; the policy guards buckets other code or programs declare",
    // Every bucket is versioned, so a bucket without an enabled rule has none expiring noncurrent versions either.
    inCode: {
      type: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
      name: /-documents-lifecycle$/,
      patch: (p) => ({ ...p, rules: pulumi.output(p.rules).apply((rules) => rules.map((r: object) => ({ ...r, status: "Disabled" }))) }),
      message: /documents.* has no enabled lifecycle rule; add a lifecycle configuration with an Enabled rule that transitions or expires its objects\.$/,
      alsoFires: ["s3-configure-versioned-bucket-lifecycle"],
    },
  },
  {
    policy: "s3-disallow-bucket-acls",
    change: "grant public-read on the static assets bucket with an ACL",
    set: { "platform:storage.buckets[1].acl": "public-read" },
    configError: /platform:storage\.buckets\[1\]\.acl: got "public-read"; allowed: no such key/,
    because: NOT_A_KNOB,
    inCode: {
      type: "aws:s3/bucket:Bucket",
      name: /-static-assets$/,
      patch: (p) => ({ ...p, acl: "public-read" }),
      message: /^Bucket sets an ACL or grants; remove them and grant access through IAM or the bucket policy\.$/,
    },
  },
  {
    policy: "s3-enable-server-access-logging",
    change: "drop the log bucket",
    set: {
      "platform:storage.buckets": [
        { name: "documents", purpose: "documents", critical: true },
        { name: "static-assets", purpose: "static-assets" },
        { name: "ml-artifacts", purpose: "ml-artifacts" },
        { name: "backups", purpose: "backups", critical: true },
      ],
    },
    configError: /platform:storage\.buckets: got .*; allowed: exactly one bucket with purpose "logs" \(found 0\)/,
    because: "the storage rules require exactly one logs bucket, the target of every access log",
    inCode: {
      type: "aws:s3/bucketLogging:BucketLogging",
      patch: (p) => ({ ...p, targetBucket: OUTSIDE_BUCKET }),
      message: /has no server access logging to a log bucket; add an aws\.s3\.BucketLogging whose targetBucket is the bucket tagged Purpose=logs\.$/,
    },
  },
  {
    policy: "efs-require-file-system-encryption",
    change: "turn on EFS without encryption",
    set: efsWith({ encrypted: false }),
    configError: /platform:storage\.efs\.encrypted: got false; allowed: no such key/,
    because: NOT_A_KNOB,
    // The program's file system is always PHI, and an unencrypted PHI store breaks the PHI rule too.
    inCode: {
      stackFile: ECSAI,
      type: "aws:efs/fileSystem:FileSystem",
      patch: (p) => ({ ...p, encrypted: false }),
      message: /^File system is not encrypted; set encrypted: true and kmsKeyId to a customer-managed KMS key\.$/,
      alsoFires: ["phi-require-data-classification"],
    },
  },
  {
    policy: "efs-enable-file-system-backups",
    change: "turn on EFS without automatic backups",
    set: efsWith({ backups: false }),
    configError: /platform:storage\.efs\.backups: got false; allowed: no such key/,
    because: NOT_A_KNOB,
    inCode: {
      stackFile: ECSAI,
      type: "aws:efs/backupPolicy:BackupPolicy",
      patch: (p) => ({ ...p, backupPolicy: { status: "DISABLED" } }),
      message: /has automatic backups off; add an aws\.efs\.BackupPolicy with status "ENABLED" for it\.$/,
    },
  },
  {
    policy: "efs-require-tls-only-policy",
    change: "turn on EFS and let clients mount it over plain NFS",
    set: efsWith({ allowInsecureTransport: true }),
    configError: noSuchKey("platform:storage.efs.allowInsecureTransport"),
    because: NOT_A_KNOB,
    inCode: {
      stackFile: ECSAI,
      type: "aws:efs/fileSystemPolicy:FileSystemPolicy",
      patch: (p) => ({
        ...p,
        policy: pulumi.output(p.policy).apply((s) => {
          const doc = JSON.parse(s);
          return JSON.stringify({ ...doc, Statement: doc.Statement.filter((st: { Sid?: string }) => st.Sid !== "DenyInsecureTransport") });
        }),
      }),
      message: /has no file system policy denying non-TLS access; add an aws\.efs\.FileSystemPolicy for it with a Deny of "\*" for every principal when aws:SecureTransport is false\.$/,
    },
  },
  {
    policy: "efs-require-access-point-identity",
    change: "give a workload an access point at the file system root",
    set: efsWith({ accessPoints: [{ name: "qdrant", path: "/", uid: 1000, gid: 1000, permissions: "750" }] }),
    configError: /platform:storage\.efs\.accessPoints\[0\]\.path: got "\/"; allowed: an absolute path below \//,
    because: "the schema requires a directory below /; the policy covers access points other code or programs declare",
    inCode: {
      stackFile: ECSAI,
      type: "aws:efs/accessPoint:AccessPoint",
      name: /-qdrant-data$/,
      patch: (p) => ({ ...p, rootDirectory: { ...p.rootDirectory, path: "/" } }),
      message: /^Access point exposes "\/"; set rootDirectory\.path to a directory below \/\.$/,
    },
  },
  {
    policy: "backup-require-vault-encryption",
    change: "let AWS Backup use its AWS-managed key",
    set: { "platform:storage.backup.kmsKeyArn": "alias/aws/backup" },
    configError: /platform:storage\.backup\.kmsKeyArn: got "alias\/aws\/backup"; allowed: no such key/,
    because: NOT_A_KNOB,
    // Every vault is a PHI store, which the PHI rule requires on a customer-managed key.
    inCode: {
      type: "aws:backup/vault:Vault",
      name: /-vault$/,
      patch: (p) => ({ ...p, kmsKeyArn: "alias/aws/backup" }),
      message: /^Backup vault names the AWS-managed key alias\/aws\/backup; set kmsKeyArn to a customer-managed KMS key\.$/,
      alsoFires: ["phi-require-data-classification"],
    },
  },
  {
    policy: "phi-require-data-classification",
    change: "classify the documents bucket Internal",
    set: { "platform:storage.buckets[0].dataClassification": "Internal" },
    configError: /platform:storage\.buckets\[0\]\.dataClassification: got "Internal"; allowed: no such key/,
    because: "classification follows the bucket's purpose in the storage component; the policy guards that mapping, vaults and the data tier's stores",
    inCode: {
      type: "aws:s3/bucket:Bucket",
      name: /-documents$/,
      patch: (p) => ({ ...p, tags: { ...p.tags, DataClassification: "Internal" } }),
      message: /holds patient data \(Purpose=documents\) but is tagged DataClassification=Internal; tag it DataClassification=PHI\.$/,
    },
  },
];
