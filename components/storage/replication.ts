/**
 * Cross-region replication: the rule and the replication role's permissions. Pure; no Pulumi imports.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication-config-for-kms-objects.html
 */
import { PolicyDocument, PolicyStatement, policyDocument } from "../iam/policyDocument";

export interface ReplicationPair {
  sourceArn: string;
  replicaArn: string;
}

export interface ReplicationPolicyInput {
  pairs: ReplicationPair[];
  sourceRegion: string;
  replicaRegion: string;
  /** The platform data key, which encrypts the source buckets. */
  sourceKeyArn: string;
  /** The data key in the replica region, which encrypts the replicas. */
  replicaKeyArn: string;
}

/**
 * With an S3 Bucket Key the encryption context is the bucket ARN, not the object ARN, so the
 * condition names both forms.
 */
const context = (arns: string[]) => arns.flatMap((a) => [a, `${a}/*`]);

function kms(sid: string, actions: string[], keyArn: string, region: string, arns: string[]): PolicyStatement {
  return {
    Sid: sid,
    Effect: "Allow",
    Action: actions,
    Resource: keyArn,
    Condition: {
      StringEquals: { "kms:ViaService": `s3.${region}.amazonaws.com` },
      StringLike: { "kms:EncryptionContext:aws:s3:arn": context(arns) },
    },
  };
}

/** Exactly what S3 needs to read source versions and write replicas, on exactly these buckets and keys. */
export function replicationRolePolicy(input: ReplicationPolicyInput): PolicyDocument {
  const sources = input.pairs.map((p) => p.sourceArn);
  const replicas = input.pairs.map((p) => p.replicaArn);
  return policyDocument(
    { Sid: "ReadReplicationConfig", Effect: "Allow", Action: ["s3:GetReplicationConfiguration", "s3:ListBucket"], Resource: sources },
    {
      Sid: "ReadSourceVersions",
      Effect: "Allow",
      Action: ["s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging"],
      Resource: sources.map((a) => `${a}/*`),
    },
    { Sid: "WriteReplicas", Effect: "Allow", Action: ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"], Resource: replicas.map((a) => `${a}/*`) },
    kms("DecryptSource", ["kms:Decrypt"], input.sourceKeyArn, input.sourceRegion, sources),
    // kms:Decrypt on the replica key lets S3 verify the destination's Bucket Key.
    kms("EncryptReplicas", ["kms:Encrypt", "kms:GenerateDataKey", "kms:Decrypt"], input.replicaKeyArn, input.replicaRegion, replicas),
  );
}

/**
 * One rule replicating every object, KMS-encrypted ones included (S3 skips them unless asked).
 * Delete markers are not replicated, so a deletion in the primary region cannot empty the copy.
 * `B` and `K` are the bucket and key ARNs as the caller holds them (strings, or Pulumi outputs).
 */
export function replicationRule<B, K>(replicaBucketArn: B, replicaKeyArn: K, replicaRegion: string) {
  return {
    id: `dr-${replicaRegion}`,
    status: "Enabled",
    // A filter selects the current (V2) rule schema, which requires deleteMarkerReplication.
    filter: {},
    deleteMarkerReplication: { status: "Disabled" },
    sourceSelectionCriteria: { sseKmsEncryptedObjects: { status: "Enabled" } },
    destination: { bucket: replicaBucketArn, encryptionConfiguration: { replicaKmsKeyId: replicaKeyArn } },
  };
}
