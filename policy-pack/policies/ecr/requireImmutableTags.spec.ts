import { strict as assert } from "node:assert";
import { resourceViolations } from "../../test/clusterFixtures";
import { T } from "../../lib/types";
import { requireImmutableTags as policy } from "./requireImmutableTags";

const repo = { name: "medsearch-prod/search-service", imageScanningConfiguration: { scanOnPush: true }, imageTagMutability: "IMMUTABLE" };

describe("ecr-require-immutable-tags", () => {
  it("passes a repository with immutable tags", async () => {
    assert.deepEqual(await resourceViolations(policy, { type: T.ecrRepository, props: repo }), []);
  });

  it("fails a repository with mutable tags", async () => {
    const [v] = await resourceViolations(policy, { type: T.ecrRepository, props: { ...repo, imageTagMutability: "MUTABLE" } });
    assert.match(v, /tags are MUTABLE/);
  });

  it("fails a repository left at the default, which is mutable", async () => {
    assert.match((await resourceViolations(policy, { type: T.ecrRepository, props: { ...repo, imageTagMutability: undefined } }))[0], /MUTABLE/);
  });
});
