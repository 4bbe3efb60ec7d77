import { strict as assert } from "node:assert";
import { aliasUrn, durationSeconds } from "./resourceOptions";

describe("resource options as the engine hands them to policies", () => {
  it("reads custom timeouts as Go durations, in seconds", () => {
    const table: [string, number][] = [["", 0], ["10m", 600], ["1h30m", 5400], ["1.5h", 5400], ["90s", 90], ["250ms", 0.25]];
    for (const [text, seconds] of table) assert.equal(durationSeconds(text), seconds, text);
    assert.throws(() => durationSeconds("10 minutes"), /invalid custom timeout "10 minutes"/);
  });

  it("resolves alias specs to URNs: own name, type, parent by default; the root stack never prefixes the type", () => {
    const self = { urn: "urn:pulumi:dev::proj::app:index:Group$aws:s3/bucket:Bucket::logs", type: "aws:s3/bucket:Bucket", name: "logs", parent: "urn:pulumi:dev::proj::app:index:Group::app" };
    assert.equal(aliasUrn({ name: "old" }, self), "urn:pulumi:dev::proj::app:index:Group$aws:s3/bucket:Bucket::old");
    assert.equal(aliasUrn({ type: "aws:s3/bucketV2:BucketV2", noParent: true }, self), "urn:pulumi:dev::proj::aws:s3/bucketV2:BucketV2::logs");
    assert.equal(aliasUrn({ parentUrn: "urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev", stack: "prod" }, self), "urn:pulumi:prod::proj::aws:s3/bucket:Bucket::logs");
  });
});
