import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildSnapshot, findCfnLint, formatSnapshot } from "../../scripts/awsSnapshot";
import { POSTGRES_VERSIONS } from "../data/postgres";
import {
  availabilityZoneProblems, cacheNodeTypeProblem, ec2InstanceTypeProblem, mqInstanceTypeProblem, rdsPostgresClassProblem, regionProblem,
} from "./checks";
import { availabilityZonesOf, ec2InstanceTypes, postgresMinorVersions, rdsPostgresClasses, snapshot, snapshotCitation } from "./facts";

const FILE = join(__dirname, "snapshot.json");

describe("AWS value lists (snapshot of cfn-lint's data)", () => {
  it("records the cfn-lint version and the day it was made", () => {
    assert.match(snapshotCitation(), /^cfn-lint \d+\.\d+\.\d+ data, snapshot of \d{4}-\d{2}-\d{2}; newer values once refreshed with npm run aws:snapshot$/);
  });

  it("is what the installed cfn-lint of the same version generates (regenerate with npm run aws:snapshot)", function () {
    this.timeout(60000);
    const cfnLint = findCfnLint();
    if (!cfnLint || cfnLint.version !== snapshot().source.version) this.skip();
    assert.equal(formatSnapshot(buildSnapshot(cfnLint!, snapshot().source.generated)), readFileSync(FILE, "utf8"));
  });

  it("stays small: the plan reads it whole", () => {
    assert.ok(readFileSync(FILE).length < 64 * 1024, `${readFileSync(FILE).length} bytes`);
  });

  it("knows the regions' AZs and the types the reference stacks use", () => {
    assert.deepEqual(availabilityZonesOf("us-west-2"), ["us-west-2a", "us-west-2b", "us-west-2c", "us-west-2d"]);
    assert.deepEqual(availabilityZonesOf("us-west-9"), []);
    for (const t of ["t3.large", "t3a.large", "t3.medium", "c5.2xlarge", "m6i.large", "g5.xlarge"]) assert.ok(ec2InstanceTypes("us-west-2").has(t), t);
    for (const c of ["db.t3.medium", "db.r6g.large", "db.r5.2xlarge", "db.m6g.large"]) assert.ok(rdsPostgresClasses("us-west-2", "17").has(c), c);
  });

  it("has the minors RDS creates for every major the platform offers", () => {
    for (const major of Object.keys(POSTGRES_VERSIONS)) assert.ok(postgresMinorVersions(major).length > 0, major);
  });

  describe("checks, each with what is allowed and the nearest value", () => {
    const cases: Array<[string, ReturnType<typeof regionProblem>, RegExp, string[]]> = [
      ["a region that does not exist", regionProblem("us-west-9"), /an AWS region such as us-east-1/, ["us-west-1", "us-west-2"]],
      ["an EC2 size that does not exist", ec2InstanceTypeProblem("us-west-2", "t3.mega"), /an EC2 instance type offered in us-west-2 .*; t3 sizes: .*medium/, ["t3.medium"]],
      ["an RDS class that does not exist", rdsPostgresClassProblem("us-west-2", "17", "db.t3.mega"), /an RDS instance class offered for PostgreSQL 17 in us-west-2/, ["db.t3.medium"]],
      ["an RDS class PostgreSQL 17 does not run on", rdsPostgresClassProblem("us-west-2", "17", "db.m1.large"), /offered for PostgreSQL 17/, []],
      ["a cache node type misspelt", cacheNodeTypeProblem("us-west-2", "cache.t4g.smal"), /an ElastiCache node type offered in us-west-2/, ["cache.t4g.small"]],
      ["an Amazon MQ type misspelt", mqInstanceTypeProblem("us-west-2", "mq.m7g.larg"), /an Amazon MQ broker instance type offered in us-west-2/, ["mq.m7g.large"]],
    ];
    for (const [what, p, allowed, suggestions] of cases) {
      it(what, () => {
        assert.ok(p, "expected a problem");
        assert.match(p.allowed, allowed);
        if (suggestions.length > 0) assert.deepEqual(p.suggestions, suggestions);
      });
    }

    it("accepts what AWS offers", () => {
      assert.equal(regionProblem("eu-central-2"), undefined);
      assert.equal(ec2InstanceTypeProblem("us-west-2", "t3.large"), undefined);
      assert.equal(rdsPostgresClassProblem("us-west-2", "18", "db.r6g.large"), undefined);
      assert.equal(cacheNodeTypeProblem("us-west-2", "cache.r7g.large"), undefined);
      assert.equal(mqInstanceTypeProblem("us-west-2", "mq.m7g.large"), undefined);
    });

    it("pinned AZs: of the region, and distinct", () => {
      assert.deepEqual(availabilityZoneProblems("us-west-2", ["us-west-2a", "us-west-2b"]), []);
      const foreign = availabilityZoneProblems("us-west-2", ["eu-west-1a", "us-west-2b"]);
      assert.deepEqual(foreign.map((p) => [p.index, p.problem.suggestions]), [[0, ["us-west-2a"]]]);
      const thrice = availabilityZoneProblems("us-west-2", ["us-west-2a", "us-west-2a", "us-west-2a"]);
      assert.equal(thrice.length, 1);
      assert.match(thrice[0].problem.allowed, /3 distinct AZs of us-west-2.*us-west-2a is listed more than once/);
      assert.deepEqual(thrice[0].problem.suggestions, ["[us-west-2a, us-west-2b, us-west-2c]"]);
    });
  });
});
