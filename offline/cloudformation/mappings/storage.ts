/**
 * S3 (the bucket with its versioning, encryption, lifecycle, logging, public access block,
 * ownership, metrics and replication folded in; bucket policies), EFS (the file system with its
 * backup and file-system policies folded in; access points, mount targets) and AWS Backup.
 */
import { compact, json } from "../props";
import type { Mapping, Props } from "../types";

const bucketFold = (fold: (bucket: Props, i: Props) => void): Mapping => ({ parentType: "aws:s3/bucket:Bucket", parentInput: "bucket", fold });

const storageClassTransition = (t: Props) => compact({ TransitionInDays: t.days ?? t.noncurrentDays, TransitionDate: t.date, StorageClass: t.storageClass, NewerNoncurrentVersions: t.newerNoncurrentVersions });

/** A lifecycle rule; the provider's filter block becomes the rule's own Prefix / tag / size fields. */
function lifecycleRule(r: Props): Props {
  const f: Props = r.filter ?? {};
  const and: Props = f.and ?? {};
  const tags = { ...(f.tag ? { [f.tag.key]: f.tag.value } : {}), ...(and.tags ?? {}) };
  return compact({
    Id: r.id,
    Status: r.status,
    Prefix: f.prefix ?? and.prefix ?? r.prefix,
    TagFilters: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
    ObjectSizeGreaterThan: f.objectSizeGreaterThan ?? and.objectSizeGreaterThan,
    ObjectSizeLessThan: f.objectSizeLessThan ?? and.objectSizeLessThan,
    ExpirationInDays: r.expiration?.days,
    ExpirationDate: r.expiration?.date,
    ExpiredObjectDeleteMarker: r.expiration?.expiredObjectDeleteMarker,
    Transitions: (r.transitions ?? []).map(storageClassTransition),
    NoncurrentVersionExpiration: r.noncurrentVersionExpiration
      ? compact({ NoncurrentDays: r.noncurrentVersionExpiration.noncurrentDays, NewerNoncurrentVersions: r.noncurrentVersionExpiration.newerNoncurrentVersions })
      : undefined,
    NoncurrentVersionTransitions: (r.noncurrentVersionTransitions ?? []).map(storageClassTransition),
    AbortIncompleteMultipartUpload: r.abortIncompleteMultipartUpload ? { DaysAfterInitiation: r.abortIncompleteMultipartUpload.daysAfterInitiation } : undefined,
  });
}

const status = (s: Props | undefined) => (s ? { Status: s.status } : undefined);

function replicationRule(r: Props): Props {
  const d: Props = r.destination ?? {};
  return compact({
    Id: r.id,
    Priority: r.priority,
    Status: r.status,
    Filter: r.filter ? compact({ Prefix: r.filter.prefix, TagFilter: r.filter.tag ? { Key: r.filter.tag.key, Value: r.filter.tag.value } : undefined }) : undefined,
    Prefix: r.prefix,
    DeleteMarkerReplication: status(r.deleteMarkerReplication),
    Destination: compact({
      Bucket: d.bucket, StorageClass: d.storageClass, Account: d.account,
      EncryptionConfiguration: d.encryptionConfiguration ? { ReplicaKmsKeyID: d.encryptionConfiguration.replicaKmsKeyId } : undefined,
      AccessControlTranslation: d.accessControlTranslation ? { Owner: d.accessControlTranslation.owner } : undefined,
    }),
    SourceSelectionCriteria: r.sourceSelectionCriteria ? compact({
      SseKmsEncryptedObjects: status(r.sourceSelectionCriteria.sseKmsEncryptedObjects), ReplicaModifications: status(r.sourceSelectionCriteria.replicaModifications),
    }) : undefined,
  });
}

