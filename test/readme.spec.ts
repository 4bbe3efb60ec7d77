import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { EXIT } from "../offline/exitCodes";
import { CONFIG_DOC, configReference } from "../scripts/configReference";
import { MAX_SCALING, SCALES } from "../scripts/bench";
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

  it("shows a dated npm run bench report in Performance, its figures within issue 16's targets", () => {
    const section = readme.slice(readme.indexOf("\n## Performance"));
    const block = section.match(/```text\n([\s\S]*?)```/)?.[1] ?? "";
    const date = block.match(/^Benchmark (\d{4}-\d{2}-\d{2}): Node v\d+\.\d+\.\d+, \d+ CPUs/)?.[1];
    assert.ok(date && section.includes(`On ${date}`), "the report's first line and the prose give the same date");
    const ratio = Number(block.match(/median ratio (\d+\.\d+) \(target <= 2\.0\)/)?.[1]);
    assert.ok(ratio > 0 && ratio <= 2, `plan ratio ${ratio}`);
    const suite = (name: string) => Number(block.match(new RegExp(`^  ${name}: (\\d+\\.\\d) s \\(\\d+ passing\\)$`, "m"))?.[1]);
    assert.ok(suite("npm test") > 0 && suite("npm test") <= 60, "npm test within a minute");
    assert.ok(suite("npm run test:all") > 0 && suite("npm run test:all") <= 120, "the full suite within two minutes");
    const rows = [...block.matchAll(/^ +(\d+) +(\d+) +(\d+) +(\d+) +(\d+\.\d+) +(\d+)$/gm)].map((m) => m.slice(1).map(Number));
    assert.deepEqual(rows.map((r) => r[0]), [...SCALES]);
    for (const [, resources, planMs, , perResource] of rows) assert.ok(Math.abs(planMs / resources - perResource) < 0.01, "ms/resource is plan ms over resources");
    const growth = rows[rows.length - 1][4] / rows[0][4];
    const stated = Number(block.match(/ms\/resource at 70 services is (\d+\.\d+)x that at 7 \(target <= 1\.3\)/)?.[1]);
    assert.ok(Math.abs(stated - growth) < 0.01 && stated <= MAX_SCALING, `scaling ${stated}`);
  });
});
