/**
 * Careless changes to the storage config of the prod stack. The prod stack file lists the buckets
 * documents, static-assets, ml-artifacts, logs and backups, in that order.
 */
import { type Mutation, noSuchKey } from "./harness";

const NOT_A_KNOB = "it is hard-wired in the storage component, not config; the policy guards hand-written code and other programs using the pack";

const efsWith = (extra: Record<string, unknown>) => ({ "platform:storage.efs": { enabled: true, ...extra } });

export const STORAGE_MUTATIONS: Mutation[] = [
  {
    policy: "s3-require-bucket-encryption",
    change: "encrypt the documents bucket with S3-managed keys (SSE-S3)",
    set: { "platform:storage.buckets[0].encryption": "AES256" },
    configError: /platform:storage\.buckets\[0\]\.encryption: got "AES256"; allowed: no such key/,
    because: NOT_A_KNOB,
  },
  {
    policy: "s3-require-bucket-public-access-block",
    change: "make the static assets bucket public",
    set: { "platform:storage.buckets[1].public": true },
    configError: /platform:storage\.buckets\[1\]\.public: got true; allowed: no such key/,
    because: NOT_A_KNOB,
  },
  {
    policy: "s3-require-bucket-guardrails",
    change: "drop the public access blocks and rely on the account's settings",
    set: { "platform:storage.publicAccessBlock": false },
    configError: /platform:storage\.publicAccessBlock: got false; allowed: no such key/,
    because: NOT_A_KNOB,
  },
  {
    policy: "s3-require-tls-only-policy",
    change: "allow plain HTTP to the static assets bucket",
    set: { "platform:storage.buckets[1].allowInsecureTransport": true },
    configError: /platform:storage\.buckets\[1\]\.allowInsecureTransport: got true; allowed: no such key/,
    because: NOT_A_KNOB,
  },
  {
    policy: "s3-enable-bucket-versioning",
    change: "turn versioning off to save storage",
    set: { "platform:storage.versioning": false },
    configError: /platform:storage\.versioning: got false; allowed: no such key/,
    because: NOT_A_KNOB,
  },
  {
    policy: "s3-configure-versioned-bucket-lifecycle",
    change: "keep old object versions forever (no expiry)",
    set: { "platform:storage.noncurrentVersionExpirationDays": 0 },
    configError: /platform:storage\.noncurrentVersionExpirationDays: got 0; allowed: at least 1/,
    because: "the schema requires 1 to 3650 days; the policy covers buckets other code or programs declare",
  },
  {
    policy: "s3-require-lifecycle-configuration",
    change: "keep the documents bucket without lifecycle rules",
    set: { "platform:storage.buckets[0].lifecycle": false },
    configError: /platform:storage\.buckets\[0\]\.lifecycle: got false; allowed: a value of type object/,
    because: "a bucket's lifecycle override only replaces its purpose's transitions and expiry; the rule expiring noncurrent versions (platform:storage.noncurrentVersionExpirationDays, at least 1 day) is always there, so every bucket keeps an enabled rule; the policy guards buckets other code or programs declare",
  },
  {
    policy: "s3-disallow-bucket-acls",
    change: "grant public-read on the static assets bucket with an ACL",
    set: { "platform:storage.buckets[1].acl": "public-read" },
    configError: /platform:storage\.buckets\[1\]\.acl: got "public-read"; allowed: no such key/,
    because: NOT_A_KNOB,
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
  },
  {
    policy: "efs-require-file-system-encryption",
    change: "turn on EFS without encryption",
    set: efsWith({ encrypted: false }),
    configError: /platform:storage\.efs\.encrypted: got false; allowed: no such key/,
    because: NOT_A_KNOB,
  },
  {
    policy: "efs-enable-file-system-backups",
    change: "turn on EFS without automatic backups",
    set: efsWith({ backups: false }),
    configError: /platform:storage\.efs\.backups: got false; allowed: no such key/,
    because: NOT_A_KNOB,
  },
  {
    policy: "efs-require-tls-only-policy",
    change: "turn on EFS and let clients mount it over plain NFS",
    set: efsWith({ allowInsecureTransport: true }),
    configError: noSuchKey("platform:storage.efs.allowInsecureTransport"),
    because: NOT_A_KNOB,
  },
  {
    policy: "efs-require-access-point-identity",
    change: "give a workload an access point at the file system root",
    set: efsWith({ accessPoints: [{ name: "qdrant", path: "/", uid: 1000, gid: 1000, permissions: "750" }] }),
    configError: /platform:storage\.efs\.accessPoints\[0\]\.path: got "\/"; allowed: an absolute path below \//,
    because: "the schema requires a directory below /; the policy covers access points other code or programs declare",
  },
  {
    policy: "backup-require-vault-encryption",
    change: "let AWS Backup use its AWS-managed key",
    set: { "platform:storage.backup.kmsKeyArn": "alias/aws/backup" },
    configError: /platform:storage\.backup\.kmsKeyArn: got "alias\/aws\/backup"; allowed: no such key/,
    because: NOT_A_KNOB,
  },
  {
    policy: "phi-require-data-classification",
    change: "classify the documents bucket Internal",
    set: { "platform:storage.buckets[0].dataClassification": "Internal" },
    configError: /platform:storage\.buckets\[0\]\.dataClassification: got "Internal"; allowed: no such key/,
    because: "classification follows the bucket's purpose in the storage component; the policy guards that mapping, vaults and the data tier's stores",
  },
];
