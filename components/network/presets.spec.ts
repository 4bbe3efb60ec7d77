import { strict as assert } from "node:assert";
import fc from "fast-check";
import { PROFILES } from "../profiles";
import { formatProblem } from "../settings";
import { NETWORK_DEFAULTS, NETWORK_PRESETS, checkNetworkSettings, resolveNetworkArgs } from "./presets";

const AZS = ["us-west-2a", "us-west-2b", "us-west-2c", "us-west-2d"];

describe("network presets", () => {
  it("give a direct caller the prod preset: three AZs, a NAT gateway per AZ, minute flow logs kept 400 days", () => {
    assert.deepEqual(NETWORK_DEFAULTS, NETWORK_PRESETS.prod);
    assert.deepEqual([NETWORK_DEFAULTS.azCount, NETWORK_DEFAULTS.natGateways, NETWORK_DEFAULTS.flowLogs], [3, "onePerAz", { trafficType: "ALL", maxAggregationIntervalSeconds: 60, retentionDays: 400 }]);
  });

  for (const profile of PROFILES) {
    it(`${profile}: passes its own checks`, () => assert.deepEqual(checkNetworkSettings(NETWORK_PRESETS[profile], AZS), []));
  }

  it("accepts any AZ count from 2 to 4 with at least that many AZ names, and refuses fewer names", () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 4 }), fc.integer({ min: 0, max: 4 }), (azCount, names) => {
      const problems = checkNetworkSettings({ ...NETWORK_DEFAULTS, azCount }, AZS.slice(0, names));
      assert.equal(problems.some((p) => p.field === "availabilityZoneNames"), names < azCount);
    }));
  });

  it("takes what the caller sets and the default for the rest", () => {
    const s = resolveNetworkArgs("net", { availabilityZoneNames: AZS, natGateways: "single", azCount: 2 });
    assert.deepEqual(s, { ...NETWORK_DEFAULTS, natGateways: "single", azCount: 2 });
  });

  it("refuses subnet tiers that do not fit the VPC's AZ slots", () => {
    const problems = checkNetworkSettings({ ...NETWORK_DEFAULTS, cidr: "10.0.0.0/24" }, AZS);
    assert.match(problems.map(formatProblem).join("\n"), /^subnets: got .*allowed: tiers that fit one of 4 AZ slots of 10\.0\.0\.0\/24/);
  });
});
