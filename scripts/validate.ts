/**
 * Independent validation: evaluates the program for a stack under the mock cloud, renders its AWS
 * resources as CloudFormation (one template per region, offline/cloudformation) and runs AWS's
 * linter, cfn-lint, on each template against its region, warnings and informational rules on.
 * A finding is fixed in the program or accepted in offline/cloudformation/allowlist.ts.
 *
 *   npm run validate -- --stack dev
 *   npm run validate -- --config examples/Pulumi.<name>.yaml
 *   npm run validate -- --program examples/standalone --stack dev
 *
 * Exit codes: 0 clean, 1 findings (or coverage under the floor), 2 config error, 3 program
 * failure, 4 cfn-lint missing.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { AllowEntry, allowEntryFor } from "../offline/cloudformation/allowlist";
import { coverageRatio } from "../offline/cloudformation/coverage";
import { Finding, LinterMissing, lintTemplate, linterPath } from "../offline/cloudformation/lint";
import { Rendering, render } from "../offline/cloudformation/renderer";
import { EXIT } from "../offline/exitCodes";
import type { RecordedResource } from "../offline/recorder";
import { StackFile, StackFileError, readStackFileChecked } from "../offline/stackFile";
import { ConfigError } from "../stacks/config/problems";
import { ROOT, STACK_USAGE, StackArgs, checkFlags, parseStackArgs, runFailure, tsStack } from "./stackArgs";

export const USAGE = `usage: npm run validate -- ${STACK_USAGE} [--help]`;
/** Each plan's aws:* resources the rendering must translate (issue 13). */
export const COVERAGE_FLOOR = 0.95;
export const INSTALL_HINT = "cfn-lint is not installed: pip install cfn-lint";

export interface ValidateOptions {
  log?: (line: string) => void;
  /** The cfn-lint command. */
  linter?: string;
  /** Where the templates go; .validate/<stack> by default (git-ignored). */
  outDir?: string;
  /** Evaluates the program; the mock-cloud run by default. */
  evaluate?: (stack: string, config: Record<string, string>) => Promise<{ resources: RecordedResource[]; error?: Error }>;
}

interface Classified {
  open: Finding[];
  allowed: Array<{ finding: Finding; entry: AllowEntry }>;
}

export function classify(findings: Finding[]): Classified {
  const out: Classified = { open: [], allowed: [] };
  for (const finding of findings) {
    const entry = allowEntryFor(finding);
    if (entry) out.allowed.push({ finding, entry });
    else out.open.push(finding);
  }
  return out;
}

const where = (f: Finding) => `${f.resourceType ?? "template"} ${f.logicalId ?? ""}${f.property ? `.${f.property}` : ""}`.trim();

/** The last line, exactly as CI and the README quote it. */
export function summaryLine(open: Finding[], allowed: number, rendering: Rendering): string {
  const count = (level: Finding["level"]) => open.filter((f) => f.level === level).length;
  const c = rendering.coverage;
  return `validate: ${count("Error")} errors, ${count("Warning")} warnings, ${count("Informational")} informational (${allowed} allowlisted); ${c.translated} of ${c.total} AWS resources translated`;
}

function report(rendering: Rendering, result: Classified, log: (line: string) => void): void {
  log(`\nFindings outside the allowlist: ${result.open.length}`);
  for (const f of result.open) log(`  ${f.rule} ${f.level.toLowerCase()} (${f.region}) ${where(f)}: ${f.message}`);
  const byEntry = new Map<AllowEntry, number>();
  for (const { entry } of result.allowed) byEntry.set(entry, (byEntry.get(entry) ?? 0) + 1);
  log(`Allowlisted (offline/cloudformation/allowlist.ts): ${result.allowed.length}`);
  for (const [e, n] of byEntry) log(`  ${e.rule} ${e.resourceType}${e.property ? `.${e.property}` : ""} x${n} [${e.kind}]: ${e.reason}`);
  const c = rendering.coverage;
  log(`\nCoverage: ${c.translated} of ${c.total} (${(coverageRatio(c) * 100).toFixed(1)}%); the floor is ${COVERAGE_FLOOR * 100}%.`);
  for (const l of c.untranslated) log(`  not translated: ${l.count} ${l.type}: ${l.reason}`);
  for (const l of c.excluded) log(`  not counted: ${l.count} ${l.type}: ${l.reason}`);
}

