import type { PolicyResource } from "@pulumi/policy";
import { bucketName, settingsOf } from "../../lib/buckets";
import { KeyRef, resolveKey } from "../../lib/kmsKeys";
import type { PackStackPolicy } from "../../lib/metadata";
import { STORES } from "../../lib/phiStores";
import { effectiveTags } from "../../lib/tags";
import { T } from "../../lib/types";
import { known, read } from "../../lib/unknowns";

export const PHI = "PHI";

export interface DataClassificationConfig {
  /** The tag that carries a store's classification. */
  tagKey: string;
  /** Values the tag may take. */
  classifications: string[];
  /** Types whose every resource holds patient records, so must be PHI. */
  phiResourceTypes: string[];
  /** Bucket Purpose tags whose buckets hold patient data, so must be PHI. */
  phiBucketPurposes: string[];
}

type Report = (message: string, urn: string) => void;

const PURPOSE = "Purpose";

function tag(r: PolicyResource, key: string): string | undefined {
  const tags = effectiveTags(r.props, r.provider).tags;
  // A known key with an unknown value cannot be judged yet: read it through the proxy to say so.
  if (tags.has(key) && tags.get(key) === undefined) void r.props.tags[key];
  return tags.get(key);
}

const labelOf = (r: PolicyResource) => (r.type === T.bucket ? `Bucket ${bucketName(r)}` : `${STORES[r.type].label} ${r.name}`);

/** One sentence per key that is not a rotating customer-managed key; the fix names the property. */
function checkKey(r: PolicyResource, ref: KeyRef, prop: string, report: Report): void {
  if (ref.kind === "unknown") {
    void r.props[prop];
    return;
  }
  if (ref.kind === "aws-managed") {
    report(`PHI store ${labelOf(r)} is encrypted with ${ref.id ? `the AWS-managed key ${ref.id}` : "an AWS-managed key"}; set ${prop} to a customer-managed KMS key.`, r.urn);
  } else if (ref.kind === "stack" && known(ref.key.props, "enableKeyRotation") !== true) {
    report(`PHI store ${labelOf(r)} uses KMS key ${ref.key.name}, whose automatic rotation is off; set enableKeyRotation: true on that key.`, r.urn);
  }
}

function checkBucketKeys(resources: PolicyResource[], b: PolicyResource, report: Report): void {
  for (const sse of settingsOf(resources, T.bucketEncryption, b)) {
    for (const rule of (known<any[]>(sse.props, "rules") ?? [])) {
      const byDefault = rule?.applyServerSideEncryptionByDefault ?? {};
      if (byDefault.sseAlgorithm !== "aws:kms" && byDefault.sseAlgorithm !== "aws:kms:dsse") {
        report(`PHI store ${labelOf(b)} is encrypted with ${byDefault.sseAlgorithm ?? "no algorithm"}, not a KMS key; set sseAlgorithm "aws:kms" and kmsMasterKeyId to a customer-managed key.`, b.urn);
        continue;
      }
      checkKey(b, resolveKey(resources, sse, "rules", read(byDefault, "kmsMasterKeyId")), "kmsMasterKeyId", report);
    }
  }
}

function checkStoreKey(resources: PolicyResource[], r: PolicyResource, report: Report): void {
  const spec = STORES[r.type];
  if (spec.exempt?.(r.props)) return;
  if (spec.encryptedFlag && known(r.props, spec.encryptedFlag) !== true) {
    report(`PHI store ${labelOf(r)} is not encrypted at rest; set ${spec.encryptedFlag}: true and ${spec.keyProp} to a customer-managed KMS key.`, r.urn);
    return;
  }
  if (r.type === T.rdsInstance && checkInheritedKey(resources, r, report)) return;
  checkKey(r, resolveKey(resources, r, spec.keyProp, spec.key(r.props)), spec.keyProp, report);
}

/**
 * A same-Region read replica names no key: RDS encrypts it with its source's key and rejects a
 * KmsKeyId for it, so the replica's key is its source's. Resolved when the source is an instance of
 * this stack (by dependency or by its ARN or identifier); true when the replica was judged so.
 * https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstanceReadReplica.html
 */
function checkInheritedKey(resources: PolicyResource[], replica: PolicyResource, report: Report): boolean {
  const own = read(replica.props, "kmsKeyId");
  if (own.unknown || own.value) return false;
  const source = sourceOf(resources, replica);
  if (!source) return false;
  const ref = resolveKey(resources, source, "kmsKeyId", read(source.props, "kmsKeyId"));
  if (ref.kind === "aws-managed") {
    report(`PHI store ${labelOf(replica)} inherits the AWS-managed key of its source ${source.name}; set kmsKeyId on ${source.name} to a customer-managed KMS key.`, replica.urn);
  } else {
    checkKey(replica, ref, "kmsKeyId", report);
  }
  return true;
}

