import { strict as assert } from "node:assert";
import fc from "fast-check";
import { assertNoProblems, formatProblem, intRange, logRetentionProblems, problem, withDefaults } from "./settings";

describe("component settings", () => {
  const defaults = { size: 3, on: true, nested: { a: 1, b: 2 } };

  it("takes each given setting and the default for every other, whatever the caller sets", () => {
    fc.assert(fc.property(fc.option(fc.integer(), { nil: undefined }), fc.option(fc.boolean(), { nil: undefined }), (size, on) => {
      const s = withDefaults(defaults, { size, on });
      assert.deepEqual(s, { size: size ?? 3, on: on ?? true, nested: { a: 1, b: 2 } });
    }));
  });

  it("replaces a nested object whole and copies no key that is not a setting", () => {
    const given = { nested: { a: 9, b: 9 }, vpcId: "vpc-1" } as Partial<typeof defaults>;
    assert.deepEqual(withDefaults(defaults, given), { size: 3, on: true, nested: { a: 9, b: 9 } });
  });

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
