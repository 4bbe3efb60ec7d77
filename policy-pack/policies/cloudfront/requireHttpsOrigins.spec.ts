import { strict as assert } from "node:assert";
import { check, distribution, vpcOrigin } from "../../test/edgeFixtures";
import { requireHttpsOrigins } from "./requireHttpsOrigins";

const custom = { httpPort: 80, httpsPort: 443, originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"] };
const withCustom = (config: Record<string, unknown>) => {
  const d = distribution();
  d.inputs.origins[0] = { originId: "app", domainName: "origin.medsearch.example.com", customOriginConfig: { ...custom, ...config } };
  return d;
};

describe("cloudfront-require-https-origins (FSBP CloudFront.9, CloudFront.10)", () => {
  it("passes an HTTPS-only custom origin with TLS 1.2, and a TLS 1.2 VPC origin", async () => {
    assert.deepEqual(await check(requireHttpsOrigins, [withCustom({}), vpcOrigin()]), []);
  });

  it("passes an HTTP VPC origin: that path stays inside AWS's network", async () => {
    assert.deepEqual(await check(requireHttpsOrigins, [vpcOrigin({ originProtocolPolicy: "http-only" })]), []);
  });

  it("fails a custom origin reached over HTTP", async () => {
    const [v] = await check(requireHttpsOrigins, [withCustom({ originProtocolPolicy: "match-viewer" })]);
    assert.match(v.message, /Custom origin app is reached with match-viewer; set originProtocolPolicy to https-only/);
  });

  it("fails a custom origin offering deprecated protocols", async () => {
    const [v] = await check(requireHttpsOrigins, [withCustom({ originSslProtocols: ["TLSv1.1", "TLSv1.2"] })]);
    assert.match(v.message, /offers TLSv1\.1/);
  });

  it("fails a VPC origin offering deprecated protocols", async () => {
    const [v] = await check(requireHttpsOrigins, [vpcOrigin({ originSslProtocols: { items: ["TLSv1", "TLSv1.2"], quantity: 2 } })]);
    assert.match(v.message, /VPC origin offers TLSv1;/);
  });
});
