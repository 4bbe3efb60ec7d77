import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { DEFAULT_WORKFLOW_DIR, formatErrors, validateDirectory, validateFile, workflowFiles } from "./validate-workflows";

const REPO_ROOT = path.resolve(__dirname, "..");

// Runs the script the way `npm run lint:workflows` does, by absolute paths so
// the test does not depend on PATH.
function runScript(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ["-r", "./scripts/register.cjs", "scripts/validate-workflows.ts", ...args], {
    cwd: REPO_ROOT,
    encoding: "utf8",
  });
  assert.equal(result.error, undefined);
  return result;
}

describe("scripts/validate-workflows", () => {
  let brokenDir: string;

  before(() => {
    brokenDir = fs.mkdtempSync(path.join(os.tmpdir(), "broken-workflows-"));
    // Schema error: `runs-on` misspelt and an invalid permission level.
    fs.writeFileSync(
      path.join(brokenDir, "schema.yml"),
      [
        "on: push",
        "permissions:",
        "  id-token: writ",
        "jobs:",
        "  build:",
        "    runs_on: ubuntu-latest",
        "    steps:",
        "      - run: echo hi",
        "",
      ].join("\n"),
    );
    fs.writeFileSync(path.join(brokenDir, "syntax.yaml"), "on: [push\njobs: {}\n");
  });

  after(() => {
    fs.rmSync(brokenDir, { recursive: true, force: true });
  });

  it("accepts the real workflows", () => {
    const results = validateDirectory(DEFAULT_WORKFLOW_DIR);
    assert.ok(
      results.some((r) => path.basename(r.file) === "infrastructure.yml"),
      "infrastructure.yml should be validated",
    );
    for (const { file, errors } of results) {
      assert.deepEqual(errors, [], `${file}:\n${formatErrors(errors).join("\n")}`);
    }
  });

  it("exits 0 on the real workflows", () => {
    const result = runScript();
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /ok\s+\.github\/workflows\/infrastructure\.yml/);
  });

  it("reports schema and syntax errors in a broken workflow", () => {
    assert.deepEqual(workflowFiles(brokenDir).map((f) => path.basename(f)), ["schema.yml", "syntax.yaml"]);
    const schema = validateFile(path.join(brokenDir, "schema.yml"));
    assert.ok(schema.errors.length > 0);
    assert.match(formatErrors(schema.errors).join("\n"), /runs_on/);
    const syntax = validateFile(path.join(brokenDir, "syntax.yaml"));
    assert.match(formatErrors(syntax.errors).join("\n"), /^ {2}line 2, column \d+: Parse Error/);
  });

  it("exits non-zero on a broken workflow directory", () => {
    const result = runScript(brokenDir);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /FAIL\s+.*schema\.yml/);
    assert.match(result.stderr, /FAIL\s+.*syntax\.yaml/);
    assert.match(result.stderr, /2 of 2 workflow file\(s\) failed validation/);
  });

  it("exits non-zero when there are no workflow files to check", () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), "no-workflows-"));
    try {
      const result = runScript(empty);
      assert.equal(result.status, 1);
      assert.match(result.stderr, /no workflow files/);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});
