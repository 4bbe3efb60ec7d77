import { strict as assert } from "node:assert";
import type { Policy } from "@pulumi/policy";
import { PolicyConfigError, enforcementLevel, parsePackConfig, policyConfig, reconcilePackConfig } from "./policyConfig";

const retention: Policy = {
  name: "retention",
  description: "d",
  configSchema: { properties: { days: { type: "integer", minimum: 1, default: 7 }, note: { type: "string" } } },
};
const plain: Policy = { name: "plain", description: "d", enforcementLevel: "mandatory" };

describe("policy pack config, as the engine reconciles it", () => {
  it("parses a level or an object per entry, dropping empty ones", () => {
    assert.deepEqual([...parsePackConfig({ all: "advisory", a: { enforcementLevel: "disabled" }, b: { days: 3 }, c: {} })], [
      ["all", { level: "advisory" }], ["a", { level: "disabled" }], ["b", { properties: { days: 3 } }],
    ]);
  });

  it("rejects an invalid level or value, naming every key", () => {
    assert.throws(() => parsePackConfig({ a: "strict", b: { enforcementLevel: 1 }, c: 7 }), (e: Error) =>
      e instanceof PolicyConfigError && e.problems.length === 3 && /a: "strict" is not a valid enforcement level/.test(e.message) && /b: enforcementLevel 1/.test(e.message) && /c: 7 is not a valid value/.test(e.message));
  });

  it("takes the policy's own entry over `all`, `all` over the policy's level, the policy's level over the pack's", () => {
    assert.equal(enforcementLevel(plain, { all: "advisory", plain: "disabled" }), "disabled");
    assert.equal(enforcementLevel(plain, { all: "advisory" }), "advisory");
    assert.equal(enforcementLevel(plain, {}, "advisory"), "mandatory");
    assert.equal(enforcementLevel(retention, {}, "mandatory"), "mandatory");
    assert.equal(enforcementLevel(retention, {}), "advisory");
  });

  it("fills configSchema defaults and merges the entry's settings over them", () => {
    assert.deepEqual(policyConfig(retention, {}), { days: 7 });
    assert.deepEqual(policyConfig(retention, { retention: { enforcementLevel: "mandatory", note: "x" } }), { days: 7, note: "x" });
    assert.deepEqual(policyConfig(plain, { plain: "mandatory" }), {});
  });

  it("applies the initial config, then the file: the file's `all` overrides a level the initial config set", () => {
    const s = reconcilePackConfig([retention, plain], { all: "mandatory" }, { initialConfig: { retention: { enforcementLevel: "disabled", days: 30 } } });
    assert.deepEqual(s.get("retention"), { level: "mandatory", properties: { days: 30 } });
    assert.deepEqual(s.get("plain"), { level: "mandatory", properties: {} });
  });

  it("validates each policy's settings against its configSchema and lists every problem", () => {
    assert.throws(() => reconcilePackConfig([retention, { ...retention, name: "other" }], { retention: { days: 0 }, other: { note: 5 } }), (e: Error) =>
      e instanceof PolicyConfigError && e.problems.join("|") === "retention: days must be >= 1|other: note must be string");
  });

  it("refuses a pack that names a policy `all` or declares enforcementLevel as a setting, as the policy server does", () => {
    assert.throws(() => reconcilePackConfig([{ ...plain, name: "all" }], {}), /policy name "all" is reserved/);
    assert.throws(() => reconcilePackConfig([{ ...plain, configSchema: { properties: { enforcementLevel: { type: "string" } } } }], {}), /plain: enforcementLevel cannot be declared/);
  });
});
