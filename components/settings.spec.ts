import { strict as assert } from "node:assert";
import { assertNoProblems, formatProblem, intRange, logRetentionProblems, problem } from "./settings";

describe("setting problems", () => {
  it("names the field, the value and what is allowed", () => {
    assert.equal(formatProblem(problem("protect", "yes", "true or false")), 'protect: got "yes"; allowed: true or false');
    assert.deepEqual(intRange("days", 7, 7, 30, "KMS"), []);
    assert.deepEqual(intRange("days", 6.5, 7, 30, "KMS").map(formatProblem), ["days: got 6.5; allowed: an integer from 7 to 30 (KMS)"]);
    assert.deepEqual([logRetentionProblems("r", 400), logRetentionProblems("r", 8).map((p) => p.field)], [[], ["r"]]);
  });

  it("throws once with every problem, and not at all without one", () => {
    assert.doesNotThrow(() => assertNoProblems("db", []));
    assert.throws(() => assertNoProblems("db", [problem("a", 1, "2"), problem("b", 2, "3")]), /^Error: db: a: got 1; allowed: 2; b: got 2; allowed: 3$/);
  });
});
