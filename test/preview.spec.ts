/**
 * `pulumi preview` of a new stack: ids and computed outputs are unknown, and so is every input
 * built from them. The whole dev and prod programs, previewed under the mock cloud, must raise no
 * mandatory violation; a policy may only say it "can't run during preview" where it truly cannot
 * decide, and every decidable result must equal the full plan's.
 */
import { strict as assert } from "node:assert";
import { join } from "node:path";
import { policies } from "../policy-pack/policies";
import { UNKNOWN } from "./harness/mockCloud";
import { Violation, readPackConfig, runPolicies } from "./harness/policyRunner";
import type { RecordedResource } from "./harness/recorder";
import { runStack } from "./harness/runStack";
import { readStackFile } from "./harness/stackFile";
import { ROOT, planStackFile } from "./helpers";

/**
 * Resource policies see only inputs, not which resource an unknown input comes from, so an
 * unknown key reference cannot be judged before the key exists; `pulumi up` runs them again with
 * the key's ARN known, before the resource is created.
 */
const UNDECIDABLE_IN_PREVIEW = ["cloudwatch-require-log-group-encryption", "backup-require-vault-encryption"];

const cannotRun = (v: Violation) => /^can't run policy '[a-z0-9-]+' during preview: .+ value at \.[A-Za-z.0-9]+ can't be known during preview$/.test(v.message);
const decided = (vs: Violation[]) => vs.filter((v) => !cannotRun(v)).map((v) => `${v.level} ${v.policy} ${v.urn} ${v.message}`).sort();

const hasUnknown = (v: unknown): boolean =>
  v === UNKNOWN || (Array.isArray(v) ? v.some(hasUnknown) : typeof v === "object" && v !== null && Object.values(v).some(hasUnknown));

for (const stack of ["dev", "prod"] as const) {
  describe(`preview (${stack})`, () => {
    let resources: RecordedResource[];
    let violations: Violation[];
    before(async () => {
      const config = readStackFile(join(ROOT, `Pulumi.${stack}.yaml`));
      const run = await runStack({ stack, config, preview: true });
      assert.ifError(run.error);
      resources = run.resources;
      violations = await runPolicies(policies, resources, readPackConfig(join(ROOT, "policy-pack", "config", `${config["platform:profile"]}.json`)));
    });

    it("records unknowns as CrossGuard sees them: the engine's unknown marker in inputs and outputs", () => {
      const encryption = resources.filter((r) => r.type === "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration");
      assert.ok(encryption.length > 0);
      for (const r of encryption) assert.equal(r.inputs.bucket, UNKNOWN, `${r.name}.bucket is the bucket's id, unknown until it exists`);
      const keys = resources.filter((r) => r.type === "aws:kms/key:Key");
      for (const k of keys) assert.deepEqual([k.outputs.arn, k.outputs.enableKeyRotation], [UNKNOWN, true]);
      assert.ok(resources.filter((r) => r.custom && hasUnknown(r.inputs)).length >= 10);
    });

    it("raises no mandatory violation", () => {
      assert.deepEqual(violations.filter((v) => v.level === "mandatory"), []);
    });

    it("says 'can't run during preview' only for the resource policies that cannot see where an unknown key comes from", () => {
      const undecided = [...new Set(violations.filter(cannotRun).map((v) => v.policy))].sort();
      assert.deepEqual(undecided, [...UNDECIDABLE_IN_PREVIEW].sort());
      for (const v of violations.filter(cannotRun)) assert.equal(v.level, "advisory");
    });

    it("decides everything else exactly as the full plan does", async () => {
      assert.deepEqual(decided(violations), decided((await planStackFile(`Pulumi.${stack}.yaml`)).violations));
    });
  });
}
