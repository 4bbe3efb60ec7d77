import { strict as assert } from "node:assert";
import { resourceViolations } from "../../test/clusterFixtures";
import { T } from "../../lib/types";
import { requireImageScanning as policy } from "./requireImageScanning";

const repo = { name: "medsearch-prod/search-service", imageScanningConfiguration: { scanOnPush: true }, imageTagMutability: "IMMUTABLE" };

describe("ecr-require-image-scanning", () => {
  it("passes a repository that scans on push", async () => {
    assert.deepEqual(await resourceViolations(policy, { type: T.ecrRepository, props: repo }), []);
  });

  it("fails a repository with scan on push off", async () => {
    const [v] = await resourceViolations(policy, { type: T.ecrRepository, props: { ...repo, imageScanningConfiguration: { scanOnPush: false } } });
    assert.match(v, /does not scan images on push/);
  });

  it("fails a repository with no scanning configuration", async () => {
    assert.equal((await resourceViolations(policy, { type: T.ecrRepository, props: { ...repo, imageScanningConfiguration: undefined } })).length, 1);
  });
});
