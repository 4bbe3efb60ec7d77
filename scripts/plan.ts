/**
 * The offline plan: evaluates the real program for a stack under the mock cloud, enforces the
 * policy pack with that stack's profile config, and prints the resource tree and every violation.
 * Exit codes (offline/exitCodes.ts): 0 clean, 1 a mandatory violation, 2 a config error (the stack
 * file, its values, a component's arguments, the command line), 3 a program failure.
 *
 *   npm run plan -- --stack dev [--verbose] [--json plan.json] [--preview]
 *   npm run plan -- --config examples/Pulumi.<name>.yaml
 *   npm run plan -- --help
 */
import { writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { snapshot } from "../components/aws/facts";
import { ComponentArgsError } from "../components/errors";
import { readPlatformConfig } from "../stacks/config/load";
import { ConfigError, ConfigProblem } from "../stacks/config/problems";
import { policies } from "../policy-pack/policies";
import { EXIT } from "../offline/exitCodes";
import { readPackConfig, runPolicies } from "../offline/policyRunner";
import { runStack } from "../offline/runStack";
import { StackFileError, readStackFileChecked, stackNameOf } from "../offline/stackFile";
import { withStackKeys } from "../offline/stackKeys";
import { renderCounts, renderTree, renderViolations, toPlanJson } from "./planReport";

const ROOT = resolve(__dirname, "..");

export interface PlanArgs {
  stack: string;
  configFile: string;
  json?: string;
  verbose: boolean;
  /** Evaluate as `pulumi preview` of a new stack: ids and computed outputs unknown. */
  preview: boolean;
}

/** A mistake on the command line: reported with the usage, exit 2. */
export class UsageError extends Error {}

const USAGE = "usage: npm run plan -- --stack <name> | --config <Pulumi.<name>.yaml> [--json <file>] [--verbose] [--preview] [--help]";

export function helpText(): string {
  const s = snapshot().source;
  return [
    USAGE,
    "",
    "Evaluates the platform program for a stack under an in-process mock cloud (no AWS account, no",
    "Pulumi CLI), runs the policy pack with policy-pack/config/<profile>.json, and prints the resource",
    "tree, the counts by type and the policy violations.",
    "",
    "  --stack <name>     read Pulumi.<name>.yaml at the repository root",
    "  --config <file>    read this stack file; the stack is named after it (Pulumi.<stack>.yaml)",
    "  --json <file>      also write resources, outputs and violations as JSON (README.md: The offline plan)",
    "  --verbose          list each resource behind a violation, and advisories in full",
    "  --preview          evaluate as `pulumi preview` of a new stack: ids and computed outputs unknown",
    "  --help             this text",
    "",
    "Exit codes: 0 clean, 1 a mandatory policy violation, 2 a config error (stack file, values,",
    "component arguments, command line), 3 a program failure (a bug: reported with its stack trace).",
    "",
    `AWS value lists (regions, AZs, instance types, versions): ${s.tool} ${s.version} data, snapshot of ${s.generated}`,
    "(components/aws/snapshot.json; refresh with npm run aws:snapshot).",
  ].join("\n");
}

const FLAGS_WITH_VALUES = ["--stack", "--config", "--json"];
const FLAGS = [...FLAGS_WITH_VALUES, "--verbose", "--preview", "--help"];

export function parsePlanArgs(argv: string[]): PlanArgs {
  const unknown = argv.filter((a, i) => a.startsWith("-") && !FLAGS.includes(a) && !FLAGS_WITH_VALUES.includes(argv[i - 1]));
  if (unknown.length > 0) throw new UsageError(`unknown option ${unknown.join(", ")}\n${USAGE}`);
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    if (i < 0) return undefined;
    const v = argv[i + 1];
    if (v === undefined || v.startsWith("--")) throw new UsageError(`${flag} needs a value\n${USAGE}`);
    return v;
  };
  const config = value("--config");
  const stack = value("--stack") ?? (config ? stackNameOf(config) : undefined);
  if (!stack) throw new UsageError(USAGE);
  return { stack, configFile: config ? resolve(config) : join(ROOT, `Pulumi.${stack}.yaml`), json: value("--json"), verbose: argv.includes("--verbose"), preview: argv.includes("--preview") };
}

export function packConfigPath(profile: string): string {
  return join(ROOT, "policy-pack", "config", `${profile}.json`);
}

