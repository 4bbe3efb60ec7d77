import { strict as assert } from "node:assert";
import fc from "fast-check";
import { checkAwsxVpcArgs } from "./awsxRules";
import { contains, mustParseCidr, overlaps } from "./cidr";
import { AZ_SLOTS, SubnetLayoutInput, SubnetTier, planSubnets, slotOffsets, validateSubnetLayout } from "./subnets";

const reference = (azCount: number, database = true): SubnetLayoutInput => ({
  vpcCidr: "10.0.0.0/16",
  azCount,
  tiers: {
    private: { enabled: true, prefixLength: 19 },
    public: { enabled: true, prefixLength: 24 },
    database: { enabled: database, prefixLength: 24 },
  },
});

const azNames = (n: number) => Array.from({ length: n }, (_, i) => `us-west-2${"abcd"[i]}`);

/** Random derived layouts that fit: VPC /16-/20, tiers sized within one AZ slot. */
const layouts = fc
  .record({
    vpcPrefix: fc.integer({ min: 16, max: 20 }),
    second: fc.integer({ min: 0, max: 255 }),
    azCount: fc.integer({ min: 2, max: AZ_SLOTS }),
    privateBits: fc.integer({ min: 1, max: 6 }),
    publicBits: fc.integer({ min: 2, max: 8 }),
    databaseBits: fc.integer({ min: 2, max: 8 }),
    database: fc.boolean(),
  })
  .map((r): SubnetLayoutInput => {
    const slotPrefix = r.vpcPrefix + 2;
    const cap = (p: number) => Math.min(28, p);
    const base = r.vpcPrefix <= 16 ? `10.${r.second}.0.0` : `10.${r.second}.${0}.0`;
    return {
      vpcCidr: `${base}/${r.vpcPrefix}`,
      azCount: r.azCount,
      tiers: {
        private: { enabled: true, prefixLength: cap(slotPrefix + r.privateBits) },
        public: { enabled: true, prefixLength: cap(slotPrefix + r.publicBits) },
        database: { enabled: r.database, prefixLength: cap(slotPrefix + r.databaseBits) },
      },
    };
  })
  .filter((l) => validateSubnetLayout(l).length === 0);

const real = (l: SubnetLayoutInput) =>
  Object.entries(planSubnets(l).tiers).flatMap(([tier, cidrs]) => (cidrs ?? []).map((c, az) => ({ tier, az, c })));

