import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { UNKNOWN } from "./mockCloud";
import { analyzerValue, isTypeOf } from "./analyzerView";

const secret = (value: unknown) => ({ [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig, value });

describe("recorded values as the engine marshals them for a policy pack", () => {
  it("unwraps secrets at any depth and keeps the unknown marker for the proxy", () => {
    assert.deepEqual(analyzerValue({ a: secret("s"), b: [secret({ c: secret(1) })], d: secret(UNKNOWN) }, new Map()), { a: "s", b: [{ c: 1 }], d: UNKNOWN });
  });

  it("drops internal keys (\"__\" prefix) and undefined values, and keeps null", () => {
    assert.deepEqual(analyzerValue({ __defaults: ["name"], a: undefined, b: null, c: { __meta: 1, d: 2 } }, new Map()), { b: null, c: { d: 2 } });
  });

  it("keeps assets as the SDK's objects, as @pulumi/policy deserializes them", () => {
    const asset = new pulumi.asset.StringAsset("x");
    assert.equal((analyzerValue({ code: asset }, new Map()) as { code: unknown }).code, asset);
  });

  it("replaces a resource reference by its resolved value, and refuses an unresolved one", () => {
    const res = new pulumi.DependencyResource("urn:pulumi:s::p::t::n");
    assert.deepEqual(analyzerValue({ ref: res }, new Map([[res, "i-123"]])), { ref: "i-123" });
    assert.throws(() => analyzerValue({ ref: res }, new Map()), /was not resolved/);
  });

  it("matches a class by its __pulumiType, else by isInstance", () => {
    assert.equal(isTypeOf("aws:s3/bucket:Bucket", { __pulumiType: "aws:s3/bucket:Bucket" }), true);
    assert.equal(isTypeOf("aws:s3/bucket:Bucket", { __pulumiType: "aws:s3/bucketV2:BucketV2" }), false);
    assert.equal(isTypeOf("x:y:Z", { isInstance: (o: { __pulumiType: string }) => o.__pulumiType === "x:y:Z" }), true);
    assert.equal(isTypeOf("x:y:Z", {}), false);
  });
});
