import { strict as assert } from "node:assert";
import { resourceViolations } from "../../test/clusterFixtures";
import { T } from "../../lib/types";
import { requireNodeGroupsAcrossAzs as policy } from "./requireNodeGroupsAcrossAzs";

const three = { subnetIds: ["subnet-a", "subnet-b", "subnet-c"] };

describe("eks-require-node-groups-across-azs", () => {
  for (const type of [T.eksComponentManagedNodeGroup, T.eksNodeGroup]) {
    it(`passes ${type} over three subnets`, async () => {
      assert.deepEqual(await resourceViolations(policy, { type, props: three }), []);
    });

    it(`fails ${type} over two subnets where three are required`, async () => {
      const [v] = await resourceViolations(policy, { type, props: { subnetIds: ["subnet-a", "subnet-b"] } });
      assert.match(v, /spans 2 subnets; spread it over at least 3 AZs/);
    });
  }

  it("passes two subnets where the profile needs two (dev)", async () => {
    assert.deepEqual(await resourceViolations(policy, { type: T.eksComponentManagedNodeGroup, props: { subnetIds: ["subnet-a", "subnet-b"] } }, { minAzCount: 2 }), []);
  });

  it("fails a node group that names no subnets", async () => {
    assert.match((await resourceViolations(policy, { type: T.eksComponentManagedNodeGroup, props: {} }))[0], /names no subnetIds/);
  });

  it("counts a repeated subnet once", async () => {
    assert.equal((await resourceViolations(policy, { type: T.eksNodeGroup, props: { subnetIds: ["subnet-a", "subnet-a", "subnet-b"] } })).length, 1);
  });
});
