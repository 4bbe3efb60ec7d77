import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { EXIT } from "../offline/exitCodes";
import { CONFIG_DOC, configReference } from "../scripts/configReference";
import { ROOT } from "./helpers";

const readme = readFileSync(join(ROOT, "README.md"), "utf8");

describe("README", () => {
  it("shows the two set-up commands", () => {
    assert.ok(readme.includes("npm ci && npm run plan -- --stack dev"));
    assert.ok(readme.includes("npm test"));
  });

  it("keeps the architecture diagram in Mermaid", () => {
    assert.match(readme, /```mermaid\nflowchart/);
  });

  it("stays a front door: 30 KB or less, with a table of contents whose links reach its sections", () => {
    assert.ok(Buffer.byteLength(readme) <= 30 * 1024, `README.md is ${Buffer.byteLength(readme)} bytes`);
    const anchors = readme.split("\n").filter((l) => l.startsWith("## ")).map((l) => l.slice(3).toLowerCase().replace(/[^a-z0-9 -]/g, "").replace(/ /g, "-"));
    const toc = [...readme.matchAll(/^- \[[^\]]+\]\(#([^)]+)\)/gm)].map((m) => m[1]);
    assert.ok(toc.length >= 8, "no table of contents");
    assert.deepEqual(toc.filter((a) => !anchors.includes(a)), [], "table-of-contents links without a section");
  });

  it("links docs/config.md, which carries the config reference generated from the schema (run npm run docs:config)", () => {
    assert.ok(readme.includes("(docs/config.md)"));
    assert.ok(readFileSync(CONFIG_DOC, "utf8").includes(configReference()), "docs/config.md is stale: run npm run docs:config");
  });

  it("never shows zod's safe-integer bounds as a config rule", () => {
    assert.ok(!configReference().includes(String(Number.MIN_SAFE_INTEGER)));
  });

  it("links only files of this repository: none outside it, none missing", () => {
    const links = [...readme.matchAll(/\]\(([^)#]+)(?:#[^)]*)?\)/g)].map((m) => m[1]).filter((l) => !/^https?:/.test(l));
    assert.deepEqual(links.filter((l) => l.startsWith("..")), []);
    assert.deepEqual(links.filter((l) => { try { readFileSync(join(ROOT, l)); return false; } catch { return true; } }), []);
  });

  it("documents every field of the plan JSON", () => {
    for (const field of ["stack", "resources[]", "outputs", "violations[]", "urn, type, name, id, parent, custom, provider, inputs, outputs, dependencies, protect, retainOnDelete", "policy, level, urn, message"]) {
      assert.ok(readme.includes(field), field);
    }
  });

  it("documents the exit codes the plan and validate return (offline/exitCodes.ts)", () => {
    const table = [...readme.matchAll(/^\| `(\d)` \| (.+) \|$/gm)].map((m) => [Number(m[1]), m[2]] as const);
    assert.deepEqual(table.map(([code]) => code), [EXIT.clean, EXIT.violation, EXIT.config, EXIT.program], "the plan's exit-code table");
    assert.match(table[1][1], /mandatory policy violation/);
    assert.match(table[2][1], /config error/);
    assert.match(table[3][1], /program failure/);
    assert.ok(readme.includes(
      `exit codes \`${EXIT.clean}\` clean, \`${EXIT.violation}\` findings, \`${EXIT.config}\` config error, \`${EXIT.program}\` program failure, \`${EXIT.missingCfnLint}\` cfn-lint missing`,
    ), "validate's exit codes");
  });

  it("links the guides it promises", () => {
    for (const link of ["docs/real-aws.md", "policy-pack/README.md", "docs/policies.md", "docs/config.md", "docs/reference-systems.md", "docs/validate.md"]) {
      assert.ok(readme.includes(`(${link})`), link);
      assert.doesNotThrow(() => readFileSync(join(ROOT, link)), link);
    }
  });
});