/** The stack instance a replica's replicateSourceDb names, by property dependency or by its known ARN or identifier. */
function sourceOf(resources: PolicyResource[], replica: PolicyResource): PolicyResource | undefined {
  const instances = resources.filter((s) => s.type === T.rdsInstance && s.urn !== replica.urn);
  const dep = (replica.propertyDependencies.replicateSourceDb ?? []).find((d) => instances.some((i) => i.urn === d.urn));
  if (dep) return instances.find((i) => i.urn === dep.urn);
  const value = known(replica.props, "replicateSourceDb");
  if (typeof value !== "string" || value === "") return undefined;
  return instances.find((i) => ["arn", "identifier", "id"].some((k) => known(i.props, k) === value));
}

/** Whether `r` must be PHI, and why (for the message). */
function mustBePhi(r: PolicyResource, cfg: DataClassificationConfig): string | undefined {
  if (cfg.phiResourceTypes.includes(r.type)) return "holds patient records";
  const purpose = r.type === T.bucket ? tag(r, PURPOSE) : undefined;
  return purpose !== undefined && cfg.phiBucketPurposes.includes(purpose) ? `holds patient data (${PURPOSE}=${purpose})` : undefined;
}

function checkClassification(r: PolicyResource, cfg: DataClassificationConfig, report: Report): string | undefined {
  const value = tag(r, cfg.tagKey);
  const why = mustBePhi(r, cfg);
  if (why && value !== PHI) {
    report(`${labelOf(r)} ${why} but is ${value === undefined ? `not tagged ${cfg.tagKey}` : `tagged ${cfg.tagKey}=${value}`}; tag it ${cfg.tagKey}=${PHI}.`, r.urn);
    return PHI;
  }
  if (value === undefined && r.type === T.bucket) {
    report(`${labelOf(r)} has no ${cfg.tagKey} tag; tag it with one of ${cfg.classifications.join(", ")} so the pack knows whether it may hold patient data.`, r.urn);
  } else if (value !== undefined && !cfg.classifications.includes(value)) {
    report(`${labelOf(r)} is tagged ${cfg.tagKey}=${value}; use one of ${cfg.classifications.join(", ")}.`, r.urn);
  }
  return value;
}

export const requireDataClassification: PackStackPolicy = {
  name: "phi-require-data-classification",
  resourceTypes: [T.bucket, T.bucketEncryption, T.kmsKey, T.kmsAlias, ...Object.keys(STORES)],
  description:
    "Stores of patient documents and records carry DataClassification=PHI and are encrypted with a rotating customer-managed KMS key, never an AWS-managed one. " +
    "Every bucket is classified; buckets whose Purpose holds patient data (documents, backups, archive), and every database, replication group and backup vault, must be PHI. " +
    "Any store tagged PHI needs the customer-managed key, except RabbitMQ brokers on Amazon MQ, which offer none (their encryption options do not apply).",
  severity: "critical",
  remediationSteps:
    "Tag the store DataClassification=PHI and set its key property (kmsKeyId, kmsKeyArn, or the bucket's kmsMasterKeyId) to a customer-managed aws.kms.Key " +
    "with enableKeyRotation: true; tag other buckets with their classification (Confidential, Internal or Public).",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: {
      tagKey: { type: "string", minLength: 1, maxLength: 128, default: "DataClassification", description: "Tag key that carries a store's classification." },
      classifications: {
        type: "array", items: { type: "string", minLength: 1 }, minItems: 1, uniqueItems: true, contains: { const: PHI },
        default: [PHI, "Confidential", "Internal", "Public"], description: "Values the classification tag may take; PHI among them.",
      },
      phiResourceTypes: {
        type: "array", items: { enum: Object.keys(STORES) }, uniqueItems: true,
        default: [T.rdsInstance, T.rdsCluster, T.replicationGroup, T.backupVault],
        description: "Store types whose every resource holds patient records and must be tagged PHI.",
      },
      phiBucketPurposes: {
        type: "array", items: { type: "string", minLength: 1 }, uniqueItems: true, default: ["documents", "backups", "archive"],
        description: "Values of a bucket's Purpose tag that mean it holds patient data and must be tagged PHI.",
      },
    },
  },
  validateStack: (args, reportViolation) => {
    const cfg = args.getConfig<DataClassificationConfig>();
    const stores = args.resources.filter((r) => r.type === T.bucket || STORES[r.type] !== undefined);
    for (const r of stores) {
      if (checkClassification(r, cfg, reportViolation) !== PHI) continue;
      if (r.type === T.bucket) checkBucketKeys(args.resources, r, reportViolation);
      else checkStoreKey(args.resources, r, reportViolation);
    }
  },
};
