// Schema-checks every GitHub Actions workflow before it reaches GitHub, where
// a malformed workflow only shows up as a failed run after merge.
//
// Uses the JS API of @action-validator/core (the same WASM build that the
// @action-validator/cli bin wraps), so no native binary is downloaded and all
// files are checked in one process.
import * as fs from "node:fs";
import * as path from "node:path";
import { validateWorkflow, type ValidationError } from "@action-validator/core";

export const DEFAULT_WORKFLOW_DIR = path.resolve(__dirname, "..", ".github", "workflows");

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

export function validateFile(file: string): FileResult {
  return { file, errors: validateWorkflow(fs.readFileSync(file, "utf8")).errors };
}

export function validateDirectory(dir: string): FileResult[] {
  return workflowFiles(dir).map(validateFile);
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
  const results = validateDirectory(dir);
  // An empty directory most likely means the workflows moved; passing would
  // silently stop checking them.
  if (results.length === 0) {
    console.error(`error: no workflow files (*.yml, *.yaml) in ${dir}`);
    return 1;
  }

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
