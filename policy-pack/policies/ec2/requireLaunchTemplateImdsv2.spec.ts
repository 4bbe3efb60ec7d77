import { strict as assert } from "node:assert";
import { resourceViolations } from "../../test/clusterFixtures";
import { T } from "../../lib/types";
import { requireLaunchTemplateImdsv2 as policy } from "./requireLaunchTemplateImdsv2";

const metadata = { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 2 };
const lt = { id: "lt-1", version: "1" };

describe("ec2-require-launch-template-imdsv2", () => {
  it("passes a compliant launch template, node class and node groups", async () => {
    assert.deepEqual(await resourceViolations(policy, { type: T.launchTemplate, props: { metadataOptions: metadata } }), []);
    assert.deepEqual(await resourceViolations(policy, { type: T.karpenterNodeClass, props: { spec: { metadataOptions: metadata } } }), []);
    assert.deepEqual(await resourceViolations(policy, { type: T.eksComponentManagedNodeGroup, props: { launchTemplate: lt } }), []);
    assert.deepEqual(await resourceViolations(policy, { type: T.eksNodeGroup, props: { launchTemplate: lt } }), []);
  });

  it("fails a launch template that allows IMDSv1", async () => {
    const [v] = await resourceViolations(policy, { type: T.launchTemplate, props: { metadataOptions: { ...metadata, httpTokens: "optional" } } });
    assert.match(v, /allows IMDSv1/);
  });

  it("fails a launch template with no metadata options", async () => {
    assert.equal((await resourceViolations(policy, { type: T.launchTemplate, props: {} })).length, 1);
  });

  it("fails a hop limit above 2", async () => {
    const [v] = await resourceViolations(policy, { type: T.launchTemplate, props: { metadataOptions: { ...metadata, httpPutResponseHopLimit: 3 } } });
    assert.match(v, /travel 3 hops/);
  });

  it("fails a node class that allows IMDSv1", async () => {
    assert.equal((await resourceViolations(policy, { type: T.karpenterNodeClass, props: { spec: { metadataOptions: { ...metadata, httpTokens: "optional" } } } })).length, 1);
  });

  it("fails node groups without a launch template", async () => {
    assert.match((await resourceViolations(policy, { type: T.eksComponentManagedNodeGroup, props: {} }))[0], /neither a launch template/);
    assert.match((await resourceViolations(policy, { type: T.eksNodeGroup, props: {} }))[0], /default launch template/);
  });
});
