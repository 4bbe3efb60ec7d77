import { strict as assert } from "node:assert";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { check, dependsOn, fixture } from "../../test/fixtures";
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

  describe("during preview, when repository names are unknown", () => {
    const unknownRepo = fixture(T.ecrRepository, "search", { outputs: { name: unknownValue } });
    const linked = fixture(T.ecrLifecyclePolicy, "search-lifecycle", { outputs: { repository: unknownValue, policy: "{}" }, ...dependsOn({ repository: [unknownRepo.urn] }) });

    it("links the lifecycle policy to its repository by dependency", async () => {
      assert.deepEqual(await check(policy, [unknownRepo, linked]), []);
    });

    it("still fails a repository no lifecycle policy can name", async () => {
      const vs = await check(policy, [unknownRepo]);
      assert.deepEqual(vs.map((v) => v.message), ["ECR repository search has no lifecycle policy; add one that expires old and untagged images."]);
    });

    it("says it can't decide when an unlinked lifecycle policy's repository is unknown", async () => {
      const vs = await check(policy, [unknownRepo, { ...linked, dependencies: [], propertyDependencies: {} }]);
      assert.equal(vs.length, 1);
      assert.match(vs[0].message, /can't run policy 'ecr-require-lifecycle-policy' during preview/);
    });
  });
});
