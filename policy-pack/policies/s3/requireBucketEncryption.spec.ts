import { strict as assert } from "node:assert";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { fixture } from "../../test/fixtures";
import { KEY_ARN, bucket, change, compliantBuckets, messages, without } from "../../test/storageFixtures";
import { requireBucketEncryption } from "./requireBucketEncryption";

describe("s3-require-bucket-encryption", () => {
  it("passes a KMS data bucket with a Bucket Key and an SSE-S3 log bucket", async () => {
    assert.deepEqual(await messages(requireBucketEncryption, compliantBuckets()), []);
  });

  const cases: Array<[string, string, Record<string, any>, RegExp]> = [
    ["a data bucket on SSE-S3", "documents-encryption", { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" }, bucketKeyEnabled: true }] }, /documents is encrypted with AES256 and no KMS key/],
    ["a data bucket on KMS without a key id", "documents-encryption", { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" }, bucketKeyEnabled: true }] }, /and no KMS key/],
    ["a data bucket without a Bucket Key", "documents-encryption", { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: "k" } }] }, /without an S3 Bucket Key/],
    ["the log bucket on SSE-KMS, which log delivery cannot write to", "logs-encryption", { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: "k" }, bucketKeyEnabled: true }] }, /Log bucket logs uses aws:kms/],
  ];
  for (const [what, name, patch, message] of cases) {
    it(`fails ${what}`, async () => {
      const ms = await messages(requireBucketEncryption, change(compliantBuckets(), name, patch));
      assert.equal(ms.length, 1, ms.join("\n"));
      assert.match(ms[0], message);
    });
  }

  it("exempts only a bucket that is both tagged Purpose=logs and a log target", async () => {
    // A data bucket named as a log target is still held to KMS...
    const targeted = [...bucket("logs", { logs: true }), ...bucket("documents", { logTo: "logs" }), ...bucket("other", { logTo: "documents" })];
    const sseS3 = change(targeted, "documents-encryption", { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] });
    assert.match((await messages(requireBucketEncryption, sseS3))[0], /documents is encrypted with AES256/);
    // ...and a bucket tagged logs that receives no logs is too.
    const untargeted = change(compliantBuckets(), "documents-logging", { targetBucket: "elsewhere" });
    assert.match((await messages(requireBucketEncryption, untargeted))[0], /Bucket logs is encrypted with AES256/);
  });

  it("fails a data bucket on the AWS-managed aws/s3 key, which is not customer-managed", async () => {
    const ms = await messages(requireBucketEncryption, change(compliantBuckets(), "documents-encryption", { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: "alias/aws/s3" }, bucketKeyEnabled: true }] }));
    assert.deepEqual(ms, ["Bucket documents is encrypted with aws:kms and the AWS-managed key alias/aws/s3; expected sseAlgorithm \"aws:kms\" with a customer-managed kmsMasterKeyId."]);
  });

  describe("during preview, when the key ARN is unknown", () => {
    const key = fixture("aws:kms/key:Key", "data", { outputs: { arn: unknownValue, enableKeyRotation: true } });
    const unknownKey = { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: unknownValue }, bucketKeyEnabled: true }] };

    it("passes when the rules depend on a KMS key of the stack", async () => {
      const linked = change(compliantBuckets(), "documents-encryption", unknownKey).map((r) => (r.name === "documents-encryption" ? { ...r, dependencies: [key.urn], propertyDependencies: { rules: [key.urn] } } : r));
      assert.deepEqual(await messages(requireBucketEncryption, [key, ...linked]), []);
    });

    it("cannot decide when nothing links the unknown key, and says so", async () => {
      const ms = await messages(requireBucketEncryption, change(compliantBuckets(), "documents-encryption", unknownKey));
      assert.equal(ms.length, 1);
      assert.match(ms[0], /can't run policy 's3-require-bucket-encryption' during preview: .*kmsMasterKeyId/);
    });
  });

  it("still reads a known key ARN from outside the stack as customer-managed", async () => {
    assert.deepEqual(await messages(requireBucketEncryption, change(compliantBuckets(), "documents-encryption", { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY_ARN }, bucketKeyEnabled: true }] })), []);
  });

  it("exempts a Purpose=logs bucket that receives only ALB or vended log delivery, which also needs SSE-S3", async () => {
    const delivery = { Sid: "VendedLogsWrite", Effect: "Allow", Principal: { Service: "delivery.logs.amazonaws.com" }, Action: "s3:PutObject", Resource: "arn:aws:s3:::logs/*" };
    const withDelivery = (name: string) => (rs: ReturnType<typeof compliantBuckets>) =>
      change(rs, `${name}-policy`, { policy: JSON.stringify({ Version: "2012-10-17", Statement: [...JSON.parse(rs.find((r) => r.name === `${name}-policy`)!.outputs.policy).Statement, delivery] }) });
    // No bucket sends it server access logs, but ALB/CloudFront deliver to it: still a log bucket.
    const logsOnly = withDelivery("logs")(without(without(compliantBuckets(), "documents-logging"), "documents"));
    assert.deepEqual(await messages(requireBucketEncryption, logsOnly), []);
    // A data bucket that grants log delivery is not a log bucket: its tag says documents.
    const dataOnSseS3 = change(withDelivery("documents")(compliantBuckets()), "documents-encryption", { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] });
    assert.match((await messages(requireBucketEncryption, dataOnSseS3))[0], /documents is encrypted with AES256/);
  });
});
