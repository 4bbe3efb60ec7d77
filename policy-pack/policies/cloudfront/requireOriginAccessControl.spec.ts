import { strict as assert } from "node:assert";
import { check, distribution } from "../../test/edgeFixtures";
import { requireOriginAccessControl } from "./requireOriginAccessControl";

const withStatic = (origin: Record<string, unknown>) => {
  const d = distribution();
  d.inputs.origins[1] = { ...d.inputs.origins[1], ...origin };
  return d;
};

describe("cloudfront-require-origin-access-control (FSBP CloudFront.13)", () => {
  it("passes an S3 origin read through OAC, and ignores non-S3 origins", async () => {
    assert.deepEqual(await check(requireOriginAccessControl, [distribution()]), []);
  });

  it("fails an S3 origin without OAC", async () => {
    const [v] = await check(requireOriginAccessControl, [withStatic({ originAccessControlId: undefined })]);
    assert.match(v.message, /S3 origin static is not read through Origin Access Control/);
  });

  it("fails an S3 origin that still uses a legacy origin access identity", async () => {
    const oai = { s3OriginConfig: { originAccessIdentity: "origin-access-identity/cloudfront/E1" } };
    const [v] = await check(requireOriginAccessControl, [withStatic(oai)]);
    assert.match(v.message, /drop any origin access identity/);
  });

  it("fails an S3 website endpoint, which needs a public bucket", async () => {
    const [v] = await check(requireOriginAccessControl, [withStatic({ domainName: "static-bucket.s3-website-us-west-2.amazonaws.com" })]);
    assert.match(v.message, /S3 website endpoint .* needs a public bucket/);
  });
});
