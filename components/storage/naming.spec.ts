import { strict as assert } from "node:assert";
import fc from "fast-check";
import { BUCKET_NAME_MAX_LENGTH, LONGEST_REGION_LENGTH, bucketName, bucketNameProblem, maxBucketConfigNameLength } from "./naming";

const system = fc.stringMatching(/^[a-z][a-z0-9-]{1,14}[a-z0-9]$/).filter((s) => !["xn--", "sthree-", "amzn-s3-demo-"].some((p) => s.startsWith(p)));
const profile = fc.constantFrom("dev", "staging", "prod");
const region = fc.stringMatching(/^(us|eu|ap|ca|sa|me|af|il|mx)-(north|south|east|west|central|northeast|southeast|northwest|southwest)-\d$/);
const account = fc.stringMatching(/^\d{12}$/);

describe("bucket naming", () => {
  it("names a bucket <system>-<profile>-<name>-<account>-<region>", () => {
    assert.equal(bucketName({ system: "medsearch", profile: "prod", name: "documents", accountId: "123456789012", region: "us-west-2" }), "medsearch-prod-documents-123456789012-us-west-2");
  });

  it("yields a valid S3 name in every region whenever the config name fits the budget", () => {
    fc.assert(fc.property(system, profile, region, account, fc.stringMatching(/^[a-z][a-z0-9-]{0,30}[a-z0-9]$/), (s, p, r, a, n) => {
      fc.pre(n.length <= maxBucketConfigNameLength(s, p));
      const name = bucketName({ system: s, profile: p, name: n, accountId: a, region: r });
      assert.equal(bucketNameProblem(name), undefined, name);
      assert.ok(name.length <= BUCKET_NAME_MAX_LENGTH);
    }));
  });

  it("budgets for the longest region the platform accepts", () => {
    fc.assert(fc.property(region, (r) => r.length <= LONGEST_REGION_LENGTH));
    assert.equal("ap-southeast-5".length, LONGEST_REGION_LENGTH);
  });

  it("gives the config name exactly what is left of 63 characters", () => {
    assert.equal(maxBucketConfigNameLength("medsearch", "prod"), 63 - "medsearch-prod--123456789012-ap-southeast-5".length);
  });

  const invalid: Array<[string, RegExp]> = [
    ["ab", /3 to 63/],
    ["a".repeat(64), /3 to 63/],
    ["Docs-bucket", /only a-z/],
    ["docs.bucket", /only a-z/],
    ["-docs", /starting and ending/],
    ["xn--docs", /starts with "xn--"/],
    ["sthree-docs", /starts with "sthree-"/],
    ["docs-s3alias", /ends with "-s3alias"/],
    ["docs--ol-s3", /ends with "--ol-s3"/],
  ];
  for (const [name, why] of invalid) {
    it(`rejects ${name}`, () => assert.match(bucketNameProblem(name) ?? "", why));
  }
});
