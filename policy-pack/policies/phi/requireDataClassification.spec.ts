import { strict as assert } from "node:assert";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { STORES } from "../../lib/phiStores";
import { T } from "../../lib/types";
import { RecordedResource, assertOneViolation, check, dependsOn, fixture, replace, withOutputs } from "../../test/fixtures";
import { requireDataClassification as policy } from "./requireDataClassification";

const KEY_ID = "0b7e6c1a-1111-4222-8333-444455556666";
const KEY_ARN = `arn:aws:kms:us-west-2:123456789012:key/${KEY_ID}`;
const PHI = { DataClassification: "PHI" };

const key = fixture(T.kmsKey, "data", { outputs: { id: KEY_ID, keyId: KEY_ID, arn: KEY_ARN, enableKeyRotation: true } });
const alias = fixture(T.kmsAlias, "data-alias", { outputs: { name: "alias/platform-data", targetKeyId: KEY_ID }, ...dependsOn({ targetKeyId: [key.urn] }) });

/** A store whose key property depends on the data key, as the program wires it. */
const store = (type: string, name: string, keyProp: string, outputs: Record<string, unknown>) =>
  fixture(type, name, { outputs: { tags: PHI, ...outputs }, ...dependsOn({ [keyProp]: [key.urn] }) });

function bucketWith(name: string, tags: Record<string, string>, sse: Record<string, unknown>): RecordedResource[] {
  const b = fixture(T.bucket, name, { outputs: { id: name, bucket: name, tags } });
  const kms: Record<string, string[]> = sse.kmsMasterKeyId === KEY_ARN ? { rules: [key.urn] } : {};
  const enc = fixture(T.bucketEncryption, `${name}-encryption`, { outputs: { bucket: name, rules: [{ applyServerSideEncryptionByDefault: sse, bucketKeyEnabled: true }] }, ...dependsOn({ bucket: [b.urn], ...kms }) });
  return [b, enc];
}

const [documents, documentsSse] = bucketWith("documents", { Purpose: "documents", ...PHI }, { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY_ARN });
const [logs, logsSse] = bucketWith("logs", { Purpose: "logs", DataClassification: "Confidential" }, { sseAlgorithm: "AES256" });
const vault = store(T.backupVault, "vault", "kmsKeyArn", { kmsKeyArn: KEY_ARN });
const rdsInstance = store(T.rdsInstance, "db", "kmsKeyId", { storageEncrypted: true, kmsKeyId: KEY_ARN });
const rdsCluster = store(T.rdsCluster, "aurora", "kmsKeyId", { storageEncrypted: true, kmsKeyId: KEY_ARN });
const cache = store(T.replicationGroup, "cache", "kmsKeyId", { atRestEncryptionEnabled: true, kmsKeyId: KEY_ARN });
const serverless = store(T.elasticacheServerlessCache, "serverless", "kmsKeyId", { kmsKeyId: KEY_ARN });
const fileSystem = store(T.efsFileSystem, "efs", "kmsKeyId", { encrypted: true, kmsKeyId: KEY_ARN });
const activeMq = store(T.mqBroker, "activemq", "encryptionOptions", { engineType: "ActiveMQ", encryptionOptions: { useAwsOwnedKey: false, kmsKeyId: KEY_ARN } });
const rabbitMq = fixture(T.mqBroker, "rabbitmq", { outputs: { engineType: "RabbitMQ", tags: PHI } });
const msk = store(T.mskCluster, "kafka", "encryptionInfo", { encryptionInfo: { encryptionAtRestKmsKeyArn: KEY_ARN } });

const stack = [key, alias, documents, documentsSse, logs, logsSse, vault, rdsInstance, rdsCluster, cache, serverless, fileSystem, activeMq, rabbitMq, msk];
const run = (resources: RecordedResource[], config?: Record<string, unknown>) =>
  check(policy, resources, { all: "mandatory", ...(config ? { [policy.name]: config } : {}) });
/** The stack with one resource's outputs changed, and that resource's dependencies dropped when `unlink`. */
const changed = (r: RecordedResource, patch: Record<string, unknown>, unlink = false) =>
  replace(stack, { ...withOutputs(r, patch), ...(unlink ? { dependencies: [], propertyDependencies: {} } : {}) });