describe("subnet layout", () => {
  it("gives the reference VPC /19 private, /24 public and /24 database subnets per AZ", () => {
    const plan = planSubnets(reference(3));
    assert.deepEqual(plan.tiers.private, ["10.0.0.0/19", "10.0.64.0/19", "10.0.128.0/19"]);
    assert.deepEqual(plan.tiers.public, ["10.0.32.0/24", "10.0.96.0/24", "10.0.160.0/24"]);
    assert.deepEqual(plan.tiers.database, ["10.0.33.0/24", "10.0.97.0/24", "10.0.161.0/24"]);
    assert.equal(plan.strategy, "Exact");
  });

  it("keeps every subnet inside the VPC CIDR and never overlapping another (property)", () => {
    fc.assert(
      fc.property(layouts, (l) => {
        const vpc = mustParseCidr(l.vpcCidr);
        const subnets = real(l).map((s) => mustParseCidr(s.c));
        subnets.forEach((s) => assert.ok(contains(vpc, s)));
        subnets.forEach((a, i) => subnets.slice(i + 1).forEach((b) => assert.ok(!overlaps(a, b))));
      }),
    );
  });

  it("never renumbers existing subnets when an AZ is added (property)", () => {
    fc.assert(
      fc.property(layouts.filter((l) => l.azCount < AZ_SLOTS), (l) => {
        const before = planSubnets(l).tiers;
        const after = planSubnets({ ...l, azCount: l.azCount + 1 }).tiers;
        for (const tier of Object.keys(before) as SubnetTier[]) {
          assert.deepEqual(after[tier]!.slice(0, l.azCount), before[tier]);
        }
      }),
    );
  });

  it("never renumbers existing subnets when the database tier is turned on (property)", () => {
    fc.assert(
      fc.property(layouts, (l) => {
        const off = planSubnets({ ...l, tiers: { ...l.tiers, database: { ...l.tiers.database, enabled: false } } }).tiers;
        const on = planSubnets({ ...l, tiers: { ...l.tiers, database: { ...l.tiers.database, enabled: true } } }).tiers;
        assert.deepEqual(on.private, off.private);
        assert.deepEqual(on.public, off.public);
        assert.equal(off.database, undefined);
      }),
    );
  });

  it("emits specs that awsx accepts: Exact tiles the whole VPC, every spec has one CIDR per AZ (property)", () => {
    fc.assert(
      fc.property(layouts, fc.constantFrom("None", "Single", "OnePerAz" as const), (l, nat) => {
        const plan = planSubnets(l);
        const errors = checkAwsxVpcArgs({ cidrBlock: l.vpcCidr, availabilityZoneNames: azNames(l.azCount), subnetStrategy: plan.strategy, subnetSpecs: plan.specs, natStrategy: nat });
        assert.deepEqual(errors, []);
        const realSpecs = plan.specs.filter((s) => s.type !== "Unused");
        assert.deepEqual(realSpecs.map((s) => s.name), l.tiers.database.enabled ? ["private", "public", "database"] : ["private", "public"]);
      }),
    );
  });

  it("uses Exact for every derived layout that leaves room in the AZ slots (property)", () => {
    const leavesRoom = (l: SubnetLayoutInput) => slotOffsets(l.tiers).needed < 2 ** (32 - mustParseCidr(l.vpcCidr).prefix) / AZ_SLOTS;
    fc.assert(fc.property(layouts.filter(leavesRoom), (l) => assert.equal(planSubnets(l).strategy, "Exact")));
  });

  it("falls back to Auto with explicit blocks when tiers fill each AZ slot exactly, since only the last AZ would need filler", () => {
    const full = reference(2);
    full.tiers.public.prefixLength = 20;
    full.tiers.database.prefixLength = 20;
    const plan = planSubnets(full);
    assert.equal(plan.strategy, "Auto");
    assert.ok(plan.specs.every((s) => s.cidrBlocks.length === 2 && s.type !== "Unused"));
    assert.equal(planSubnets({ ...full, azCount: 4 }).strategy, "Exact");
  });

  it("pins the ECS system's interleaved /24s with explicit cidrBlocks under Auto, since Exact cannot tile them", () => {
    const ecs: SubnetLayoutInput = {
      vpcCidr: "10.0.0.0/16",
      azCount: 2,
      tiers: {
        public: { enabled: true, prefixLength: 24, cidrs: ["10.0.1.0/24", "10.0.2.0/24"] },
        private: { enabled: true, prefixLength: 24, cidrs: ["10.0.3.0/24", "10.0.4.0/24"] },
        database: { enabled: false, prefixLength: 24 },
      },
    };
    assert.deepEqual(validateSubnetLayout(ecs), []);
    const plan = planSubnets(ecs);
    assert.equal(plan.strategy, "Auto");
    assert.deepEqual(plan.specs, [
      { type: "Private", name: "private", cidrBlocks: ["10.0.3.0/24", "10.0.4.0/24"] },
      { type: "Public", name: "public", cidrBlocks: ["10.0.1.0/24", "10.0.2.0/24"] },
    ]);
    assert.deepEqual(checkAwsxVpcArgs({ cidrBlock: "10.0.0.0/16", availabilityZoneNames: azNames(2), subnetStrategy: "Auto", subnetSpecs: plan.specs, natStrategy: "Single" }), []);
  });

  describe("rejects", () => {
    it("tiers too large for an AZ slot, naming the keys and the room available", () => {
      const l = reference(2);
      l.tiers.private.prefixLength = 17;
      const [p] = validateSubnetLayout(l);
      assert.equal(p.key, "subnets");
      assert.match(p.allowed, /16384 addresses each; these need/);
    });

    it("pinned CIDRs whose count differs from the AZ count", () => {
      const l = reference(3);
      l.tiers.public.cidrs = ["10.0.32.0/24", "10.0.96.0/24"];
      assert.deepEqual(validateSubnetLayout(l).map((p) => p.key), ["subnets.public.cidrs"]);
    });

    it("pinned CIDRs outside the VPC", () => {
      const l = reference(2);
      l.tiers.public.cidrs = ["10.0.32.0/24", "10.1.0.0/24"];
      const problems = validateSubnetLayout(l);
      assert.deepEqual(problems.map((p) => [p.key, p.value]), [["subnets.public.cidrs[1]", "10.1.0.0/24"]]);
    });

    it("pinned CIDRs overlapping a derived subnet, naming both", () => {
      const l = reference(2);
      l.tiers.public.cidrs = ["10.0.0.0/24", "10.0.96.0/24"];
      const [p] = validateSubnetLayout(l);
      assert.equal(p.key, "subnets.public");
      assert.match(p.allowed, /does not overlap private subnet 10\.0\.0\.0\/19 \(AZ 1\)/);
    });
  });
});
