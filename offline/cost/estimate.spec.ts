import { strict as assert } from "node:assert";
import fc from "fast-check";
import type { RecordedResource } from "../recorder";
import type { SynthesizedResource } from "../expand";
import { COST_DEFAULTS } from "../../stacks/config/sections/cost";
import { estimate } from "./estimate";

const base = { custom: true, outputs: {}, dependencies: [], propertyDependencies: {}, protect: false, retainOnDelete: false };
const urn = (type: string, name: string) => `urn:pulumi:dev::platform::${type}::${name}`;
const comp = (type: string, name: string, parent?: string): RecordedResource => ({ ...base, custom: false, urn: urn(type, name), type, name, parent, inputs: {} });
const res = (type: string, name: string, inputs: Record<string, any>, parent?: string, region?: string): RecordedResource => ({
  ...base, urn: urn(type, name), type, name, parent, inputs, id: `${name}-id`,
  ...(region ? { provider: { urn: urn("pulumi:providers:aws", region), name: region, region } } : {}),
});

const security = comp("platform:security:KeyRing", "keys");
const cluster = comp("platform:cluster:Cluster", "cluster");
const eks = comp("eks:index:Cluster", "eks", cluster.urn);
const group = comp("eks:index:ManagedNodeGroup", "app-nodes", cluster.urn);
const child = (type: string, name: string, inputs: Record<string, any>, of: RecordedResource): SynthesizedResource =>
  ({ type, name, componentUrn: of.urn, region: "us-west-2", inputs, outputs: {} });

const run = (resources: RecordedResource[], synthesized: SynthesizedResource[] = [], assumptions = COST_DEFAULTS.dev) =>
  estimate({ resources, synthesized, region: "us-west-2", assumptions });

