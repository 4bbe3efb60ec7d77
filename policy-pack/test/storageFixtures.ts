/**
 * Recorded-resource fixtures for the storage policies: a compliant log bucket and data bucket with
 * every setting resource, EFS and Backup resources, and helpers that change one property at a time.
 * Policies run through the same CrossGuard-faithful runner as the offline plan.
 */
import type { Policy } from "@pulumi/policy";
import { runPolicies } from "../../offline/policyRunner";
import type { RecordedResource } from "../../offline/recorder";

export const T = {
  bucket: "aws:s3/bucket:Bucket",
  ownership: "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
  publicAccess: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
  encryption: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
  versioning: "aws:s3/bucketVersioning:BucketVersioning",
  lifecycle: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
  policy: "aws:s3/bucketPolicy:BucketPolicy",
  logging: "aws:s3/bucketLogging:BucketLogging",
  fileSystem: "aws:efs/fileSystem:FileSystem",
  backupPolicy: "aws:efs/backupPolicy:BackupPolicy",
  accessPoint: "aws:efs/accessPoint:AccessPoint",
  fileSystemPolicy: "aws:efs/fileSystemPolicy:FileSystemPolicy",
  vault: "aws:backup/vault:Vault",
} as const;

export const KEY_ARN = "arn:aws:kms:us-west-2:123456789012:key/0b7e6c1a-1111-4222-8333-444455556666";

export function resource(type: string, name: string, props: Record<string, any>): RecordedResource {
  return {
    urn: `urn:pulumi:test::platform::${type}::${name}`,
    type,
    name,
    id: props.id,
    custom: true,
    inputs: props,
    outputs: props,
    dependencies: [],
    propertyDependencies: {},
    protect: false,
    retainOnDelete: false,
  };
}

const tlsOnly = (name: string) => JSON.stringify({
  Version: "2012-10-17",
  Statement: [{
    Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "s3:*",
    Resource: [`arn:aws:s3:::${name}`, `arn:aws:s3:::${name}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } },
  }],
});

/** One bucket with every setting resource, as the storage tier builds it. */
export function bucket(name: string, o: { logs?: boolean; logTo?: string } = {}): RecordedResource[] {
  const sse = o.logs
    ? { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }
    : { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY_ARN }, bucketKeyEnabled: true };
  return [
    resource(T.bucket, name, { id: name, bucket: name, arn: `arn:aws:s3:::${name}`, tags: o.logs ? { Purpose: "logs" } : { Purpose: "documents" } }),
    resource(T.ownership, `${name}-ownership`, { bucket: name, rule: { objectOwnership: "BucketOwnerEnforced" } }),
    resource(T.publicAccess, `${name}-public-access`, { bucket: name, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true }),
    resource(T.encryption, `${name}-encryption`, { bucket: name, rules: [sse] }),
    resource(T.versioning, `${name}-versioning`, { bucket: name, versioningConfiguration: { status: "Enabled" } }),
    resource(T.lifecycle, `${name}-lifecycle`, { bucket: name, rules: [{ id: "platform-lifecycle", status: "Enabled", filter: {}, noncurrentVersionExpiration: { noncurrentDays: 30 } }] }),
    resource(T.policy, `${name}-policy`, { bucket: name, policy: tlsOnly(name) }),
    ...(o.logTo ? [resource(T.logging, `${name}-logging`, { bucket: name, targetBucket: o.logTo, targetPrefix: `s3-access/${name}/` })] : []),
  ];
}

/** A compliant stack: the log bucket and a documents bucket logging to it. */
export const compliantBuckets = (): RecordedResource[] => [...bucket("logs", { logs: true }), ...bucket("documents", { logTo: "logs" })];

export const FILE_SYSTEM_ARN = "arn:aws:elasticfilesystem:us-west-2:123456789012:file-system/fs-0123456789abcdef0";

/** A file system policy with the TLS Deny as the storage tier writes it; `patch` changes that statement. */
export const tlsOnlyFileSystemPolicy = (patch: Record<string, unknown> = {}) => JSON.stringify({
  Version: "2012-10-17",
  Statement: [{
    Sid: "DenyInsecureTransport", Effect: "Deny", Principal: { AWS: "*" }, Action: "*", Resource: FILE_SYSTEM_ARN,
    Condition: { Bool: { "aws:SecureTransport": "false" } }, ...patch,
  }],
});

export const compliantFileSystem = (): RecordedResource[] => [
  resource(T.fileSystem, "efs", { id: "fs-0123456789abcdef0", arn: FILE_SYSTEM_ARN, encrypted: true, kmsKeyId: KEY_ARN }),
  resource(T.backupPolicy, "efs-backup", { fileSystemId: "fs-0123456789abcdef0", backupPolicy: { status: "ENABLED" } }),
  resource(T.fileSystemPolicy, "efs-policy", { fileSystemId: "fs-0123456789abcdef0", policy: tlsOnlyFileSystemPolicy() }),
  resource(T.accessPoint, "efs-qdrant", { fileSystemId: "fs-0123456789abcdef0", posixUser: { uid: 1000, gid: 1000 }, rootDirectory: { path: "/qdrant" } }),
];

/** A copy of `resources` with `patch` merged into the props of the resource named `name`. */
export function change(resources: RecordedResource[], name: string, patch: Record<string, any>): RecordedResource[] {
  if (!resources.some((r) => r.name === name)) throw new Error(`no fixture named ${name}`);
  return resources.map((r) => (r.name === name ? { ...r, inputs: { ...r.inputs, ...patch }, outputs: { ...r.outputs, ...patch } } : r));
}

export const without = (resources: RecordedResource[], name: string) => resources.filter((r) => r.name !== name);

/** Messages of the violations `policy` reports on `resources`, enforced as mandatory. */
export async function messages(policy: Policy, resources: RecordedResource[]): Promise<string[]> {
  return (await runPolicies([policy], resources, { all: "mandatory" })).map((v) => v.message);
}
