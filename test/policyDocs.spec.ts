import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { DOC_FILE, PACK_README, END, START, policiesDoc, profileConfigs, readmeTable } from "../scripts/policyDocs";
import { CONTROL_NOTES, TARGET_CONTROLS } from "../policy-pack/lib/coverage";
import { controlsOf } from "../policy-pack/lib/metadata";
import { policies } from "../policy-pack/policies";

describe("docs/policies.md and the policy-pack README table", () => {
  it("docs/policies.md is generated from the policies' metadata (run npm run docs:policies after changing a policy or a config file)", () => {
    assert.equal(readFileSync(DOC_FILE, "utf8"), policiesDoc(), "docs/policies.md is stale: run npm run docs:policies");
  });

  it("policy-pack/README.md carries the generated policy table", () => {
    const readme = readFileSync(PACK_README, "utf8");
    assert.ok(readme.includes(START) && readme.includes(END), "policy-pack/README.md lost its policy-table markers");
    assert.ok(readme.includes(readmeTable()), "policy-pack/README.md policy table is stale: run npm run docs:policies");
  });

  it("shows every policy with its resource types, severity, FSBP id and its enforcement in dev and prod", () => {
    const doc = policiesDoc();
    const profiles = Object.fromEntries(profileConfigs());
    assert.ok(profiles.dev && profiles.prod, "dev.json and prod.json exist");
    const header = doc.split("\n").find((l) => l.startsWith("| Policy | Checks |"))!;
    const columns = header.split("|").map((c) => c.trim());
    for (const p of policies) {
      const row = doc.split("\n").find((l) => l.startsWith(`| \`${p.name}\` |`));
      assert.ok(row, `${p.name} has no row`);
      const cells = row.split("|").map((c) => c.trim());
      const cell = (name: string) => cells[columns.indexOf(name)];
      if (!p.resourceTypesSummary) for (const t of p.resourceTypes) assert.ok(cell("Checks").includes(`\`${t}\``), `${p.name}: ${t}`);
      assert.equal(cell("Severity"), p.severity);
      const controls = controlsOf(p);
      assert.deepEqual([...cell("FSBP").matchAll(/\[([A-Za-z0-9.]+)\]\(https:\/\/docs\.aws\.amazon\.com\/securityhub\/[^)]+\)/g)].map((m) => m[1]), controls);
      if (controls.length === 0) assert.equal(cell("FSBP"), "—");
      assert.match(cell("dev"), /^(mandatory|advisory|disabled|remediate)$/);
      assert.match(cell("prod"), /^(mandatory|advisory|disabled|remediate)$/);
    }
  });

  it("maps every target FSBP control to the policies enforcing it, or to the note saying why none does", () => {
    const doc = policiesDoc();
    for (const c of TARGET_CONTROLS) {
      const row = doc.split("\n").find((l) => l.startsWith(`| [${c}](`));
      assert.ok(row, `${c} has no coverage row`);
      const by = policies.filter((p) => controlsOf(p).includes(c)).map((p) => `\`${p.name}\``);
      const cells = row.split(" | ");
      assert.equal(cells[1], "yes");
      assert.equal(cells[2], by.length ? by.join(", ") : "—", c);
      if (by.length === 0) assert.ok(CONTROL_NOTES[c] && row.includes(CONTROL_NOTES[c].slice(0, 40)), `${c} has neither a policy nor a note`);
    }
  });

  it("computes enforcement as the engine does: a policy's own entry overrides `all`", () => {
    const doc = policiesDoc([["dev", { all: "mandatory", "kms-enable-key-rotation": "advisory" }], ["prod", { all: "advisory", "kms-enable-key-rotation": { enforcementLevel: "mandatory" } }]]);
    const row = doc.split("\n").find((l) => l.startsWith("| `kms-enable-key-rotation` |"))!;
    assert.match(row, /\| advisory \| mandatory \|$/);
    const other = doc.split("\n").find((l) => l.startsWith("| `cloudwatch-require-log-group-encryption` |"))!;
    assert.match(other, /\| mandatory \| advisory \|$/);
  });
});
