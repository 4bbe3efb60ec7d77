import { strict as assert } from "node:assert";
import { ComponentArgsError } from "./errors";
import { assertNoProblems, formatProblem, intRange, logRetentionProblems, problem, valueProblem } from "./settings";

describe("setting problems", () => {
  it("names the field, the value and what is allowed", () => {
    assert.equal(formatProblem(problem("protect", "yes", "true or false")), 'protect: got "yes"; allowed: true or false');
    assert.deepEqual(intRange("days", 7, 7, 30, "KMS"), []);
    assert.deepEqual(intRange("days", 6.5, 7, 30, "KMS").map(formatProblem), ["days: got 6.5; allowed: an integer from 7 to 30 (KMS)"]);
    assert.deepEqual([logRetentionProblems("r", 400), logRetentionProblems("r", 8).map((p) => p.field)], [[], ["r"]]);
  });

  it("throws one ComponentArgsError (the caller's mistake, not a bug) with every problem, and not at all without one", () => {
    assert.doesNotThrow(() => assertNoProblems("db", []));
    assert.throws(() => assertNoProblems("db", [problem("a", 1, "2"), problem("b", 2, "3")]), (e: Error) => {
      assert.ok(e instanceof ComponentArgsError, String(e));
      assert.equal(e.message, "db: a: got 1; allowed: 2; b: got 2; allowed: 3");
      assert.deepEqual(e.problems, ["a: got 1; allowed: 2", "b: got 2; allowed: 3"]);
      return true;
    });
  });

  it("says the nearest allowed values, as a value AWS does not offer carries them", () => {
    assert.equal(formatProblem(valueProblem("nodeType", "cache.t4g.smal", { allowed: "an ElastiCache node type", suggestions: ["cache.t4g.small"] })),
      'nodeType: got "cache.t4g.smal"; allowed: an ElastiCache node type; did you mean "cache.t4g.small"?');
    assert.equal(formatProblem(problem("a", 1, "2", [])), "a: got 1; allowed: 2");
  });
});