export const STORAGE_MAPPINGS: Record<string, Mapping> = {
  "aws:s3/bucket:Bucket": {
    cfnType: "AWS::S3::Bucket",
    attributes: { bucket: "Ref", bucketDomainName: "DomainName", bucketRegionalDomainName: "RegionalDomainName" },
    properties: (i, ctx) => compact({ BucketName: i.bucket, ObjectLockEnabled: i.objectLockEnabled, Tags: ctx.tagList(i.tags) }),
  },
  "aws:s3/bucketVersioning:BucketVersioning": bucketFold((b, i) => {
    b.VersioningConfiguration = { Status: i.versioningConfiguration.status };
  }),
  "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": bucketFold((b, i) => {
    b.BucketEncryption = {
      ServerSideEncryptionConfiguration: i.rules.map((r: Props) => compact({
        ServerSideEncryptionByDefault: r.applyServerSideEncryptionByDefault
          ? compact({ SSEAlgorithm: r.applyServerSideEncryptionByDefault.sseAlgorithm, KMSMasterKeyID: r.applyServerSideEncryptionByDefault.kmsMasterKeyId })
          : undefined,
        BucketKeyEnabled: r.bucketKeyEnabled,
      })),
    };
  }),
  "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": bucketFold((b, i) => {
    b.LifecycleConfiguration = { Rules: i.rules.map(lifecycleRule) };
  }),
  "aws:s3/bucketLogging:BucketLogging": bucketFold((b, i) => {
    b.LoggingConfiguration = compact({ DestinationBucketName: i.targetBucket, LogFilePrefix: i.targetPrefix });
  }),
  "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": bucketFold((b, i) => {
    b.PublicAccessBlockConfiguration = compact({
      BlockPublicAcls: i.blockPublicAcls, BlockPublicPolicy: i.blockPublicPolicy, IgnorePublicAcls: i.ignorePublicAcls, RestrictPublicBuckets: i.restrictPublicBuckets,
    });
  }),
  "aws:s3/bucketOwnershipControls:BucketOwnershipControls": bucketFold((b, i) => {
    b.OwnershipControls = { Rules: [{ ObjectOwnership: i.rule.objectOwnership }] };
  }),
  "aws:s3/bucketMetric:BucketMetric": bucketFold((b, i) => {
    const f: Props = i.filter ?? {};
    b.MetricsConfigurations = [...(b.MetricsConfigurations ?? []), compact({
      Id: i.name, Prefix: f.prefix, AccessPointArn: f.accessPoint, TagFilters: Object.entries(f.tags ?? {}).map(([Key, Value]) => ({ Key, Value })),
    })];
  }),
  "aws:s3/bucketReplicationConfig:BucketReplicationConfig": bucketFold((b, i) => {
    b.ReplicationConfiguration = { Role: i.role, Rules: i.rules.map(replicationRule) };
  }),
  "aws:s3/bucketPolicy:BucketPolicy": {
    cfnType: "AWS::S3::BucketPolicy",
    properties: (i) => ({ Bucket: i.bucket, PolicyDocument: json(i.policy) }),
  },
  "aws:efs/fileSystem:FileSystem": {
    cfnType: "AWS::EFS::FileSystem",
    properties: (i, ctx) => compact({
      Encrypted: i.encrypted,
      KmsKeyId: i.kmsKeyId,
      PerformanceMode: i.performanceMode,
      ThroughputMode: i.throughputMode,
      ProvisionedThroughputInMibps: i.provisionedThroughputInMibps,
      AvailabilityZoneName: i.availabilityZoneName,
      // One policy per entry, as both APIs take them.
      LifecyclePolicies: (i.lifecyclePolicies ?? []).map((p: Props) => compact({
        TransitionToIA: p.transitionToIa, TransitionToPrimaryStorageClass: p.transitionToPrimaryStorageClass, TransitionToArchive: p.transitionToArchive,
      })),
      FileSystemTags: ctx.tagList(i.tags),
    }),
  },
  "aws:efs/backupPolicy:BackupPolicy": {
    parentType: "aws:efs/fileSystem:FileSystem",
    parentInput: "fileSystemId",
    fold: (fs, i) => {
      fs.BackupPolicy = { Status: i.backupPolicy.status };
    },
  },
  "aws:efs/fileSystemPolicy:FileSystemPolicy": {
    parentType: "aws:efs/fileSystem:FileSystem",
    parentInput: "fileSystemId",
    fold: (fs, i) => {
      fs.FileSystemPolicy = json(i.policy);
      if (i.bypassPolicyLockoutSafetyCheck !== undefined) fs.BypassPolicyLockoutSafetyCheck = i.bypassPolicyLockoutSafetyCheck;
    },
  },
  // CloudFormation takes POSIX ids as strings.
  "aws:efs/accessPoint:AccessPoint": {
    cfnType: "AWS::EFS::AccessPoint",
    properties: (i, ctx) => compact({
      FileSystemId: i.fileSystemId,
      PosixUser: i.posixUser ? compact({ Uid: String(i.posixUser.uid), Gid: String(i.posixUser.gid), SecondaryGids: i.posixUser.secondaryGids?.map(String) }) : undefined,
      RootDirectory: i.rootDirectory ? compact({
        Path: i.rootDirectory.path,
        CreationInfo: i.rootDirectory.creationInfo ? {
          OwnerUid: String(i.rootDirectory.creationInfo.ownerUid), OwnerGid: String(i.rootDirectory.creationInfo.ownerGid), Permissions: i.rootDirectory.creationInfo.permissions,
        } : undefined,
      }) : undefined,
      AccessPointTags: ctx.tagList(i.tags),
    }),
  },
  "aws:efs/mountTarget:MountTarget": {
    cfnType: "AWS::EFS::MountTarget",
    properties: (i) => compact({ FileSystemId: i.fileSystemId, SubnetId: i.subnetId, SecurityGroups: i.securityGroups, IpAddress: i.ipAddress }),
  },
  "aws:backup/vault:Vault": {
    cfnType: "AWS::Backup::BackupVault",
    attributes: { name: "Ref", arn: "BackupVaultArn" },
    properties: (i, ctx) => compact({ BackupVaultName: i.name, EncryptionKeyArn: i.kmsKeyArn, BackupVaultTags: ctx.tagMap(i.tags) }),
  },
  "aws:backup/plan:Plan": {
    cfnType: "AWS::Backup::BackupPlan",
    attributes: { id: "BackupPlanId", arn: "BackupPlanArn" },
    properties: (i, ctx) => compact({
      BackupPlan: compact({
        BackupPlanName: i.name,
        BackupPlanRule: (i.rules ?? []).map((r: Props) => compact({
          RuleName: r.ruleName, TargetBackupVault: r.targetVaultName, ScheduleExpression: r.schedule, ScheduleExpressionTimezone: r.scheduleExpressionTimezone,
          StartWindowMinutes: r.startWindow, CompletionWindowMinutes: r.completionWindow, EnableContinuousBackup: r.enableContinuousBackup,
          Lifecycle: r.lifecycle ? compact({ DeleteAfterDays: r.lifecycle.deleteAfter, MoveToColdStorageAfterDays: r.lifecycle.coldStorageAfter }) : undefined,
          CopyActions: (r.copyActions ?? []).map((c: Props) => compact({
            DestinationBackupVaultArn: c.destinationVaultArn,
            Lifecycle: c.lifecycle ? compact({ DeleteAfterDays: c.lifecycle.deleteAfter, MoveToColdStorageAfterDays: c.lifecycle.coldStorageAfter }) : undefined,
          })),
          RecoveryPointTags: r.recoveryPointTags,
        })),
      }),
      BackupPlanTags: ctx.tagMap(i.tags),
    }),
  },
  "aws:backup/selection:Selection": {
    cfnType: "AWS::Backup::BackupSelection",
    attributes: { id: "SelectionId" },
    properties: (i) => ({
      BackupPlanId: i.planId,
      BackupSelection: compact({
        SelectionName: i.name, IamRoleArn: i.iamRoleArn, Resources: i.resources, NotResources: i.notResources,
        ListOfTags: (i.selectionTags ?? []).map((t: Props) => ({ ConditionType: t.type, ConditionKey: t.key, ConditionValue: t.value })),
      }),
    }),
  },
};
