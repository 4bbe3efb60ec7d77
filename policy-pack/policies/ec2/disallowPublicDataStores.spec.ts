import { strict as assert } from "node:assert";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import type { RecordedResource } from "../../test/fixtures";
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

describe("ec2-disallow-public-data-stores during preview", () => {
  const SG = "aws:ec2/securityGroup:SecurityGroup";
  const groupIdProps: Record<string, string> = {
    "aws:rds/instance:Instance": "vpcSecurityGroupIds", "aws:elasticache/replicationGroup:ReplicationGroup": "securityGroupIds", "aws:mq/broker:Broker": "securityGroups",
  };
  const withDeps = (r: RecordedResource, props: Record<string, any>, deps: Record<string, string[]>): RecordedResource => ({
    ...r, inputs: props, outputs: props, propertyDependencies: deps, dependencies: [...new Set(Object.values(deps).flat())],
  });

  /**
   * The resources as a preview of a new stack shows them: every security group's id unknown, and
   * every reference to it an unknown value whose property depends on the group, as the engine records it.
   */
  function preview(resources: RecordedResource[]): RecordedResource[] {
    const urnOf = new Map(resources.filter((r) => r.type === SG).map((r) => [r.outputs.id as string, r.urn]));
    const hide = (ids: string[]) => ids.map((id) => (urnOf.has(id) ? unknownValue : id));
    const deps = (ids: string[]) => ids.flatMap((id) => (urnOf.has(id) ? [urnOf.get(id)!] : []));
    return resources.map((r) => {
      const p = structuredClone(r.outputs);
      if (r.type === SG) {
        p.id = unknownValue;
        for (const rule of p.ingress ?? []) if (rule.securityGroups) rule.securityGroups = rule.securityGroups.map(() => unknownValue);
        return withDeps(r, p, {});
      }
      const key = groupIdProps[r.type] ?? (typeof p.securityGroupId === "string" ? "securityGroupId" : undefined);
      if (!key) return r;
      const ids: string[] = [p[key]].flat();
      p[key] = key === "securityGroupId" ? hide(ids)[0] : hide(ids);
      return withDeps(r, p, { [key]: deps(ids) });
    });
  }

  const office = sg("sg-0000000000000000d", [{ protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: ["192.168.0.0/24"] }]);
  const openRedis = resource("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "open-redis", {
    securityGroupId: "sg-0000000000000000c", ipProtocol: "tcp", fromPort: 6379, toPort: 6379, cidrIpv4: "0.0.0.0/0",
  });
  const scenarios: Record<string, RecordedResource[]> = {
    "private stores admitting security groups only": [vpc, ...groups, rdsPrimary, cacheGroup, rabbitBroker],
    "a database group admitting an office network": [vpc, office, rdsPrimary],
    "a separate rule opening the cache port to the world": [vpc, groups[1], openRedis, cacheGroup],
    "a publicly accessible database and broker": [...groups, changed(rdsPrimary, "publiclyAccessible", true), changed(rabbitBroker, "publiclyAccessible", true)],
    "another store's group admitting an office network on the cache port": [vpc, groups[1], sg("sg-0000000000000000d", [{ protocol: "tcp", fromPort: 6379, toPort: 6379, cidrBlocks: ["192.168.0.0/24"] }]), cacheGroup],
  };
  for (const [name, resources] of Object.entries(scenarios)) {
    it(`decides ${name} as the full plan does, joining stores to groups by property dependency`, async () => {
      const planned = await violations(disallowPublicDataStores, resources);
      assert.deepEqual(await violations(disallowPublicDataStores, preview(resources)), planned);
      assert.ok(!planned.some((m) => /can't run/.test(m)));
    });
  }

  it("fails in preview, as in the plan, a group that admits an office network to the cache", async () => {
    const previewed = preview([vpc, sg("sg-0000000000000000c", [{ protocol: "tcp", fromPort: 6379, toPort: 6379, cidrBlocks: ["192.168.0.0/24"] }]), cacheGroup]);
    assert.deepEqual(await violations(disallowPublicDataStores, previewed), [
      "Data store cache admits port 6379 from 192.168.0.0/24, outside the VPC; admit only security groups or VPC CIDRs.",
    ]);
  });

  it("passes in preview a database whose port AWS picks, when its group admits nothing from outside", async () => {
    assert.deepEqual(await violations(disallowPublicDataStores, preview([groups[0], changed(rdsPrimary, "port", unknownValue)])), []);
  });

  it("says 'can't run during preview' rather than guess, when the unknown port decides", async () => {
    assert.deepEqual(await violations(disallowPublicDataStores, preview([vpc, office, changed(rdsPrimary, "port", unknownValue)])), [
      "can't run policy 'ec2-disallow-public-data-stores' during preview: string value at .port can't be known during preview",
    ]);
  });

  it("says 'can't run during preview' for a rule whose group comes from another kind of resource and admits an outside network", async () => {
    const cluster = resource("eks:index:Cluster", "eks", {});
    const rule = withDeps(openRedis, { ...openRedis.outputs, securityGroupId: unknownValue, cidrIpv4: "192.168.0.0/24" }, { securityGroupId: [cluster.urn] });
    const found = await violations(disallowPublicDataStores, [...preview([groups[1], cacheGroup]), cluster, rule]);
    assert.deepEqual(found, ["can't run policy 'ec2-disallow-public-data-stores' during preview: string value at .securityGroupId can't be known during preview"]);
  });

  it("decides a rule of an unresolved group that admits only security groups: nothing from outside, whichever group it is", async () => {
    const cluster = resource("eks:index:Cluster", "eks", {});
    const rule = withDeps(openRedis, { securityGroupId: unknownValue, ipProtocol: "tcp", fromPort: 6379, toPort: 6379, referencedSecurityGroupId: unknownValue }, { securityGroupId: [cluster.urn] });
    assert.deepEqual(await violations(disallowPublicDataStores, [...preview([groups[1], cacheGroup]), cluster, rule]), []);
  });

  it("says 'can't run during preview' when a store's whole group list is unknown and no security group is behind it", async () => {
    const unknownGroups = withDeps(cacheGroup, { ...cacheGroup.outputs, securityGroupIds: unknownValue }, {});
    const [found, ...rest] = await violations(disallowPublicDataStores, [unknownGroups]);
    assert.match(found, /^can't run policy 'ec2-disallow-public-data-stores' during preview: \w+ value at \.securityGroupIds can't be known/);
    assert.deepEqual(rest, []);
  });

  it("says 'can't run during preview' when publiclyAccessible is unknown", async () => {
    const [found] = await violations(disallowPublicDataStores, preview([groups[0], changed(rdsPrimary, "publiclyAccessible", unknownValue)]));
    assert.match(found, /^can't run policy 'ec2-disallow-public-data-stores' during preview: .* value at \.publiclyAccessible can't be known/);
  });
});
