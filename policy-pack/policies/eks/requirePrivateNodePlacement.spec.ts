import { strict as assert } from "node:assert";
import { resourceViolations } from "../../test/clusterFixtures";
import { T } from "../../lib/types";
import { requirePrivateNodePlacement as policy } from "./requirePrivateNodePlacement";

const cluster = { skipDefaultNodeGroup: true, privateSubnetIds: ["subnet-a", "subnet-b"] };
const template = { networkInterfaces: [] };

describe("eks-require-private-node-placement", () => {
  it("passes a cluster without a default node group, and a launch template without public IPs", async () => {
    assert.deepEqual(await resourceViolations(policy, { type: T.eksComponentCluster, props: cluster }), []);
    assert.deepEqual(await resourceViolations(policy, { type: T.launchTemplate, props: template }), []);
  });

  it("fails a cluster that gives nodes public IPs", async () => {
    assert.match((await resourceViolations(policy, { type: T.eksComponentCluster, props: { ...cluster, nodeAssociatePublicIpAddress: true } }))[0], /public IP addresses/);
  });

  it("fails a cluster whose default node group may use public subnets", async () => {
    const props = { ...cluster, skipDefaultNodeGroup: undefined, publicSubnetIds: ["subnet-p"] };
    assert.match((await resourceViolations(policy, { type: T.eksComponentCluster, props }))[0], /default node group/);
  });

  it("fails a launch template that associates a public IP", async () => {
    const props = { networkInterfaces: [{ associatePublicIpAddress: "true" }] };
    assert.match((await resourceViolations(policy, { type: T.launchTemplate, props }))[0], /public IP address/);
  });
});
