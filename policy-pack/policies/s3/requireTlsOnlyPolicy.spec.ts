import { strict as assert } from "node:assert";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { change, compliantBuckets, messages, without } from "../../test/storageFixtures";
import { requireTlsOnlyPolicy } from "./requireTlsOnlyPolicy";

const statement = (o: Record<string, any> = {}) => JSON.stringify({
  Version: "2012-10-17",
  Statement: [{
    Effect: "Deny", Principal: "*", Action: "s3:*", Resource: ["arn:aws:s3:::documents", "arn:aws:s3:::documents/*"],
    Condition: { Bool: { "aws:SecureTransport": "false" } }, ...o,
  }],
});

describe("s3-require-tls-only-policy", () => {
  it("passes buckets whose policy denies non-TLS requests on the bucket and its objects", async () => {
    assert.deepEqual(await messages(requireTlsOnlyPolicy, compliantBuckets()), []);
  });

  it("fails a bucket without a policy", async () => {
    assert.deepEqual(await messages(requireTlsOnlyPolicy, without(compliantBuckets(), "documents-policy")), [
      "Bucket documents has no policy denying non-TLS requests; add a Deny of s3:* on the bucket and its objects when aws:SecureTransport is false.",
    ]);
  });

  const cases: Array<[string, Record<string, any>]> = [
    ["an Allow instead of a Deny", { Effect: "Allow" }],
    ["a Deny for one principal only", { Principal: { AWS: "arn:aws:iam::123456789012:root" } }],
    ["a Deny of GetObject only", { Action: "s3:GetObject" }],
    ["a Deny that misses the objects", { Resource: "arn:aws:s3:::documents" }],
    ["a Deny without the SecureTransport condition", { Condition: {} }],
    ["a Deny narrowed by a second condition", { Condition: { Bool: { "aws:SecureTransport": "false" }, IpAddress: { "aws:SourceIp": "203.0.113.0/24" } } }],
  ];
  for (const [what, o] of cases) {
    it(`fails ${what}`, async () => {
      const ms = await messages(requireTlsOnlyPolicy, change(compliantBuckets(), "documents-policy", { policy: statement(o) }));
      assert.equal(ms.length, 1);
      assert.match(ms[0], /^Bucket documents has no policy denying non-TLS requests/);
    });
  }

  it("during preview, when a bucket's ARN and id are unknown, checks the policy against the ARN its name gives", async () => {
    const preview = change(compliantBuckets(), "documents", { arn: unknownValue, id: unknownValue });
    assert.deepEqual(await messages(requireTlsOnlyPolicy, preview), []);
    assert.equal((await messages(requireTlsOnlyPolicy, without(preview, "documents-policy"))).length, 1);
  });
});
