/**
 * Storage on its own, given only its buckets: each private, TLS-only, versioned, encrypted with the
 * component's own key and access-logged to a log bucket the component adds; a backup vault under
 * the same key. Names come from the provider's account and region.
 */
import { strict as assert } from "node:assert";
import { MOCK_ACCOUNT_ID } from "../../offline/ids";
import { Planned, mandatory, one, ofType } from "../../test/helpers";
import { keyByArn, standalone } from "../../test/standalone";
import { Storage } from "./storage";

// runComponent's stack is "test": the stack's name keeps two stacks' buckets in one account apart.
const DOCS = `files-test-documents-${MOCK_ACCOUNT_ID}-us-west-2`;
const LOGS = `files-test-logs-${MOCK_ACCOUNT_ID}-us-west-2`;

describe("Storage standalone", () => {
  let run: Planned;
  before(async () => {
    run = await standalone((opts) => new Storage("files", { buckets: [{ name: "documents", purpose: "documents" }] }, opts));
    assert.equal(run.error, undefined, run.error?.message);
  });
  const of = (type: string, bucket: string) => {
    const found = ofType(run, type).filter((r) => r.inputs.bucket === bucket);
    assert.equal(found.length, 1, `${type} of ${bucket}`);
    return found[0].inputs;
  };

  it("names each bucket <component>-<stack>-<name>-<account>-<region> from the provider, and adds the log bucket", () => {
    assert.deepEqual(ofType(run, "aws:s3/bucket:Bucket").map((b) => b.inputs.bucket).sort(), [DOCS, LOGS]);
  });

  it("encrypts the documents with its own rotating, protected data key and an S3 Bucket Key; the log bucket with SSE-S3, as log delivery requires", () => {
    const docs = of("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", DOCS).rules[0];
    assert.deepEqual([docs.applyServerSideEncryptionByDefault.sseAlgorithm, docs.bucketKeyEnabled], ["aws:kms", true]);
    const key = keyByArn(run, docs.applyServerSideEncryptionByDefault.kmsMasterKeyId);
    assert.deepEqual([key.inputs.enableKeyRotation, key.protect], [true, true]);
    assert.equal(of("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", LOGS).rules[0].applyServerSideEncryptionByDefault.sseAlgorithm, "AES256");
  });

  it("keeps every bucket private, ACL-free, versioned, TLS-only and protected", () => {
    for (const bucket of [DOCS, LOGS]) {
      const block = of("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", bucket);
      assert.deepEqual([block.blockPublicAcls, block.blockPublicPolicy, block.ignorePublicAcls, block.restrictPublicBuckets], [true, true, true, true]);
      assert.equal(of("aws:s3/bucketOwnershipControls:BucketOwnershipControls", bucket).rule.objectOwnership, "BucketOwnerEnforced");
      assert.equal(of("aws:s3/bucketVersioning:BucketVersioning", bucket).versioningConfiguration.status, "Enabled");
      const deny = JSON.parse(of("aws:s3/bucketPolicy:BucketPolicy", bucket).policy).Statement.find((x: any) => x.Sid === "DenyInsecureTransport");
      assert.deepEqual([deny.Effect, deny.Condition], ["Deny", { Bool: { "aws:SecureTransport": "false" } }]);
      assert.equal(ofType(run, "aws:s3/bucket:Bucket").find((b) => b.inputs.bucket === bucket)!.protect, true);
    }
  });

  it("logs the documents' access to the log bucket, whose policy admits exactly that source, and keeps old versions 90 days", () => {
    const logging = one(run, "aws:s3/bucketLogging:BucketLogging").inputs;
    assert.deepEqual([logging.bucket, logging.targetBucket, logging.targetPrefix], [DOCS, LOGS, "s3-access/documents/"]);
    const admit = JSON.parse(of("aws:s3/bucketPolicy:BucketPolicy", LOGS).policy).Statement.find((x: any) => x.Sid === "S3ServerAccessLogs");
    assert.deepEqual(admit.Condition, { StringEquals: { "aws:SourceAccount": MOCK_ACCOUNT_ID }, ArnLike: { "aws:SourceArn": [`arn:aws:s3:::${DOCS}`] } });
    assert.equal(of("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", DOCS).rules[0].noncurrentVersionExpiration.noncurrentDays, 90);
  });

  it("keeps daily recovery points 35 days and monthly ones a year in a vault under its data key", () => {
    const vault = one(run, "aws:backup/vault:Vault");
    assert.equal(keyByArn(run, vault.inputs.kmsKeyArn).name, "files-keys-data");
    assert.deepEqual(one(run, "aws:backup/plan:Plan").inputs.rules.map((r: any) => [r.ruleName, r.lifecycle.deleteAfter]), [["daily", 35], ["monthly", 365]]);
  });

  it("passes every mandatory policy of the prod pack", () => assert.deepEqual(mandatory(run), []));
});