describe("cost estimate", () => {
  it("prices a resource in its provider's region, under its platform tier, with the rate's page and read date", () => {
    const key = res("aws:kms/key:Key", "keys-data", {}, security.urn);
    const edgeKey = res("aws:kms/key:Key", "waf-logs-key", {}, security.urn, "us-east-1");
    const r = run([security, key, edgeKey]);
    assert.deepEqual(r.items.map((i) => [i.name, i.tier, i.region, i.monthly]), [["keys-data", "security", "us-west-2", 1], ["waf-logs-key", "security", "us-east-1", 1]]);
    assert.match(r.items[0].source, /^https:\/\/aws\.amazon\.com\/kms\/pricing\/ \(read 2026-12-06\)$/);
    assert.deepEqual([r.monthlyTotal, r.byTier], [2, { security: 2 }]);
  });

  it("prices a remote component's children under the component's URN, and never the component itself", () => {
    const r = run([cluster, eks, group], [
      child("aws:eks/cluster:Cluster", "eks-eksCluster", { version: "1.35", upgradePolicy: { supportType: "STANDARD" } }, eks),
      child("aws:eks/nodeGroup:NodeGroup", "app-nodes", { instanceTypes: ["t3.medium"], capacityType: "ON_DEMAND", scalingConfig: { desiredSize: 2 }, diskSize: 0 }, group),
    ]);
    assert.deepEqual(r.items.map((i) => [i.urn, i.type, i.tier, i.monthly]), [
      [eks.urn, "aws:eks/cluster:Cluster", "cluster", 73],
      [group.urn, "aws:eks/nodeGroup:NodeGroup", "cluster", 60.74],
    ]);
    assert.match(r.items[1].basis, /^2 x t3\.medium x 730 h x \$0\.0416$/);
  });

  it("bills extended support at its own rate", () => {
    const r = run([cluster, eks], [child("aws:eks/cluster:Cluster", "c", { upgradePolicy: { supportType: "EXTENDED" } }, eks)]);
    assert.equal(r.items[0].monthly, 438);
  });

  it("takes the stated Spot discount off Spot nodes, and nothing off on-demand ones", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 90 }), (pct) => {
      const spot = run([cluster, group], [child("aws:eks/nodeGroup:NodeGroup", "g", { instanceTypes: ["t3.large"], capacityType: "SPOT", scalingConfig: { desiredSize: 1 }, diskSize: 0 }, group)], { ...COST_DEFAULTS.dev, spotDiscountPercent: pct });
      assert.ok(Math.abs(spot.monthlyTotal - Math.round(0.0832 * 730 * (1 - pct / 100) * 100) / 100) < 0.011, String(pct));
    }));
  });

  it("lists a size with no price in its region under unpriced, with the reason, and counts it as nothing", () => {
    const db = res("aws:rds/instance:Instance", "db", { engine: "postgres", instanceClass: "db.x9.huge", allocatedStorage: 20 });
    const r = run([db, res("aws:rds/instance:Instance", "db2", { engine: "postgres", instanceClass: "db.x9.huge" })]);
    assert.deepEqual(r.items, []);
    assert.deepEqual(r.unpriced, [{ type: "aws:rds/instance:Instance", count: 2, reason: "no us-west-2 price for rds.postgres.db.x9.huge" }]);
    assert.equal(r.monthlyTotal, 0);
  });

  it("counts the priced part of a resource and lists the rest as unpriced", () => {
    const r = run([res("aws:rds/instance:Instance", "db", { engine: "postgres", instanceClass: "db.t4g.micro", allocatedStorage: 20, multiAz: true })]);
    assert.equal(r.items[0].monthly, 23.36);
    assert.match(r.items[0].basis, /db\.t4g\.micro Multi-AZ \(primary \+ standby\): 2 x 730 h x \$0\.016/);
    assert.deepEqual(r.unpriced.map((u) => u.reason), ["part not priced: no us-west-2 price for rds.storage.gp3.gb"]);
  });

  it("prices a read replica's storage at its source's size, unless it sets its own", () => {
    const arn = "arn:aws:rds:us-east-1:123456789012:db:orders";
    const primary = { ...res("aws:rds/instance:Instance", "primary", { engine: "postgres", instanceClass: "db.r5.2xlarge", allocatedStorage: 1000, multiAz: true }), outputs: { arn } };
    const replica = (name: string, own?: number) => res("aws:rds/instance:Instance", name, { engine: "postgres", instanceClass: "db.r5.2xlarge", replicateSourceDb: arn, ...(own ? { allocatedStorage: own } : {}) });
    const r = estimate({ resources: [primary, replica("replica-1"), replica("replica-2", 1500)], synthesized: [], region: "us-east-1", assumptions: COST_DEFAULTS.prod });
    const storage = (name: string) => r.items.find((i) => i.name === name)!.basis.match(/storage: (\d+) GB gp3 x (\d)/)!.slice(1).map(Number);
    assert.deepEqual([storage("primary"), storage("replica-1"), storage("replica-2")], [[1000, 2], [1000, 1], [1500, 1]]);
  });

  it("orders items of equal cost by URN, then name, whatever order the program registered them in", () => {
    const keys = ["b", "c", "a"].map((n) => res("aws:kms/key:Key", `key-${n}`, {}, security.urn));
    for (const order of [keys, [...keys].reverse()]) {
      assert.deepEqual(run([security, ...order]).items.map((i) => i.name), ["key-a", "key-b", "key-c"]);
    }
    // A remote component's children share its URN: they order by name.
    const groups = ["b", "a"].map((n) => child("aws:eks/nodeGroup:NodeGroup", `nodes-${n}`, { instanceTypes: ["t3.medium"], capacityType: "ON_DEMAND", scalingConfig: { desiredSize: 1 }, diskSize: 0 }, group));
    for (const order of [groups, [...groups].reverse()]) {
      assert.deepEqual(run([cluster, group], order).items.map((i) => i.name), ["nodes-a", "nodes-b"]);
    }
  });

  it("splits a stack-wide usage assumption across the resources that share it instead of repeating it", () => {
    const nats = [1, 2, 3].map((i) => child("aws:ec2/natGateway:NatGateway", `nat-${i}`, {}, comp("awsx:ec2:Vpc", "vpc")));
    const r = run([], nats, { ...COST_DEFAULTS.prod, natGatewayDataGb: 300 });
    for (const i of r.items) assert.equal(i.monthly, Math.round((0.045 * 730 + 100 * 0.045) * 100) / 100);
  });

  it("bills an interface endpoint per AZ, counting the VPC's AZs when a preview leaves its subnets unknown", () => {
    const vpc = { ...comp("awsx:ec2:Vpc", "vpc"), inputs: { availabilityZoneNames: ["a", "b", "c"] } };
    const endpoint = (subnetIds: unknown) => res("aws:ec2/vpcEndpoint:VpcEndpoint", "ecr", { vpcEndpointType: "Interface", subnetIds });
    assert.equal(run([vpc, endpoint(["s1", "s2"])]).items[0].monthly, 14.6);
    assert.equal(run([vpc, endpoint("04da6b54-80e4-46f7-96ec-b56ff0331ba9")]).items[0].monthly, 21.9);
  });

  it("prices CloudFront's data out and HTTPS requests at the US viewer rates, split across the distributions", () => {
    const cdn = (name: string) => res("aws:cloudfront/distribution:Distribution", name, {});
    const r = run([cdn("site"), cdn("api")], [], { ...COST_DEFAULTS.dev, cloudfrontDataGb: 100, cloudfrontRequestsMillions: 10 });
    // Each: 50 GB x $0.085 = $4.25, and 5 M requests = 500 x 10,000 x $0.01 = $5.00.
    assert.deepEqual(r.items.map((i) => i.monthly), [9.25, 9.25]);
    assert.match(r.items[0].basis, /5 M HTTPS requests \(platform:cost\.cloudfrontRequestsMillions\) x \$0\.01\/10k/);
  });

  it("prices Valkey nodes at AWS's stated fraction of the Redis OSS rate", () => {
    const rg = (engine: string) => res("aws:elasticache/replicationGroup:ReplicationGroup", engine, { engine, nodeType: "cache.t3.medium", numCacheClusters: 2 });
    const [valkey, redis] = [run([rg("valkey")]), run([rg("redis")])];
    assert.equal(redis.monthlyTotal, 99.28);
    assert.equal(valkey.monthlyTotal, 79.42);
  });

  it("lists billable types without a kept rate, and ignores free ones", () => {
    const addon = res("aws:eks/addon:Addon", "insights", { addonName: "amazon-cloudwatch-observability" });
    const r = run([addon, res("aws:eks/addon:Addon", "coredns", { addonName: "coredns" }), res("aws:iam/role:Role", "r", {})]);
    assert.deepEqual(r.unpriced.map((u) => [u.type, u.count]), [["aws:eks/addon:Addon", 1]]);
  });

  it("adds up: the total is the sum of the items, and of the tiers", () => {
    const resources = [security, cluster, ...Array.from({ length: 5 }, (_, i) => res("aws:kms/key:Key", `k${i}`, {}, i % 2 ? security.urn : cluster.urn))];
    const r = run(resources);
    const sum = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 100) / 100;
    assert.equal(r.monthlyTotal, sum(r.items.map((i) => i.monthly)));
    assert.equal(r.monthlyTotal, sum(Object.values(r.byTier)));
    assert.deepEqual(Object.keys(r), ["currency", "region", "monthlyTotal", "byTier", "items", "unpriced", "assumptions"]);
  });
});
