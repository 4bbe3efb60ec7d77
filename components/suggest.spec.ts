import { strict as assert } from "node:assert";
import fc from "fast-check";
import { didYouMean, didYouMeanSized, editDistance, suggestionText } from "./suggest";

describe("did you mean", () => {
  const table: Array<[string, string[], string[]]> = [
    ["platfrom", ["platform", "aws", "pulumi", "kubernetes"], ["platform"]],
    ["production", ["dev", "staging", "prod"], ["prod"]],
    ["perAz", ["none", "single", "onePerAz"], ["onePerAz"]],
    ["us-west-9", ["us-west-1", "us-west-2", "us-east-1", "eu-west-1"], ["us-west-1", "us-west-2"]],
    ["17.99", ["17", "17.5", "17.9", "18", "18.1"], ["17.9"]],
    ["databse", ["database", "cache", "messaging"], ["database"]],
    ["oregon", ["us-west-1", "us-west-2"], []],
    ["x", ["dev", "prod"], []],
  ];
  for (const [value, candidates, expected] of table) {
    it(`${value} -> ${expected.join(", ") || "nothing"}`, () => assert.deepEqual(didYouMean(value, candidates), expected));
  }

  it("suggests a size of the same family however far the size is, else the nearest name", () => {
    const t3 = ["t3.nano", "t3.micro", "t3.small", "t3.medium", "t3.large", "t3.xlarge", "m6i.large"];
    assert.deepEqual(didYouMeanSized("t3.mega", t3), ["t3.medium"]);
    assert.deepEqual(didYouMeanSized("t3.smal", t3), ["t3.small"]);
    assert.deepEqual(didYouMeanSized("m6j.large", t3), ["m6i.large"]);
  });

  it("counts an adjacent transposition as one edit, and is a metric on small strings (property)", () => {
    assert.equal(editDistance("platfrom", "platform"), 1);
    const word = fc.string({ maxLength: 8 });
    fc.assert(fc.property(word, word, (a, b) => editDistance(a, b) === editDistance(b, a) && (editDistance(a, b) === 0) === (a === b)));
  });

  it("phrases the suggestions, or nothing", () => {
    assert.equal(suggestionText(["a", "b"]), 'did you mean "a" or "b"?');
    assert.equal(suggestionText([]), undefined);
  });
});
