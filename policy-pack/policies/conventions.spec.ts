import { strict as assert } from "node:assert";
import { readFileSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { controlsOf } from "../lib/metadata";
import { policies } from ".";
import { classify } from "../test/specCases";

const dirs = readdirSync(__dirname, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
const files = dirs.flatMap((d) => readdirSync(join(__dirname, d)).filter((f) => f.endsWith(".ts") && !f.endsWith(".spec.ts")).map((f) => join(d, f)));

/**
 * Policies whose cases live in a spec shared with their siblings rather than in `<verbObject>.spec.ts`.
 * The four ALB attribute policies check one resource (the load balancer) with one fixture, so
 * elb/loadBalancers.spec.ts runs a compliant ALB through all four and a failing attribute table
 * with a row for each; that spec also asserts that every one of them has a passing and a failing case.
 */
const GROUPED_SPECS: Record<string, string> = {
  "elb/requireDropInvalidHeaders.ts": "elb/loadBalancers.spec.ts",
  "elb/requireAccessLogs.ts": "elb/loadBalancers.spec.ts",
  "elb/enableDeletionProtection.ts": "elb/loadBalancers.spec.ts",
  "elb/configureDesyncMitigation.ts": "elb/loadBalancers.spec.ts",
};

const nameOf = (file: string) => /name: "([a-z0-9-]+)"/.exec(readFileSync(join(__dirname, file), "utf8"))?.[1];
const specOf = (file: string) => GROUPED_SPECS[file] ?? file.replace(/\.ts$/, ".spec.ts");
/** The policy's name as a whole token: "rds-require-tls" is not mentioned by "rds-require-tls-x". */
const mentions = (text: string, name: string) => new RegExp(`(^|[^a-z0-9-])${name}([^a-z0-9-]|$)`).test(text);

describe("policy pack conventions", () => {
  it("names every policy <service>-<verb>-<object> after its folder, with description, severity and remediation", () => {
    for (const p of policies) {
      assert.match(p.name, /^[a-z0-9]+-(require|disallow|enable|configure)(-[a-z0-9]+)+$/, p.name);
      assert.ok(dirs.includes(p.name.split("-")[0]), `${p.name}: no policies/${p.name.split("-")[0]} folder`);
      assert.ok(p.description && p.severity && p.remediationSteps, p.name);
    }
    assert.equal(new Set(policies.map((p) => p.name)).size, policies.length, "names are unique");
  });

  it("names FSBP controls as <Service>.<n>, each control once per policy (framework first, then relatedControls)", () => {
    for (const p of policies) {
      const controls = controlsOf(p);
      for (const c of controls) assert.match(c, /^[A-Z][A-Za-z0-9]*\.\d+$/, `${p.name}: ${c}`);
      assert.equal(new Set(controls).size, controls.length, `${p.name} names a control twice`);
      assert.ok(!p.relatedControls || p.framework, `${p.name} has relatedControls but no framework control`);
    }
  });

  it("registers every policy file, one policy per file", () => {
    assert.equal(files.length, policies.length);
    for (const f of files) assert.ok(policies.some((p) => p.name === nameOf(f)), `${f} is not in policies/index.ts`);
  });

  it("gives every policy a spec beside it (<verbObject>.spec.ts, or its listed group spec) that imports it and names it", () => {
    for (const f of files) {
      const spec = specOf(f);
      let text: string;
      try {
        text = readFileSync(join(__dirname, spec), "utf8");
      } catch {
        assert.fail(`${f} has no spec: add ${spec} with a passing and a failing case`);
      }
      assert.ok(text.includes(`from "./${basename(f, ".ts")}"`), `${spec} does not import ./${basename(f, ".ts")}`);
      assert.ok(mentions(text, nameOf(f)!), `${spec} never names ${nameOf(f)} (describe it by name)`);
    }
  });

  it("lists in GROUPED_SPECS only policy files that exist and have no spec of their own", () => {
    for (const f of Object.keys(GROUPED_SPECS)) {
      assert.ok(files.includes(f), `${f} is not a policy file`);
      assert.throws(() => readFileSync(join(__dirname, f.replace(/\.ts$/, ".spec.ts"))), `${f} has its own spec: remove it from GROUPED_SPECS`);
    }
  });

  it("has, in every policy's spec, a case expecting no violation and a case expecting one (not merely 'can't run during preview')", () => {
    for (const f of files) {
      const spec = specOf(f);
      const found = classify(readFileSync(join(__dirname, spec), "utf8"));
      assert.ok(found.none > 0, `${spec} has no case expecting no violation from ${nameOf(f)}: add one with a compliant fixture`);
      assert.ok(found.violation > 0, `${spec} has no case expecting a violation from ${nameOf(f)}: add one that changes one property`);
    }
  });
});
