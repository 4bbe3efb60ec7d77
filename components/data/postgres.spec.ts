import { strict as assert } from "node:assert";
import fc from "fast-check";
import {
  dbIdentifier, isPerformanceInsightsRetention, minMaxAllocatedStorage, postgresFamily, postgresMinors, postgresParameters, postgresVersionProblem, rdsLogGroupName, replicaAzs,
} from "./postgres";
import { postgresMinorVersions } from "../aws/facts";

describe("RDS for PostgreSQL rules", () => {
  describe("engine versions", () => {
    const cases: Array<[string, boolean]> = [
      ["17", true], ["18", true], ["17.7", true], ["17.5", true], ["17.9", true], ["18.1", true], ["18.3", true],
      ["17.4", false], ["17.1", false], ["17.99", false], ["18.9", false], ["16", false], ["16.9", false], ["15", false], ["19", false], ["17.x", false], ["latest", false],
    ];
    for (const [version, ok] of cases) {
      it(`${ok ? "accepts" : "rejects"} ${version}`, () => assert.equal(postgresVersionProblem(version) === undefined, ok, postgresVersionProblem(version)?.allowed));
    }

    it("offers, for a version RDS does not have, the minors it does and the nearest", () => {
      const p = postgresVersionProblem("17.99")!;
      assert.match(p.allowed, /17 or 18: the newest minor, kept current\) or a minor RDS creates instances on: 17\.5 to 17\.9, 18\.1 to 18\.3 \(cfn-lint \d+\.\d+\.\d+ data, snapshot of \d{4}-\d{2}-\d{2}; newer values once refreshed with npm run aws:snapshot\)/);
      assert.deepEqual(p.suggestions, ["17.9"]);
    });

    it("pins only minors both in cfn-lint's list and at the floor", () => {
      assert.deepEqual(postgresMinors("17").filter((v) => !postgresMinorVersions("17").includes(v)), []);
      assert.ok(postgresMinors("17").every((v) => Number(v.split(".")[1]) >= 5));
    });

    it("names the family of the parameter group after the major version", () => {
      assert.equal(postgresFamily("17"), "postgres17");
      assert.equal(postgresFamily("18.1"), "postgres18");
    });
  });

  it("accepts exactly the Performance Insights retention values RDS accepts", () => {
    const accepted = Array.from({ length: 800 }, (_, d) => d).filter(isPerformanceInsightsRetention);
    assert.deepEqual(accepted, [7, ...Array.from({ length: 23 }, (_, i) => 31 * (i + 1)), 731]);
  });

  it("requires the autoscaling maximum to be at least 10% above the allocated storage (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 20, max: 60000 }), (gib) => {
        const min = minMaxAllocatedStorage(gib);
        // Exactly the smallest integer with 10 × max ≥ 11 × allocated.
        assert.ok(10 * min >= 11 * gib && 10 * (min - 1) < 11 * gib, `${gib} -> ${min}`);
      }),
    );
    assert.equal(minMaxAllocatedStorage(1000), 1100);
    assert.equal(minMaxAllocatedStorage(100), 110);
  });

  it("names instances and replicas within the 63-character identifier rules (property)", () => {
    const names = fc.stringMatching(/^[a-z][a-z0-9]{2,15}$/).map((s) => `${s}-database`);
    fc.assert(
      fc.property(names, fc.integer({ min: 1, max: 15 }), (name, n) => {
        for (const id of [dbIdentifier(name), dbIdentifier(name, n)]) {
          assert.ok(id.length <= 63 && /^[a-z][a-z0-9-]*[a-z0-9]$/.test(id) && !id.includes("--"), id);
        }
      }),
    );
    assert.throws(() => dbIdentifier("a".repeat(64)), /not a valid DB instance identifier/);
    assert.throws(() => dbIdentifier("9db"), /not a valid/);
  });

  it("puts each exported log in the group RDS writes to", () => {
    assert.equal(rdsLogGroupName("medsearch-database", "postgresql"), "/aws/rds/instance/medsearch-database/postgresql");
  });

  it("never places a replica in the first AZ, where a Single-AZ primary lives, and spreads them round the others (property)", () => {
    const azs = fc.integer({ min: 2, max: 4 }).map((n) => Array.from({ length: n }, (_, i) => `us-west-2${"abcd"[i]}`));
    fc.assert(
      fc.property(azs, fc.integer({ min: 0, max: 15 }), (list, n) => {
        const placed = replicaAzs(list, n);
        assert.equal(placed.length, n);
        assert.ok(placed.every((az) => az !== list[0]));
        if (n >= list.length - 1) assert.equal(new Set(placed).size, list.length - 1);
      }),
    );
    assert.throws(() => replicaAzs(["us-west-2a"], 1), /at least two AZs/);
  });

  it("forces TLS and logs slow statements in the parameter group", () => {
    assert.deepEqual(postgresParameters(500), [
      { name: "rds.force_ssl", value: "1" },
      { name: "log_min_duration_statement", value: "500" },
    ]);
  });
});
