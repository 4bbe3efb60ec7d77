/**
 * The stores that hold patient data are classified PHI and sit on a rotating customer-managed key
 * of the stack; every other bucket carries its classification too, and the PHI policy agrees.
 */
import { strict as assert } from "node:assert";
import { BUCKET_CLASSIFICATION } from "../../components/storage/classification";
import { Planned, byUrn, ofType, planStackFile } from "../helpers";
import type { RecordedResource } from "../../offline/recorder";

/** The KMS key a property of `r` is computed from. */
function keyBehind(run: Planned, r: RecordedResource, prop: string): RecordedResource | undefined {
  const keys = (r.propertyDependencies[prop] ?? []).map((u) => byUrn(run, u)).filter((d) => d?.type === "aws:kms/key:Key");
  assert.ok(keys.length <= 1, `${r.name}.${prop} depends on ${keys.length} keys`);
  return keys[0];
}

for (const stack of ["dev", "prod"] as const) {
  describe(`data classification (${stack})`, () => {
    let run: Planned;
    before(async () => {
      run = await planStackFile(`Pulumi.${stack}.yaml`);
    });

    it("tags every bucket, replicas included, with its purpose's classification", () => {
      const buckets = ofType(run, "aws:s3/bucket:Bucket");
      assert.ok(buckets.length >= 5);
      for (const b of buckets) {
        assert.equal(b.inputs.tags.DataClassification, BUCKET_CLASSIFICATION[b.inputs.tags.Purpose as keyof typeof BUCKET_CLASSIFICATION], b.name);
      }
    });

    it("encrypts the documents and backups buckets, tagged PHI, with a rotating customer-managed key of their region", () => {
      const phi = ofType(run, "aws:s3/bucket:Bucket").filter((b) => b.inputs.tags.DataClassification === "PHI");
      assert.deepEqual([...new Set(phi.map((b) => b.inputs.tags.Purpose))].sort(), ["backups", "documents"]);
      assert.equal(phi.length, stack === "prod" ? 4 : 2, "prod adds the documents and backups replicas");
      for (const b of phi) {
        const [sse] = ofType(run, "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration").filter((s) => s.propertyDependencies.bucket?.includes(b.urn));
        assert.equal(sse.inputs.rules[0].applyServerSideEncryptionByDefault.sseAlgorithm, "aws:kms");
        const key = keyBehind(run, sse, "rules");
        assert.ok(key, `${b.name}: its encryption names no key of the stack`);
        assert.equal(key.inputs.enableKeyRotation, true);
        assert.equal(key.provider?.region, b.provider?.region, `${b.name} is encrypted with a key of another region`);
      }
    });

    it("tags every backup vault PHI and encrypts it with a rotating customer-managed key", () => {
      const vaults = ofType(run, "aws:backup/vault:Vault");
      assert.equal(vaults.length, stack === "prod" ? 2 : 1);
      for (const v of vaults) {
        assert.equal(v.inputs.tags.DataClassification, "PHI");
        assert.equal(keyBehind(run, v, "kmsKeyArn")?.inputs.enableKeyRotation, true, v.name);
      }
    });

    it("tags every RDS instance PHI; the primary is on the rotating data key and each same-Region replica inherits it", () => {
      const instances = ofType(run, "aws:rds/instance:Instance");
      assert.equal(instances.length, stack === "prod" ? 2 : 1, "prod adds one read replica");
      const [primary] = instances.filter((i) => !i.inputs.replicateSourceDb);
      const key = keyBehind(run, primary, "kmsKeyId");
      assert.deepEqual([key?.name, key?.inputs.enableKeyRotation, primary.inputs.storageEncrypted], ["medsearch-keys-data", true, true]);
      for (const i of instances) assert.equal(i.inputs.tags.DataClassification, "PHI", i.name);
      for (const r of instances.filter((i) => i.inputs.replicateSourceDb)) {
        // RDS rejects a KmsKeyId for a same-Region replica: it is always encrypted with the source's key.
        assert.deepEqual([r.inputs.kmsKeyId, r.inputs.storageEncrypted, r.propertyDependencies.replicateSourceDb], [undefined, true, [primary.urn]]);
      }
    });

    it("tags the cache's replication group PHI and encrypts it at rest with the rotating data key", () => {
      const [rg] = ofType(run, "aws:elasticache/replicationGroup:ReplicationGroup");
      assert.equal(rg.inputs.tags.DataClassification, "PHI");
      assert.equal(rg.inputs.atRestEncryptionEnabled, true);
      const key = keyBehind(run, rg, "kmsKeyId");
      assert.deepEqual([key?.name, key?.inputs.enableKeyRotation], ["medsearch-keys-data", true]);
    });

    it("passes phi-require-data-classification", () => {
      assert.deepEqual(run.violations.filter((v) => v.policy === "phi-require-data-classification"), []);
    });
  });
}
