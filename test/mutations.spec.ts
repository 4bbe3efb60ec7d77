/**
 * The mutation suite: for every policy that is mandatory in prod, one named change a careless user
 * could make to Pulumi.prod.yaml, run through the real program and the pack offline. Either exactly
 * that policy fires, with a message saying how to fix it, or config validation refuses the change
 * before any resource exists, and the row says why the policy stays; such a row then makes the same
 * change in code (a stack transformation on the real prod program), which the policy must catch,
 * or says why no code change to this program can reach it. Each tier adds its rows in
 * test/mutations/<tier>.ts, listed in test/mutations/all.ts. The in-code changes run in
 * test/mutations.inCode.*.spec.ts, split so the parallel test run spreads their program runs.
 */
import { strict as assert } from "node:assert";
import { enforcementLevel, readPackConfig } from "../offline/policyRunner";
import { policies } from "../policy-pack/policies";
import { join } from "node:path";
import { MUTATIONS } from "./mutations/all";
import { ROOT } from "./helpers";
import { PROD_PACK_CONFIG, applyMutation, isRejected, prodConfig, setPath, splitPath } from "./mutations/harness";

const mandatoryInProd = policies.filter((p) => enforcementLevel(p, readPackConfig(PROD_PACK_CONFIG)) === "mandatory").map((p) => p.name);

describe("mutation suite (prod)", () => {
  describe("the table", () => {
    it("has a row for every policy that is mandatory in prod", () => {
      const covered = new Set(MUTATIONS.map((m) => m.policy));
      assert.deepEqual(mandatoryInProd.filter((p) => !covered.has(p)), [], "add a row in test/mutations/<tier>.ts for each");
    });

    it("names only mandatory policies of the pack, each change once per policy", () => {
      for (const m of MUTATIONS) assert.ok(mandatoryInProd.includes(m.policy), `${m.policy} is not a mandatory policy in prod`);
      const keys = MUTATIONS.map((m) => `${m.policy}: ${m.change}`);
      assert.equal(new Set(keys).size, keys.length);
    });

    it("makes every change config refuses in code too, or says why no code change reaches the policy", () => {
      for (const m of MUTATIONS.filter(isRejected)) {
        assert.ok(Boolean(m.inCode) !== Boolean(m.notInCode), `${m.policy}: "${m.change}" needs exactly one of inCode and notInCode`);
      }
    });

    it("runs in-code changes only on prod-profile stacks, so the prod pack config is the one that applies", () => {
      const files = [...new Set(MUTATIONS.filter(isRejected).flatMap((m) => (m.inCode?.stackFile ? [m.inCode.stackFile] : [])))];
      for (const f of files) assert.equal(prodConfig(join(ROOT, f))["platform:profile"], "prod", f);
    });

    it("starts from a prod stack that passes: every violation below is the change's doing", async () => {
      const baseline = await applyMutation({});
      assert.equal(baseline.configError, undefined);
      assert.deepEqual(baseline.violations, []);
    });

    it("sets config by path as the stack file would: list elements by index, missing objects created, undefined removes", () => {
      assert.deepEqual(splitPath("platform:storage.buckets[0].purpose"), ["platform:storage", ["buckets", 0, "purpose"]]);
      const base = prodConfig();
      const c = setPath(setPath(base, "platform:storage.buckets[0].purpose", "archive"), "platform:storage.efs.enabled", true);
      assert.deepEqual((c["platform:storage"] as any).buckets[0], { name: "documents", purpose: "archive", critical: true });
      assert.deepEqual((c["platform:storage"] as any).efs, { enabled: true });
      assert.equal(setPath(c, "platform:keys", undefined)["platform:keys"], undefined);
      assert.equal((base["platform:storage"] as any).buckets[0].purpose, "documents", "the base config is copied, never changed");
    });
  });

  for (const m of MUTATIONS) {
    const title = isRejected(m) ? `${m.policy}: "${m.change}" is refused by config validation (${m.because})` : `${m.policy} catches "${m.change}"`;
    it(title, async () => {
      const outcome = await applyMutation(m.set);
      assert.ifError(outcome.failure);
      if (isRejected(m)) {
        assert.ok(outcome.configError, `the change was accepted; violations: ${JSON.stringify(outcome.violations)}`);
        assert.match(outcome.configError, m.configError);
        assert.equal(outcome.resources, 0, "config errors stop the program before any resource is registered");
        return;
      }
      assert.equal(outcome.configError, undefined, outcome.configError);
      assert.ok(outcome.violations.length > 0, "no policy caught the change");
      assert.deepEqual([...new Set(outcome.violations.map((v) => v.policy))], [m.policy], JSON.stringify(outcome.violations, null, 2));
      for (const v of outcome.violations) {
        assert.equal(v.level, "mandatory");
        assert.match(v.message, m.message);
      }
    });
  }
});
