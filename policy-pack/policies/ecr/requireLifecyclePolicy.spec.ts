import { strict as assert } from "node:assert";
import { Fixture, stackViolations } from "../../test/clusterFixtures";
import { T } from "../../lib/types";
import { requireLifecyclePolicy as policy } from "./requireLifecyclePolicy";

const repo: Fixture = { type: T.ecrRepository, props: { name: "medsearch-prod/search-service" } };
const lifecycle: Fixture = { type: T.ecrLifecyclePolicy, props: { repository: "medsearch-prod/search-service", policy: "{}" } };

describe("ecr-require-lifecycle-policy", () => {
  it("passes a repository with a lifecycle policy", async () => {
    assert.deepEqual(await stackViolations(policy, [repo, lifecycle]), []);
  });

  it("fails a repository without one, naming it", async () => {
    assert.match((await stackViolations(policy, [repo]))[0], /medsearch-prod\/search-service has no lifecycle policy/);
  });

  it("fails a repository whose lifecycle policy belongs to another repository", async () => {
    assert.equal((await stackViolations(policy, [repo, { ...lifecycle, props: { ...lifecycle.props, repository: "other" } }])).length, 1);
  });
});
