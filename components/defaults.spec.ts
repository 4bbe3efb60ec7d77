import { strict as assert } from "node:assert";
import fc from "fast-check";
import { withDefaults } from "./defaults";

describe("withDefaults", () => {
  const defaults = { minSize: 2, maxSize: 10, instanceType: "m6i.large", autoscaling: { cpu: 70, memory: 80 } };

  it("keeps every default the caller leaves out, or sets to undefined", () => {
    assert.deepEqual(withDefaults(defaults, {}), defaults);
    assert.deepEqual(withDefaults(defaults, { minSize: undefined }), defaults);
  });

  it("takes each field the caller sets, falsy values included, and replaces objects whole", () => {
    assert.deepEqual(withDefaults(defaults, { minSize: 0, instanceType: "t3.large", autoscaling: { cpu: 50, memory: 60 } }), {
      minSize: 0, maxSize: 10, instanceType: "t3.large", autoscaling: { cpu: 50, memory: 60 },
    });
  });

  it("has exactly the defaults' keys, each from the caller when given, and never changes the defaults", () => {
    fc.assert(fc.property(fc.option(fc.integer(), { nil: undefined }), fc.option(fc.integer(), { nil: undefined }), (minSize, maxSize) => {
      const before = structuredClone(defaults);
      const out = withDefaults(defaults, { minSize, maxSize });
      assert.deepEqual(Object.keys(out), Object.keys(defaults));
      assert.equal(out.minSize, minSize ?? defaults.minSize);
      assert.equal(out.maxSize, maxSize ?? defaults.maxSize);
      assert.deepEqual(defaults, before);
    }));
  });
});
