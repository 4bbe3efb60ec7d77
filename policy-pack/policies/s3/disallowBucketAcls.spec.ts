import { strict as assert } from "node:assert";
import { T, change, compliantBuckets, messages, resource } from "../../test/storageFixtures";
import { disallowBucketAcls } from "./disallowBucketAcls";

describe("s3-disallow-bucket-acls", () => {
  it("passes BucketOwnerEnforced buckets without ACLs", async () => {
    assert.deepEqual(await messages(disallowBucketAcls, compliantBuckets()), []);
  });

  it("fails ownership that keeps ACLs active", async () => {
    assert.deepEqual(await messages(disallowBucketAcls, change(compliantBuckets(), "documents-ownership", { rule: { objectOwnership: "BucketOwnerPreferred" } })), [
      'Bucket ownership is BucketOwnerPreferred, which keeps ACLs active; set objectOwnership to "BucketOwnerEnforced".',
    ]);
  });

  it("fails a bucket ACL resource", async () => {
    const ms = await messages(disallowBucketAcls, [...compliantBuckets(), resource("aws:s3/bucketAcl:BucketAcl", "documents-acl", { bucket: "documents", acl: "private" })]);
    assert.match(ms[0], /Bucket ACL resources grant access outside IAM/);
  });

  it("fails a canned ACL on the bucket itself", async () => {
    const ms = await messages(disallowBucketAcls, change(compliantBuckets(), "documents", { acl: "public-read" }));
    assert.deepEqual(ms, ["Bucket sets an ACL or grants; remove them and grant access through IAM or the bucket policy."]);
    assert.equal(T.bucket, "aws:s3/bucket:Bucket");
  });
});
