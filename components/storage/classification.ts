/**
 * The DataClassification tag of each store the storage tier builds, read by the policy pack
 * (phi-require-data-classification): PHI stores must use a rotating customer-managed KMS key, and
 * a bucket without the tag is rejected, so a new purpose must be classified here before it ships.
 */
import type { BucketPurpose } from "./lifecycle";

export type DataClassification = "PHI" | "Confidential" | "Internal" | "Public";

/**
 * documents: patient documents. backups and archive: copies of patient documents and records,
 * which are PHI too. ml-artifacts: models and indexes, confidential. logs: access logs name object
 * keys and callers, confidential. static-assets: served to everyone through the CDN.
 */
export const BUCKET_CLASSIFICATION: Record<BucketPurpose, DataClassification> = {
  documents: "PHI",
  backups: "PHI",
  archive: "PHI",
  "ml-artifacts": "Confidential",
  logs: "Confidential",
  "static-assets": "Public",
};

/** Backup vaults hold recovery points of the database and file system: patient records. */
export const VAULT_CLASSIFICATION: DataClassification = "PHI";

/** The EFS file system holds the ECS variant's vector database: chunks and embeddings of patient documents. */
export const FILE_SYSTEM_CLASSIFICATION: DataClassification = "PHI";

export const classificationTag = (c: DataClassification) => ({ DataClassification: c });