/** Writes one template per region and returns their paths. */
function writeTemplates(rendering: Rendering, dir: string): Record<string, string> {
  mkdirSync(dir, { recursive: true });
  return Object.fromEntries(Object.entries(rendering.templates).map(([region, template]) => {
    const path = join(dir, `${region}.json`);
    writeFileSync(path, `${JSON.stringify(template, null, 1)}\n`);
    return [region, path];
  }));
}

export async function validate(args: StackArgs, opts: ValidateOptions = {}): Promise<number> {
  const log = opts.log ?? console.log;
  const started = Date.now();
  const linter = linterPath(opts.linter);
  if (!linter) {
    log(INSTALL_HINT);
    return EXIT.missingCfnLint;
  }
  let file: StackFile;
  try {
    file = readStackFileChecked(args.configFile);
  } catch (e) {
    // A YAML error names file:line:column itself; a missing or unreadable file gets the path here.
    log(e instanceof StackFileError ? e.message : `Cannot read the stack file ${args.configFile}: ${(e as Error).message}`);
    return EXIT.config;
  }
  if (file.problems.length > 0) {
    log(`${args.configFile}: ${new ConfigError(file.problems).message}`);
    return EXIT.config;
  }
  const config = file.config;
  // Loaded here, not at the top: it loads the whole program, which the checks above do not need.
  const evaluate = opts.evaluate ?? (async () => (await import("../offline/runStack")).runTarget(args));
  const run = await evaluate(args.stack, config);
  if (run.error) {
    const failure = runFailure(run.error);
    log(failure.message);
    return failure.code;
  }
  const rendering = render(run.resources, args.stack, config["aws:region"]);
  const paths = writeTemplates(rendering, opts.outDir ?? join(ROOT, ".validate", args.stack));
  log(`Validate stack ${args.stack} from ${args.configFile} with ${linter}`);
  for (const [region, path] of Object.entries(paths)) log(`  ${relative(process.cwd(), path)}: ${Object.keys(rendering.templates[region].Resources).length} resources, linted for ${region}`);
  let findings: Finding[];
  try {
    findings = (await Promise.all(Object.entries(paths).map(([region, path]) => lintTemplate(path, region, rendering.templates[region], linter)))).flat();
  } catch (e) {
    log(e instanceof LinterMissing ? INSTALL_HINT : (e as Error).message);
    return e instanceof LinterMissing ? EXIT.missingCfnLint : EXIT.program;
  }
  const result = classify(findings);
  report(rendering, result, log);
  const lowCoverage = coverageRatio(rendering.coverage) < COVERAGE_FLOOR;
  if (lowCoverage) log(`Coverage is under the ${COVERAGE_FLOOR * 100}% floor: map the types listed above.`);
  log(`${Date.now() - started} ms.`);
  log(summaryLine(result.open, result.allowed.length, rendering));
  return result.open.length > 0 || lowCoverage ? EXIT.violation : EXIT.clean;
}

/** Exits once stdout has drained, so a pipe gets the last line. */
function exitAfterFlush(code: number): void {
  process.stdout.write("", () => process.exit(code));
}

/** The command line: --help, or a stack; an option validate does not have is a usage error. */
export function parseValidateArgs(argv: string[]): StackArgs {
  checkFlags(argv, { withValue: ["--stack", "--config", "--program"], switches: ["--help"] }, USAGE);
  return parseStackArgs(argv, USAGE);
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  let args: StackArgs | undefined;
  try {
    if (argv.includes("--help") || argv.includes("-h")) {
      console.log(`${USAGE}\n\nExit codes: 0 clean, 1 findings (or coverage under the floor), 2 a config error, 3 a program failure, 4 cfn-lint missing.`);
      exitAfterFlush(EXIT.clean);
    } else {
      args = parseValidateArgs(argv);
    }
  } catch (e) {
    console.error((e as Error).message);
    exitAfterFlush(EXIT.config);
  }
  if (args) {
    validate(args).then(exitAfterFlush, (e) => {
      console.error(e instanceof Error ? tsStack(e) : e);
      exitAfterFlush(EXIT.program);
    });
  }
}
