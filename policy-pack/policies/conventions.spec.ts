import { strict as assert } from "node:assert";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { policies } from ".";

const dirs = readdirSync(__dirname, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
const files = dirs.flatMap((d) => readdirSync(join(__dirname, d)).filter((f) => f.endsWith(".ts") && !f.endsWith(".spec.ts")).map((f) => join(d, f)));

describe("policy pack conventions", () => {
  it("names every policy <service>-<verb>-<object> after its folder, with description, severity and remediation", () => {
    for (const p of policies) {
      assert.match(p.name, /^[a-z0-9]+-(require|disallow|enable|configure)(-[a-z0-9]+)+$/, p.name);
      assert.ok(dirs.includes(p.name.split("-")[0]), `${p.name}: no policies/${p.name.split("-")[0]} folder`);
      assert.ok(p.description && p.severity && p.remediationSteps, p.name);
    }
    assert.equal(new Set(policies.map((p) => p.name)).size, policies.length, "names are unique");
  });

  it("registers every policy file, one policy per file, each with a spec beside it", () => {
    assert.equal(files.length, policies.length);
    for (const f of files) {
      const text = readFileSync(join(__dirname, f), "utf8");
      const name = /name: "([a-z0-9-]+)"/.exec(text)?.[1];
      assert.ok(policies.some((p) => p.name === name), `${f} is not in policies/index.ts`);
      if (/^(rds|elasticache|msk|mq)\//.test(f) || f === "ec2/disallowPublicDataStores.ts") {
        assert.doesNotThrow(() => readFileSync(join(__dirname, f.replace(/\.ts$/, ".spec.ts"))), `${f} has no spec`);
      }
    }
  });
});
