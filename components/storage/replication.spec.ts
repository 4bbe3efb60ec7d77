import { strict as assert } from "node:assert";
import { replicationRolePolicy, replicationRule } from "./replication";

const input = {
  pairs: [{ sourceArn: "arn:aws:s3:::docs-usw2", replicaArn: "arn:aws:s3:::docs-use2" }],
  sourceRegion: "us-west-2",
  replicaRegion: "us-east-2",
  sourceKeyArn: "arn:aws:kms:us-west-2:123456789012:key/src",
  replicaKeyArn: "arn:aws:kms:us-east-2:123456789012:key/dst",
};

describe("replication", () => {
  it("lets the role read source versions and write replicas, on exactly these buckets", () => {
    const doc = replicationRolePolicy(input);
    const s = Object.fromEntries(doc.Statement.map((x) => [x.Sid, x]));
    assert.deepEqual(s.ReadReplicationConfig.Resource, ["arn:aws:s3:::docs-usw2"]);
    assert.deepEqual(s.ReadSourceVersions.Resource, ["arn:aws:s3:::docs-usw2/*"]);
    assert.deepEqual(s.WriteReplicas.Resource, ["arn:aws:s3:::docs-use2/*"]);
    for (const st of doc.Statement) {
      for (const a of [st.Action].flat()) assert.ok(!a.includes("*"), `${st.Sid} grants a wildcard action ${a}`);
    }
  });

  it("decrypts with the source key only through S3 in the source region, and encrypts with the replica key only through S3 there", () => {
    const s = Object.fromEntries(replicationRolePolicy(input).Statement.map((x) => [x.Sid, x]));
    assert.equal(s.DecryptSource.Resource, input.sourceKeyArn);
    assert.deepEqual(s.DecryptSource.Condition!.StringEquals, { "kms:ViaService": "s3.us-west-2.amazonaws.com" });
    assert.deepEqual(s.DecryptSource.Condition!.StringLike, { "kms:EncryptionContext:aws:s3:arn": ["arn:aws:s3:::docs-usw2", "arn:aws:s3:::docs-usw2/*"] });
    assert.equal(s.EncryptReplicas.Resource, input.replicaKeyArn);
    assert.deepEqual(s.EncryptReplicas.Condition!.StringEquals, { "kms:ViaService": "s3.us-east-2.amazonaws.com" });
  });

  it("replicates KMS-encrypted objects with the replica key and keeps delete markers out", () => {
    const rule = replicationRule("arn:aws:s3:::docs-use2", "key", "us-east-2");
    assert.deepEqual(rule.sourceSelectionCriteria, { sseKmsEncryptedObjects: { status: "Enabled" } });
    assert.deepEqual(rule.destination, { bucket: "arn:aws:s3:::docs-use2", encryptionConfiguration: { replicaKmsKeyId: "key" } });
    assert.deepEqual(rule.deleteMarkerReplication, { status: "Disabled" });
  });
});
