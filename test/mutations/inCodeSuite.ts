/**
 * The in-code half of the mutation suite: each row config refuses makes the same change in code (a
 * stack transformation) on the real prod program (or the example stack the row names), and exactly that policy, with the ones the row
 * says the change also breaks, must fire. Each run evaluates the whole prod program (a few
 * seconds), so the rows are split over several spec files that a parallel test run spreads.
 */
import { strict as assert } from "node:assert";
import { type Mutation, applyMutation, isRejected } from "./harness";

export function describeInCode(title: string, rows: Mutation[]): void {
  describe(`mutation suite (prod), made in code: ${title}`, () => {
    for (const m of rows.filter(isRejected)) {
      const inCode = m.inCode;
      if (!inCode) continue;
      it(`${m.policy} catches "${m.change}" made in code, where config refuses it (a stack transformation on ${inCode.type}${inCode.stackFile ? `, in ${inCode.stackFile}` : ""})`, async () => {
        const outcome = await applyMutation({}, inCode);
        assert.ifError(outcome.failure);
        assert.equal(outcome.configError, undefined, outcome.configError);
        assert.ok(outcome.violations.length > 0, "no policy caught the change");
        const fired = [...new Set(outcome.violations.map((v) => v.policy))].sort();
        assert.deepEqual(fired, [m.policy, ...(inCode.alsoFires ?? [])].sort(), JSON.stringify(outcome.violations, null, 2));
        for (const v of outcome.violations) {
          assert.equal(v.level, "mandatory");
          if (v.policy === m.policy) assert.match(v.message, inCode.message);
        }
      });
    }
  });
}
