/**
 * The TypeScript loader the npm scripts run under (scripts/register.cjs), in child processes, as
 * `npm run plan` starts it: whatever loader runs this spec.
 */
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./stackArgs";

/** Runs `code` under the loader, as the npm scripts do; its output. */
function underLoader(code: string): string {
  const r = spawnSync(process.execPath, ["-r", "./scripts/register.cjs", "-e", code], { cwd: ROOT, encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

describe("scripts/register.cjs", function () {
  this.timeout(60_000);

  it("shows a failed program's trace at its TypeScript lines, though Node's source maps stay off", () => {
    const out = underLoader(`
      const { tsStack } = require("./scripts/stackArgs.ts");
      try { require("./test/fixtures/failingProgram.ts").failing(undefined); }
      catch (e) { console.log(process.sourceMapsEnabled, tsStack(e).split("\\n")[1]); }`);
    // The throw is on line 10 of the fixture; compiled, without its interface and comment, it is not.
    assert.match(out, /^false +at Object\.failing \(.*test\/fixtures\/failingProgram\.ts:10:\d+\)$/m);
  });

  it("recompiles a file whose text changed, whatever its timestamps say", () => {
    const dir = mkdtempSync(join(tmpdir(), "register-spec-"));
    try {
      const file = join(dir, "value.ts");
      const load = `console.log(require(${JSON.stringify(file)}).value)`;
      writeFileSync(file, "export const value: number = 1;\n");
      const stamp = new Date("2024-01-01T00:00:00Z");
      utimesSync(file, stamp, stamp);
      assert.equal(underLoader(load).trim(), "1");
      writeFileSync(file, "export const value: number = 2;\n");
      utimesSync(file, stamp, stamp);
      assert.equal(underLoader(load).trim(), "2");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("stops on a syntax error with the compiler's message, naming the file and line", () => {
    const dir = mkdtempSync(join(tmpdir(), "register-spec-"));
    try {
      const file = join(dir, "broken.ts");
      writeFileSync(file, "export const a = 1;\nexport const b = ;\n");
      const r = spawnSync(process.execPath, ["-r", "./scripts/register.cjs", "-e", `require(${JSON.stringify(file)})`], { cwd: ROOT, encoding: "utf8" });
      assert.notEqual(r.status, 0);
      assert.match(r.stderr, /broken\.ts:2:\d+: Expression expected/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("maps every trace where the test runner asks (test/sourceMaps.cjs), as this one is", () => {
    const line = Number(new Error("here").stack!.split("\n")[1].match(/register\.spec\.ts:(\d+):\d+/)![1]);
    const source = readFileSync(join(ROOT, "scripts", "register.spec.ts"), "utf8").split("\n");
    assert.equal(line, source.findIndex((l) => l.includes(`new Error("here")`)) + 1);
  });
});
