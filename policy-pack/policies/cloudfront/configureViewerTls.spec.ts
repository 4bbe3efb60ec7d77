import { strict as assert } from "node:assert";
import { check, distribution } from "../../test/edgeFixtures";
import { configureViewerTls } from "./configureViewerTls";

const withCert = (viewerCertificate: Record<string, unknown>) => distribution({ viewerCertificate });
const acm = { acmCertificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/1", sslSupportMethod: "sni-only" };

describe("cloudfront-configure-viewer-tls (FSBP CloudFront.15)", () => {
  for (const version of ["TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"]) {
    it(`passes a custom certificate with ${version}`, async () => {
      assert.deepEqual(await check(configureViewerTls, [withCert({ ...acm, minimumProtocolVersion: version })]), []);
    });
  }

  for (const version of ["TLSv1", "TLSv1_2016", "TLSv1.1_2016", "TLSv1.2_2018", "TLSv1.2_2019"]) {
    it(`fails a custom certificate with ${version}`, async () => {
      const [v] = await check(configureViewerTls, [withCert({ ...acm, minimumProtocolVersion: version })]);
      assert.match(v.message, new RegExp(`allows viewers security policy ${version.replace(/\./g, "\\.")}`));
    });
  }

  it("fails a custom certificate with no policy set (CloudFront's default is TLSv1)", async () => {
    const [v] = await check(configureViewerTls, [withCert(acm)]);
    assert.match(v.message, /TLSv1 \(the default\)/);
  });

  it("fails the default *.cloudfront.net certificate, on which TLS 1.0 stays negotiable", async () => {
    const [v] = await check(configureViewerTls, [withCert({ cloudfrontDefaultCertificate: true, minimumProtocolVersion: "TLSv1" })]);
    assert.match(v.message, /default \*\.cloudfront\.net certificate/);
  });

  it("accepts the default certificate where the profile allows it (dev without a domain)", async () => {
    const cert = withCert({ cloudfrontDefaultCertificate: true, minimumProtocolVersion: "TLSv1" });
    assert.deepEqual(await check(configureViewerTls, [cert], { allowDefaultCertificate: true }), []);
  });
});
