import { strict as assert } from "node:assert";
import { Fixture, stackViolations } from "../../test/clusterFixtures";
import { T } from "../../lib/types";
import { requireNodeGroupsInPrivateSubnets as policy } from "./requireNodeGroupsInPrivateSubnets";

const subnets: Fixture[] = [
  { type: T.subnet, props: { id: "subnet-priv-a", availabilityZone: "us-west-2a", mapPublicIpOnLaunch: false, tags: { SubnetType: "Private" } } },
  { type: T.subnet, props: { id: "subnet-priv-b", availabilityZone: "us-west-2b", mapPublicIpOnLaunch: false, tags: { SubnetType: "Private" } } },
  { type: T.subnet, props: { id: "subnet-pub-a", availabilityZone: "us-west-2a", mapPublicIpOnLaunch: true, tags: { SubnetType: "Public" } } },
];
const nodeGroup = (subnetIds: string[]): Fixture => ({ type: T.eksNodeGroup, name: "app", props: { subnetIds } });

describe("eks-require-node-groups-in-private-subnets", () => {
  it("passes a node group in private subnets", async () => {
    assert.deepEqual(await stackViolations(policy, [...subnets, nodeGroup(["subnet-priv-a", "subnet-priv-b"])]), []);
  });

  it("fails a node group with one public subnet, naming it", async () => {
    const [v] = await stackViolations(policy, [...subnets, nodeGroup(["subnet-priv-a", "subnet-pub-a"])]);
    assert.match(v, /Node group app runs in public subnets subnet-pub-a/);
  });

  it("fails a node group in a subnet awsx lists as public", async () => {
    const vpc: Fixture = { type: T.awsxVpc, props: { publicSubnetIds: ["subnet-x"], privateSubnetIds: ["subnet-y"] } };
    assert.equal((await stackViolations(policy, [vpc, nodeGroup(["subnet-x"])])).length, 1);
  });
});
