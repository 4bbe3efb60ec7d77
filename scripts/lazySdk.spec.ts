/**
 * The SDK modules the loader defers (scripts/lazySdk.cjs), in child processes: one under the loader,
 * as the npm scripts run, and one on plain Node for the SDK as it is.
 */
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { ROOT } from "./stackArgs";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { LAZY_MODULES } = require("./lazySdk.cjs") as { LAZY_MODULES: Record<string, string[] | "proxy"> };

/** Runs `code` in a fresh Node, under the loader or not; what it printed as JSON. */
function run(code: string, loader: boolean): any {
  const args = [...(loader ? ["-r", "./scripts/register.cjs"] : []), "-e", code];
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout.trim().split("\n").pop()!);
}

/** What a child prints about the deferred modules: which loaded for real, and whether their dependencies did. */
const REPORT = `
  const { loadedForReal } = require("./scripts/lazySdk.cjs");
  const has = (part) => Object.keys(require.cache).some((k) => k.includes(part));
  const report = () => ({ real: [...loadedForReal].sort(), typescript: has("/node_modules/typescript/"), arborist: has("/@npmcli/arborist/") });`;

describe("scripts/lazySdk.cjs", function () {
  this.timeout(60_000);

  it("names each deferred module's exports as the installed SDK does", () => {
    const real = run(`
      const root = require("node:path").dirname(require.resolve("@pulumi/pulumi/package.json"));
      const rels = ${JSON.stringify(Object.keys(LAZY_MODULES))};
      console.log(JSON.stringify(Object.fromEntries(rels.map((r) => [r, Object.keys(require(root + "/" + r)).filter((k) => k !== "__esModule").sort()]))));`, false);
    for (const [rel, names] of Object.entries(LAZY_MODULES)) {
      assert.ok(real[rel].length > 0, `${rel} is not in the installed SDK`);
      if (names !== "proxy") assert.deepEqual([...names].sort(), real[rel], rel);
    }
  });

  it("loads none of them, nor the TypeScript compiler or arborist, when @pulumi/pulumi loads", () => {
    const out = run(`${REPORT} require("@pulumi/pulumi"); console.log(JSON.stringify(report()));`, true);
    assert.deepEqual(out, { real: [], typescript: false, arborist: false });
  });

  it("loads each for real on first use, with the SDK's own results", async () => {
    const out = run(`${REPORT}
      const pulumi = require("@pulumi/pulumi");
      const before = report();
      const workspace = typeof pulumi.automation.LocalWorkspace.create;
      pulumi.runtime.serializeFunction(() => 42).then((f) => {
        console.log(JSON.stringify({ before, workspace, text: f.text.includes("42"), exportName: f.exportName, after: report() }));
      });`, true);
    assert.deepEqual(out.before.real, []);
    assert.equal(out.workspace, "function");
    assert.equal(out.text, true, "serializeFunction's text holds the function's body");
    assert.equal(out.exportName, "handler");
    // Closure serialization parses with the TypeScript compiler; code paths (arborist) stay unloaded, unused.
    assert.deepEqual(out.after, { real: ["automation/index.js", "runtime/closure/serializeClosure.js"], typescript: true, arborist: false });
  });

  it("leaves a whole dev plan without them", () => {
    const out = run(`${REPORT}
      const lines = [];
      require("./scripts/plan.ts").plan(require("./scripts/plan.ts").parsePlanArgs(["--stack", "dev"]), (l) => lines.push(l))
        .then((code) => console.log(JSON.stringify({ code, ...report() })));`, true);
    assert.deepEqual(out, { code: 0, real: [], typescript: false, arborist: false });
  });
});
