/**
 * Mock-cloud shapes of the storage tier's resource types: S3 ids are bucket names, EFS and Backup
 * ids and ARNs in AWS's formats, and the name limits AWS enforces.
 */
import { hex, uuid } from "../ids";
import type { Shape } from "../resourceShapes";

/** Bucket sub-resources (versioning, policy, ...) are identified by their bucket's name. */
const byBucket: Shape = { id: (_n, inputs) => String(inputs.bucket) };

export const STORAGE_SHAPES: Record<string, Shape> = {
  "aws:s3/bucket:Bucket": {
    // https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
    nameProp: "bucket",
    nameLimit: 63,
    id: (name) => name,
    extra: (_id, name, _i, ctx) => ({
      arn: `arn:aws:s3:::${name}`,
      bucketDomainName: `${name}.s3.amazonaws.com`,
      bucketRegionalDomainName: `${name}.s3.${ctx.region}.amazonaws.com`,
      region: ctx.region,
      hostedZoneId: "Z3BJ6K6RIION7M",
    }),
  },
  "aws:s3/bucketVersioning:BucketVersioning": byBucket,
  "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": byBucket,
  "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": byBucket,
  "aws:s3/bucketOwnershipControls:BucketOwnershipControls": byBucket,
  "aws:s3/bucketPolicy:BucketPolicy": byBucket,
  "aws:s3/bucketLogging:BucketLogging": byBucket,
  "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": byBucket,
  "aws:s3/bucketReplicationConfig:BucketReplicationConfig": byBucket,
  "aws:efs/fileSystem:FileSystem": {
    id: (name) => `fs-${hex(`efs:${name}`, 17)}`,
    extra: (id, _n, _i, ctx) => ({
      arn: `arn:aws:elasticfilesystem:${ctx.region}:${ctx.account}:file-system/${id}`,
      dnsName: `${id}.efs.${ctx.region}.amazonaws.com`,
      // EFS auto-generates the creation token when none is given.
      creationToken: uuid(`efs-token:${id}`),
    }),
  },
  "aws:efs/mountTarget:MountTarget": {
    id: (name) => `fsmt-${hex(`fsmt:${name}`, 17)}`,
    extra: (_id, _n, inputs, ctx) => ({ fileSystemArn: `arn:aws:elasticfilesystem:${ctx.region}:${ctx.account}:file-system/${inputs.fileSystemId}` }),
  },
  "aws:efs/accessPoint:AccessPoint": {
    id: (name) => `fsap-${hex(`fsap:${name}`, 17)}`,
    extra: (id, _n, _i, ctx) => ({ arn: `arn:aws:elasticfilesystem:${ctx.region}:${ctx.account}:access-point/${id}` }),
  },
  "aws:efs/backupPolicy:BackupPolicy": { id: (_n, inputs) => String(inputs.fileSystemId) },
  "aws:efs/fileSystemPolicy:FileSystemPolicy": { id: (_n, inputs) => String(inputs.fileSystemId) },
  "aws:backup/vault:Vault": {
    // https://docs.aws.amazon.com/aws-backup/latest/devguide/API_CreateBackupVault.html (2 to 50 characters)
    nameProp: "name",
    nameLimit: 50,
    id: (name) => name,
    extra: (_id, name, _i, ctx) => ({ arn: `arn:aws:backup:${ctx.region}:${ctx.account}:backup-vault:${name}` }),
  },
  "aws:backup/plan:Plan": {
    nameProp: "name",
    id: (name) => uuid(`backup-plan:${name}`),
    extra: (id, _n, _i, ctx) => ({ arn: `arn:aws:backup:${ctx.region}:${ctx.account}:backup-plan:${id}`, version: hex(`plan-version:${id}`, 32) }),
  },
  "aws:backup/selection:Selection": {
    // terraform-provider-aws internal/service/backup/selection.go: 1 to 50 characters.
    nameProp: "name",
    nameLimit: 50,
    id: (name) => hex(`selection:${name}`, 36),
  },
  "aws:iam/rolePolicyAttachment:RolePolicyAttachment": { id: (_n, inputs) => `${inputs.role}-${hex(String(inputs.policyArn), 20)}` },
};
