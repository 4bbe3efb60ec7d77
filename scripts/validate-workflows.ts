// Schema-checks every GitHub Actions workflow (and the repository's own
// composite actions) before it reaches GitHub, where a malformed workflow only
// shows up as a failed run after merge; then holds them to the deployment
// path's rules (scripts/workflowRules.ts).
//
// Uses the JS API of @action-validator/core (the same WASM build that the
// @action-validator/cli bin wraps), so no native binary is downloaded and all
// files are checked in one process.
import * as fs from "node:fs";
import * as path from "node:path";
import { validateAction, validateWorkflow, type ValidationError } from "@action-validator/core";
import { parse } from "yaml";
import { Context, Doc, actionProblems, workflowProblems } from "./workflowRules";

export const DEFAULT_WORKFLOW_DIR = path.resolve(__dirname, "..", ".github", "workflows");
const REPO_ROOT = path.resolve(__dirname, "..");

/** The repository's composite actions, by the path a step uses them with: ./.github/actions/<name>. */
export function localActions(root = REPO_ROOT): Record<string, { file: string; doc: Doc }> {
  const dir = path.join(root, ".github", "actions");
  if (!fs.existsSync(dir)) return {};
  return Object.fromEntries(fs.readdirSync(dir).filter((d) => fs.existsSync(path.join(dir, d, "action.yml"))).map((d) => {
    const file = path.join(dir, d, "action.yml");
    return [`./.github/actions/${d}`, { file, doc: parse(fs.readFileSync(file, "utf8")) as Doc }];
  }));
}

/** What the rules compare against: the locked @pulumi/pulumi version and the local actions. */
export function projectContext(root = REPO_ROOT): Context {
  const lock = JSON.parse(fs.readFileSync(path.join(root, "package-lock.json"), "utf8")) as { packages: Record<string, { version?: string }> };
  const actions = Object.fromEntries(Object.entries(localActions(root)).map(([k, v]) => [k, v.doc]));
  return { pulumiSdkVersion: lock.packages["node_modules/@pulumi/pulumi"]?.version ?? "unknown", actions };
}

/** A rule problem as a validation error, so both print alike. */
const ruleError = (detail: string): ValidationError => ({ code: "project_rule", title: "Deployment rule", detail, path: "" });

export interface FileResult {
  file: string;
  errors: ValidationError[];
}

export function workflowFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/i.test(entry.name))
    .map((entry) => path.join(dir, entry.name))
    .sort();
}

export function validateFile(file: string, ctx: Context = projectContext()): FileResult {
  const text = fs.readFileSync(file, "utf8");
  const errors = validateWorkflow(text).errors;
  // The rules read a workflow the schema accepts; a broken one is reported by the schema alone.
  if (errors.length > 0) return { file, errors };
  return { file, errors: workflowProblems(parse(text) as Doc, ctx).map(ruleError) };
}

/** The repository's composite actions: their schema, and Node 22. */
export function validateActions(root = REPO_ROOT): FileResult[] {
  return Object.values(localActions(root)).map(({ file, doc }) => {
    const errors = validateAction(fs.readFileSync(file, "utf8")).errors;
    return { file, errors: errors.length > 0 ? errors : actionProblems(path.relative(root, file), doc).map(ruleError) };
  });
}

export function validateDirectory(dir: string): FileResult[] {
  const ctx = projectContext();
  return workflowFiles(dir).map((f) => validateFile(f, ctx));
}

/** Flattens the validator's nested `one_of` alternatives into indented lines. */
export function formatErrors(errors: readonly ValidationError[], indent = "  "): string[] {
  const lines: string[] = [];
  for (const error of errors) {
    const where =
      "location" in error && error.location !== undefined
        ? `line ${error.location.line}, column ${error.location.column}`
        : "path" in error && error.path !== ""
          ? error.path
          : "(document)";
    lines.push(`${indent}${where}: ${error.title}${error.detail === undefined ? "" : ` - ${error.detail}`}`);
    if ("states" in error && error.states !== undefined) {
      error.states.forEach((state, i) => {
        lines.push(`${indent}  alternative ${i + 1}:`);
        lines.push(...formatErrors(state.errors, `${indent}    `));
      });
    }
  }
  return lines;
}

export function main(argv: readonly string[]): number {
  const dir = argv[0] === undefined ? DEFAULT_WORKFLOW_DIR : path.resolve(argv[0]);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    console.error(`error: ${dir} is not a directory`);
    return 1;
  }
  const workflows = validateDirectory(dir);
  // An empty directory most likely means the workflows moved; passing would
  // silently stop checking them.
  if (workflows.length === 0) {
    console.error(`error: no workflow files (*.yml, *.yaml) in ${dir}`);
    return 1;
  }
  // The repository's own actions go with its own workflows.
  const results = [...workflows, ...(dir === DEFAULT_WORKFLOW_DIR ? validateActions() : [])];

  let failed = 0;
  for (const { file, errors } of results) {
    const relative = path.relative(process.cwd(), file);
    const name = relative === "" || relative.startsWith("..") ? file : relative;
    if (errors.length === 0) {
      console.log(`ok    ${name}`);
    } else {
      failed++;
      console.error(`FAIL  ${name}`);
      console.error(formatErrors(errors).join("\n"));
    }
  }
  if (failed > 0) {
    console.error(`${failed} of ${results.length} workflow file(s) failed validation`);
    return 1;
  }
  return 0;
}

if (require.main === module) {
  process.exit(main(process.argv.slice(2)));
}
