import { strict as assert } from "node:assert";
import { check, distribution } from "../../test/edgeFixtures";
import { requireHttpsViewers } from "./requireHttpsViewers";

describe("cloudfront-require-https-viewers (FSBP CloudFront.3)", () => {
  it("passes redirect-to-https and https-only behaviors", async () => {
    const d = distribution();
    d.inputs.orderedCacheBehaviors[0].viewerProtocolPolicy = "https-only";
    assert.deepEqual(await check(requireHttpsViewers, [d]), []);
  });

  it("fails a default behavior that allows HTTP", async () => {
    const d = distribution();
    d.inputs.defaultCacheBehavior.viewerProtocolPolicy = "allow-all";
    const [v] = await check(requireHttpsViewers, [d]);
    assert.match(v.message, /Cache behavior \(default\) lets viewers use plain HTTP \(allow-all\)/);
  });

  it("fails an ordered behavior that allows HTTP, naming its path", async () => {
    const d = distribution();
    d.inputs.orderedCacheBehaviors[0].viewerProtocolPolicy = "allow-all";
    const [v] = await check(requireHttpsViewers, [d]);
    assert.match(v.message, /Cache behavior \/api\/\* lets viewers/);
  });
});
