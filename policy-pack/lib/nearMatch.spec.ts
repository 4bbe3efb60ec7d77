import { strict as assert } from "node:assert";
import fc from "fast-check";
import { didYouMean, editDistance, nearest } from "./nearMatch";
import { variableStem, wildcardPattern } from "./iamReference";

const word = fc.string({ unit: fc.constantFrom(..."abcdefgh:*"), maxLength: 12 });

describe("near matches", () => {
  it("measures edit distance: zero only for equal words, symmetric, within the triangle inequality, at most the longer length (property)", () => {
    fc.assert(
      fc.property(word, word, word, (a, b, c) => {
        assert.equal(editDistance(a, b) === 0, a === b);
        assert.equal(editDistance(a, b), editDistance(b, a));
        assert.ok(editDistance(a, c) <= editDistance(a, b) + editDistance(b, c));
        assert.ok(editDistance(a, b) <= Math.max(a.length, b.length));
      }),
    );
  });

  it("counts insertions, deletions and substitutions", () => {
    assert.deepEqual([editDistance("GetObjects", "GetObject"), editDistance("GetObjct", "GetObject"), editDistance("PutObject", "GetObject"), editDistance("", "abc")], [1, 1, 2, 3]);
  });

  it("offers the nearest candidate within a third of the word's length, ignoring case, and nothing farther", () => {
    const actions = ["GetObject", "GetObjectAcl", "PutObject", "ListBucket"];
    assert.equal(nearest("GetObjects", actions), "GetObject");
    assert.equal(nearest("getobject", actions), "GetObject");
    assert.equal(nearest("ListBuckets", actions), "ListBucket");
    assert.equal(nearest("DeleteEverything", actions), undefined);
    assert.equal(nearest("s4", ["s3", "sqs"]), "s3");
    assert.equal(didYouMean("s3:GetObject"), " (did you mean s3:GetObject?)");
    assert.equal(didYouMean(undefined), "");
  });

  it("never offers a candidate farther than the limit (property)", () => {
    fc.assert(
      fc.property(word, fc.array(word, { maxLength: 6 }), (w, cs) => {
        const n = nearest(w, cs);
        if (n !== undefined) assert.ok(editDistance(w.toLowerCase(), n.toLowerCase()) <= Math.max(1, Math.floor(w.length / 3)));
      }),
    );
  });
});

describe("IAM name patterns", () => {
  it("matches IAM wildcards (* any run, ? one character) without regard to case, and nothing else", () => {
    assert.ok(wildcardPattern("Get*").test("GetObjectAcl"));
    assert.ok(wildcardPattern("get*").test("GetObject"));
    assert.ok(wildcardPattern("Get?bject").test("GetObject"));
    assert.ok(!wildcardPattern("Get?").test("GetObject"));
    assert.ok(!wildcardPattern("Get.bject").test("GetObject"), "a dot is literal");
    assert.ok(!wildcardPattern("Put*").test("GetObject"));
  });

  it("finds the stem of a variable condition key in both spellings the reference data uses", () => {
    assert.equal(variableStem("aws:RequestTag/tag-key"), "aws:RequestTag/");
    assert.equal(variableStem("kms:EncryptionContext:${EncryptionContextKey}"), "kms:EncryptionContext:");
    assert.equal(variableStem("ec2:ResourceTag/${TagKey}"), "ec2:ResourceTag/");
    assert.equal(variableStem("s3:x-amz-acl"), undefined);
  });
});