/** The stack file's problems and the config's, together, so a user fixes the file in one pass. */
function configProblems(file: { config: Record<string, string>; problems: ConfigProblem[] }, stack: string): ConfigProblem[] {
  try {
    readPlatformConfig(file.config, stack);
    return file.problems;
  } catch (e) {
    if (e instanceof ConfigError) return [...file.problems, ...e.problems];
    throw e;
  }
}

/**
 * Errors in the user's input (the stack file, config values, a component's arguments): a message,
 * never a stack trace. Anything else is the program's failure.
 */
export function isUserInputError(e: unknown): e is Error {
  return e instanceof ConfigError || e instanceof ComponentArgsError || e instanceof StackFileError || e instanceof UsageError;
}

/** The message for an error, and the exit code it means. */
export function describeFailure(e: unknown, configFile?: string): { code: number; text: string } {
  if (e instanceof ComponentArgsError) return { code: EXIT.config, text: `Invalid arguments for a component${configFile ? ` (from ${configFile})` : ""}:\n  ${e.message}` };
  if (isUserInputError(e)) return { code: EXIT.config, text: e.message };
  const err = e instanceof Error ? e : new Error(String(e));
  return { code: EXIT.program, text: `The program failed (a bug, not your stack file): ${err.stack ?? err.message}` };
}

export async function plan(args: PlanArgs, log: (line: string) => void = console.log): Promise<number> {
  const started = Date.now();
  let file: ReturnType<typeof readStackFileChecked>;
  try {
    file = readStackFileChecked(args.configFile);
  } catch (e) {
    if (!(e instanceof StackFileError)) throw e;
    log(e.message);
    return EXIT.config;
  }
  const problems = configProblems(file, args.stack);
  if (problems.length > 0) {
    log(`${relative(process.cwd(), args.configFile) || args.configFile}: ${new ConfigError(problems).message}`);
    return EXIT.config;
  }
  const config = file.config;
  const run = await runStack({ stack: args.stack, config, preview: args.preview });
  if (run.error) {
    const failure = describeFailure(run.error, args.configFile);
    log(failure.text);
    return failure.code;
  }
  const profile = config["platform:profile"];
  const packConfig = readPackConfig(packConfigPath(profile));
  const found = await runPolicies(policies, run.resources, packConfig);
  const violations = withStackKeys(found, run.resources, readPlatformConfig(config, args.stack), policies, packConfig);
  log(`Offline ${args.preview ? "preview" : "plan"} for stack ${args.stack} (profile ${profile}, region ${config["aws:region"]}) from ${args.configFile}`);
  log(`${run.resources.length} resources; policy config policy-pack/config/${profile}.json; ${Date.now() - started} ms.\n`);
  renderTree(run.resources).forEach((l) => log(l));
  log("\nResources by type:");
  renderCounts(run.resources).forEach((l) => log(l));
  log("");
  const remediation = (name: string) => policies.find((p) => p.name === name)?.remediationSteps;
  renderViolations(violations, args.verbose, remediation).forEach((l) => log(l));
  if (args.json) {
    writeFileSync(args.json, JSON.stringify(toPlanJson(args.stack, run.resources, run.outputs, violations), null, 2));
    log(`\nWrote ${args.json}`);
  }
  return violations.some((v) => v.level === "mandatory") ? EXIT.violation : EXIT.clean;
}

/**
 * Exits once stdout has drained: on a pipe (CI, `| tee`) writes are asynchronous, and an immediate
 * process.exit drops the end of the plan, violations included.
 */
function exitAfterFlush(code: number): void {
  process.stdout.write("", () => process.exit(code));
}

/** The command: parse, plan, map every outcome (a rejection a component left behind included) to an exit code. */
export async function main(argv: string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(helpText());
    return EXIT.clean;
  }
  let configFile: string | undefined;
  try {
    const args = parsePlanArgs(argv);
    configFile = args.configFile;
    return await plan(args);
  } catch (e) {
    const failure = describeFailure(e, configFile);
    console.error(failure.text);
    return failure.code;
  }
}

if (require.main === module) {
  // A component may throw from a callback the program does not await: it still ends the plan with its code.
  const fail = (e: unknown) => {
    const failure = describeFailure(e);
    console.error(failure.text);
    exitAfterFlush(failure.code);
  };
  process.on("unhandledRejection", fail);
  process.on("uncaughtException", fail);
  main(process.argv.slice(2)).then(exitAfterFlush, fail);
}