describe("phi-require-data-classification", () => {
  it("passes every PHI store on a rotating customer-managed key, a classified non-PHI log bucket on SSE-S3, and a RabbitMQ broker", async () => {
    assert.deepEqual(await run(stack), []);
  });

  describe("classification", () => {
    it("flags the documents bucket tagged Confidential", async () => {
      const v = assertOneViolation(await run(changed(documents, { tags: { Purpose: "documents", DataClassification: "Confidential" } })), policy,
        [/^Bucket documents holds patient data \(Purpose=documents\) but is tagged DataClassification=Confidential; tag it DataClassification=PHI\.$/]);
      assert.equal(v.urn, documents.urn);
    });

    it("flags the documents bucket without a DataClassification tag", async () => {
      assertOneViolation(await run(changed(documents, { tags: { Purpose: "documents" } })), policy, [/but is not tagged DataClassification; tag it DataClassification=PHI/]);
    });

    it("flags a bucket with no classification at all", async () => {
      assertOneViolation(await run(changed(logs, { tags: { Purpose: "logs" } })), policy, [/^Bucket logs has no DataClassification tag; tag it with one of PHI, Confidential, Internal, Public/]);
    });

    it("flags a classification outside the allowed values", async () => {
      assertOneViolation(await run(changed(logs, { tags: { Purpose: "logs", DataClassification: "Secret" } })), policy, [/tagged DataClassification=Secret; use one of PHI, Confidential, Internal, Public/]);
    });

    for (const r of [vault, rdsInstance, rdsCluster, cache]) {
      it(`flags a store (${STORES[r.type].label}) tagged Internal: every one holds patient records`, async () => {
        assertOneViolation(await run(changed(r, { tags: { DataClassification: "Internal" } })), policy, [/holds patient records but is tagged DataClassification=Internal; tag it DataClassification=PHI/]);
      });
    }

    it("follows the configured PHI types and purposes", async () => {
      const relaxed = { phiResourceTypes: [], phiBucketPurposes: [] };
      assert.deepEqual(await run(changed(vault, { tags: { DataClassification: "Internal" } }), relaxed), []);
      assert.deepEqual(await run(changed(documents, { tags: { Purpose: "documents", DataClassification: "Internal" } }), relaxed), []);
    });
  });

  describe("customer-managed key", () => {
    it("flags a PHI bucket encrypted with SSE-S3", async () => {
      assertOneViolation(await run(replace(stack, withOutputs(documentsSse, { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] }))), policy,
        [/^PHI store Bucket documents is encrypted with AES256, not a KMS key; set sseAlgorithm "aws:kms" and kmsMasterKeyId to a customer-managed key\.$/]);
    });

    it("flags a PHI bucket on the AWS-managed aws/s3 key", async () => {
      const sse = { ...withOutputs(documentsSse, { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: "alias/aws/s3" } }] }), ...dependsOn({ bucket: [documents.urn] }) };
      assertOneViolation(await run(replace(stack, sse)), policy, [/encrypted with the AWS-managed key alias\/aws\/s3; set kmsMasterKeyId to a customer-managed KMS key/]);
    });

    it("flags the log bucket once it is tagged PHI: SSE-S3 is no place for patient data", async () => {
      assertOneViolation(await run(changed(logs, { tags: { Purpose: "logs", ...PHI } })), policy, [/Bucket logs is encrypted with AES256, not a KMS key/]);
    });

    it("flags a vault without kmsKeyArn, which falls back to the AWS-managed key", async () => {
      assertOneViolation(await run(changed(vault, { kmsKeyArn: undefined }, true)), policy, [/^PHI store Backup vault vault is encrypted with an AWS-managed key; set kmsKeyArn to a customer-managed KMS key\.$/]);
    });

    it("flags an RDS instance on the aws/rds key", async () => {
      assertOneViolation(await run(changed(rdsInstance, { kmsKeyId: "arn:aws:kms:us-west-2:123456789012:alias/aws/rds" }, true)), policy, [/the AWS-managed key arn:aws:kms:us-west-2:123456789012:alias\/aws\/rds; set kmsKeyId/]);
    });

    it("flags an RDS cluster with storage encryption off", async () => {
      assertOneViolation(await run(changed(rdsCluster, { storageEncrypted: false })), policy, [/^PHI store RDS cluster aurora is not encrypted at rest; set storageEncrypted: true and kmsKeyId to a customer-managed KMS key\.$/]);
    });

    it("flags a replication group with at-rest encryption off", async () => {
      assertOneViolation(await run(changed(cache, { atRestEncryptionEnabled: false })), policy, [/ElastiCache replication group cache is not encrypted at rest; set atRestEncryptionEnabled: true/]);
    });

    it("flags a PHI serverless cache without kmsKeyId", async () => {
      assertOneViolation(await run(changed(serverless, { kmsKeyId: undefined }, true)), policy, [/ElastiCache serverless cache serverless is encrypted with an AWS-managed key; set kmsKeyId/]);
    });

    it("flags a PHI file system without kmsKeyId", async () => {
      assertOneViolation(await run(changed(fileSystem, { kmsKeyId: undefined }, true)), policy, [/EFS file system efs is encrypted with an AWS-managed key; set kmsKeyId/]);
    });

    it("flags an ActiveMQ broker on the AWS-owned key", async () => {
      assertOneViolation(await run(changed(activeMq, { encryptionOptions: { useAwsOwnedKey: true } }, true)), policy, [/MQ broker activemq is encrypted with an AWS-managed key; set encryptionOptions/]);
    });

    it("exempts a RabbitMQ broker, which offers no customer-managed key, and says so in the description", async () => {
      assert.deepEqual(await run(stack.filter((r) => r !== activeMq)), []);
      assert.match(policy.description, /except RabbitMQ brokers on Amazon MQ, which offer none/);
    });

    it("flags a PHI MSK cluster without an at-rest key", async () => {
      assertOneViolation(await run(changed(msk, { encryptionInfo: undefined }, true)), policy, [/MSK cluster kafka is encrypted with an AWS-managed key; set encryptionInfo/]);
    });

    it("flags a PHI MSK cluster whose encryptionInfo still depends on the key but names none (a transformation dropped the ARN)", async () => {
      assertOneViolation(await run(changed(msk, { encryptionInfo: { encryptionInTransit: { clientBroker: "TLS", inCluster: true } } })), policy, [/MSK cluster kafka is encrypted with an AWS-managed key; set encryptionInfo/]);
    });

    it("accepts a key ARN from outside the stack as customer-managed", async () => {
      assert.deepEqual(await run(changed(vault, { kmsKeyArn: "arn:aws:kms:us-west-2:210987654321:key/7f7e6c1a-1111-4222-8333-444455556666" }, true)), []);
    });

    it("follows an alias of the stack to its key", async () => {
      assert.deepEqual(await run(changed(rdsInstance, { kmsKeyId: "alias/platform-data" }, true)), []);
    });
  });

  describe("same-Region RDS read replica, which inherits its source's key", () => {
    const SOURCE_ARN = "arn:aws:rds:us-west-2:123456789012:db:db";
    const source = withOutputs(rdsInstance, { arn: SOURCE_ARN, identifier: "db" });
    const replica = fixture(T.rdsInstance, "db-replica", { outputs: { tags: PHI, storageEncrypted: true, replicateSourceDb: SOURCE_ARN }, ...dependsOn({ replicateSourceDb: [source.urn] }) });
    const withReplica = (src: RecordedResource, rep: RecordedResource) => [...replace(stack, src), rep];

    it("passes a replica without kmsKeyId whose source uses the rotating data key", async () => {
      assert.deepEqual(await run(withReplica(source, replica)), []);
    });

    it("finds the source by its ARN when no dependency links it", async () => {
      assert.deepEqual(await run(withReplica(source, { ...replica, dependencies: [], propertyDependencies: {} })), []);
    });

    it("flags the replica when its source is on the AWS-managed key, naming the source to fix", async () => {
      const awsKeySource = { ...withOutputs(source, { kmsKeyId: undefined }), dependencies: [], propertyDependencies: {} };
      const vs = await run(withReplica(awsKeySource, replica));
      assert.deepEqual(vs.map((v) => v.message).sort(), [
        "PHI store RDS instance db is encrypted with an AWS-managed key; set kmsKeyId to a customer-managed KMS key.",
        "PHI store RDS instance db-replica inherits the AWS-managed key of its source db; set kmsKeyId on db to a customer-managed KMS key.",
      ]);
    });

    it("flags the replica when the inherited key's rotation is off", async () => {
      const vs = await run([...withReplica(source, replica).filter((r) => r !== key), withOutputs(key, { enableKeyRotation: false })]);
      assert.ok(vs.some((v) => v.urn === replica.urn && /db-replica uses KMS key data, whose automatic rotation is off/.test(v.message)));
    });

    it("still flags a replica of a source outside the stack that names no key", async () => {
      const external = fixture(T.rdsInstance, "db-replica", { outputs: { tags: PHI, storageEncrypted: true, replicateSourceDb: "arn:aws:rds:us-east-1:123456789012:db:elsewhere" } });
      assertOneViolation(await run([...stack, external]), policy, [/RDS instance db-replica is encrypted with an AWS-managed key; set kmsKeyId/]);
    });
  });

  describe("key rotation", () => {
    it("flags a PHI store whose key has rotation off, naming the key", async () => {
      const offKey = withOutputs(key, { enableKeyRotation: false });
      assertOneViolation(await run([offKey, documents, documentsSse]), policy,
        [/^PHI store Bucket documents uses KMS key data, whose automatic rotation is off; set enableKeyRotation: true on that key\.$/]);
    });

    it("finds the key by value when no dependency links it", async () => {
      const offKey = withOutputs(key, { enableKeyRotation: false });
      assertOneViolation(await run([offKey, fixture(T.backupVault, "vault", { outputs: { tags: PHI, kmsKeyArn: KEY_ARN } })]), policy, [/uses KMS key data, whose automatic rotation is off/]);
    });
  });

  describe("during preview", () => {
    it("links a PHI store to its key by dependency while the key ARN is unknown", async () => {
      assert.deepEqual(await run(replace(stack, withOutputs(vault, { kmsKeyArn: unknownValue }), withOutputs(key, { arn: unknownValue, id: unknownValue, keyId: unknownValue }))), []);
    });

    it("reports an advisory 'can't run during preview' when an unknown key is linked to nothing", async () => {
      assertOneViolation(await run(changed(vault, { kmsKeyArn: unknownValue }, true)), policy, [/can't run policy 'phi-require-data-classification' during preview/, /\.kmsKeyArn/], "advisory");
    });
  });
});
