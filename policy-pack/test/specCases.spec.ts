import { strict as assert } from "node:assert";
import { calls, cases, classify } from "./specCases";

describe("spec case reader (conventions test)", () => {
  it("finds calls with their top-level arguments, skipping strings, templates, regexes and comments", () => {
    const src = "assert.deepEqual(await check(p, [sg(\"a(\", []), x]), [], `it(${\"x\"})`); // it(no)\n/* assert.ok( */ assert.match(v, /[)(]/);";
    assert.deepEqual(calls(src, ["assert.deepEqual", "assert.match", "assert.ok", "it"]), [
      { callee: "assert.deepEqual", args: ["await check(p, [sg(\"a(\", []), x])", "[]", "`it(${\"x\"})`"] },
      { callee: "assert.match", args: ["v", "/[)(]/"] },
    ]);
  });

  it("reads a regular expression as the first argument, and calls nested in arguments", () => {
    assert.deepEqual(calls("assert.ok(/a(b/.test(f(\"x\")));", ["assert.ok", "f"]), [
      { callee: "assert.ok", args: ['/a(b/.test(f("x"))'] },
      { callee: "f", args: ['"x"'] },
    ]);
  });

  it("takes only whole callees: split( and obj.it( are not it(", () => {
    assert.deepEqual(cases("x.split(','); obj.it(1); it(\"a\", () => 1);"), ['"a", () => 1']);
  });

  it("counts a case expecting none only when the expected value itself is empty", () => {
    const src = `
      it("passes", async () => { assert.deepEqual(await check(p, [r]), []); });
      it("passes by count", async () => { assert.equal((await check(p, [r])).length, 0); });
      it("builds an empty group but expects a message", async () => { assert.deepEqual(await messages(p, [sg("x", [])]), ["Data store x is open."]); });`;
    assert.deepEqual(classify(src), { none: 2, violation: 1 });
  });

  it("counts every form of expecting a violation, but not the advisory 'can't run during preview'", () => {
    const src = `
      it("a", async () => { assertOneViolation(await check(p, [r]), p, [/is off/]); });
      it("b", async () => { const [v] = await check(p, [r]); assert.match(v.message, /is off/); });
      it("c", async () => { assert.equal((await check(p, [r])).length, 2); });
      it("d", async () => { assert.ok(vs.some((v) => /rotation is off/.test(v.message))); });
      it("e", async () => { assertOneViolation(await check(p, [u]), p, [/can't run policy 'x' during preview/], "advisory"); });
      it("f", async () => { assert.match(vs[0].message, /can't run policy/); });`;
    assert.deepEqual(classify(src), { none: 0, violation: 4 });
  });

  it("ignores assertions about anything but violations (URNs, fixtures)", () => {
    assert.deepEqual(classify(`it("x", () => { assert.equal(v.urn, r.urn); assert.equal(T.bucket, "aws:s3/bucket:Bucket"); });`), { none: 0, violation: 0 });
  });
});
