import { strict as assert } from "node:assert";
import { cacheGroup, changed, mskCluster, rabbitBroker, rdsPrimary, resource, violations } from "../../test/dataFixtures";
import { disallowPublicDataStores } from "./disallowPublicDataStores";

const sg = (id: string, ingress: object[]) => resource("aws:ec2/securityGroup:SecurityGroup", `${id}-group`, { id, vpcId: "vpc-1", ingress, egress: [] });
const fromNodes = (port: number) => ({ protocol: "tcp", fromPort: port, toPort: port, securityGroups: ["sg-nodes"] });
const vpc = resource("aws:ec2/vpc:Vpc", "vpc", { id: "vpc-1", cidrBlock: "10.0.0.0/16" });

const groups = [
  sg("sg-0000000000000000d", [fromNodes(5432)]),
  sg("sg-0000000000000000c", [fromNodes(6379)]),
  sg("sg-0000000000000000b", [fromNodes(9098)]),
  sg("sg-0000000000000000a", [fromNodes(5671)]),
];
const stores = [rdsPrimary, cacheGroup, mskCluster, rabbitBroker];

describe("ec2-disallow-public-data-stores", () => {
  it("passes private stores whose groups admit their port only from security groups, or from inside the VPC", async () => {
    const vpcInternal = sg("sg-0000000000000000d", [{ protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: ["10.0.32.0/19"] }]);
    assert.deepEqual(await violations(disallowPublicDataStores, [vpc, ...groups, ...stores]), []);
    assert.deepEqual(await violations(disallowPublicDataStores, [vpc, vpcInternal, rdsPrimary]), []);
  });

  it("passes a group with no ingress at all (nothing admitted yet)", async () => {
    assert.deepEqual(await violations(disallowPublicDataStores, [sg("sg-0000000000000000c", []), cacheGroup]), []);
  });

  it("fails a publicly accessible database and broker, and an MSK cluster with public access", async () => {
    const found = await violations(disallowPublicDataStores, [
      ...groups, changed(rdsPrimary, "publiclyAccessible", true), changed(rabbitBroker, "publiclyAccessible", true),
      changed(mskCluster, "brokerNodeGroupInfo.connectivityInfo.publicAccess.type", "SERVICE_PROVIDED_EIPS"),
    ]);
    assert.deepEqual(found, [
      "Data store db-primary is reachable from the internet (publiclyAccessible is true); keep it private to the VPC.",
      "Data store rabbit is reachable from the internet (publiclyAccessible is true); keep it private to the VPC.",
      "Data store kafka is reachable from the internet (public access is SERVICE_PROVIDED_EIPS); keep it private to the VPC.",
    ]);
  });

  it("fails a store without a security group of its own", async () => {
    assert.deepEqual(await violations(disallowPublicDataStores, [changed(cacheGroup, "securityGroupIds", [])]), [
      "Data store cache has no security group of its own, so the VPC default group applies; attach one that admits only its clients.",
    ]);
  });

  it("fails a store group admitting its port from a CIDR outside the VPC", async () => {
    const office = sg("sg-0000000000000000d", [{ protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: ["192.168.0.0/24"] }]);
    assert.deepEqual(await violations(disallowPublicDataStores, [vpc, office, rdsPrimary]), [
      "Data store db-primary admits port 5432 from 192.168.0.0/24, outside the VPC; admit only security groups or VPC CIDRs.",
    ]);
  });

  it("fails a separate ingress rule resource that opens a store's port to the world", async () => {
    const rule = resource("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "open-redis", {
      securityGroupId: "sg-0000000000000000c", ipProtocol: "tcp", fromPort: 6379, toPort: 6379, cidrIpv4: "0.0.0.0/0",
    });
    assert.deepEqual(await violations(disallowPublicDataStores, [vpc, groups[1], rule, cacheGroup]), [
      "Data store cache admits port 6379 from 0.0.0.0/0, outside the VPC; admit only security groups or VPC CIDRs.",
      "Security group open-redis opens data port 6379 to the internet; remove the 0.0.0.0/0 or ::/0 source.",
    ]);
  });

  it("fails any security group opening a data port to ::/0, data store or not", async () => {
    const legacy = resource("aws:ec2/securityGroupRule:SecurityGroupRule", "legacy", {
      type: "ingress", securityGroupId: "sg-other", protocol: "-1", fromPort: 0, toPort: 0, ipv6CidrBlocks: ["::/0"],
    });
    assert.match((await violations(disallowPublicDataStores, [legacy]))[0], /^Security group legacy opens data ports 5432, 3306, .* to the internet/);
  });
});
