/**
 * The offline plan: evaluates one step of a stack's deployment under the mock cloud (the AWS step
 * by default; the Kubernetes step after an AWS step it reads), enforces the policy pack with that
 * stack's profile config, and prints the resource tree, every violation, the stack outputs and,
 * last, the deployment's monthly cost estimate.
 * Exit codes (offline/exitCodes.ts): 0 clean, 1 a mandatory violation, 2 a config error (the stack
 * file, its values, a component's arguments, the command line), 3 a program failure.
 *
 *   npm run plan -- --stack dev [--step aws|kubernetes] [--verbose] [--json plan.json] [--preview]
 *   npm run plan -- --config examples/Pulumi.<name>.yaml
 *   npm run plan -- --program examples/standalone --stack dev   (another program: its Pulumi.yaml and stack file)
 *   npm run plan -- --help
 */
import { writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { snapshot } from "../components/aws/facts";
import { readPlatformConfig } from "../stacks/config/load";
import { ConfigError, ConfigProblem } from "../stacks/config/problems";
import { PACK_ENFORCEMENT_LEVEL, policies } from "../policy-pack/policies";
import { EXIT } from "../offline/exitCodes";
import { readPackConfig, runPolicies } from "../offline/policyRunner";
import { policyProfile } from "../offline/program";
import { runTarget } from "../offline/runStack";
import { STEPS, Step, StepRun, runStep } from "../offline/steps";
import { StackFileError, readStackFileChecked } from "../offline/stackFile";
import { withStackKeys } from "../offline/stackKeys";
import { withEstimate } from "../offline/cost/budgetConfig";
import { renderCost } from "../offline/cost/render";
import { estimateStack } from "../offline/cost/stackCost";
import { renderCounts, renderOutputs, renderTree, renderViolations, toPlanJson } from "./planReport";
import { ROOT, STACK_USAGE, StackArgs, UsageError, checkFlags, flagValue, parseStackArgs, runFailure } from "./stackArgs";

export interface PlanArgs extends StackArgs {
  json?: string;
  verbose: boolean;
  /** Evaluate as `pulumi preview` of a new stack: ids and computed outputs unknown. */
  preview: boolean;
  /** Which step of the deployment: the AWS step, or the Kubernetes step after it. */
  step: Step;
}

export const PLAN_USAGE = `usage: npm run plan -- ${STACK_USAGE} [--step aws|kubernetes] [--json <file>] [--verbose] [--preview] [--help]`;

export function helpText(): string {
  const s = snapshot().source;
  return [
    PLAN_USAGE,
    "",
    "Evaluates one step of a stack's deployment under an in-process mock cloud (no AWS account, no",
    "Pulumi CLI), runs the policy pack with policy-pack/config/<profile>.json, and prints the resource",
    "tree, the counts by type, the policy violations, the stack outputs and the monthly cost estimate.",
    "",
    "  --stack <name>     read Pulumi.<name>.yaml at the repository root",
    "  --config <file>    read this stack file; the stack is named after it (Pulumi.<stack>.yaml)",
    "  --program <dir>    plan another program (its Pulumi.yaml) with its Pulumi.<stack>.yaml; the pack config",
    "                     is its platform:profile's, else prod's",
    "  --step <step>      aws (the default) or kubernetes: the second step, after the AWS step it reads",
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

export function parsePlanArgs(argv: string[]): PlanArgs {
  checkFlags(argv, { withValue: ["--stack", "--config", "--program", "--step", "--json"], switches: ["--verbose", "--preview", "--help"] }, PLAN_USAGE);
  const target = parseStackArgs(argv, PLAN_USAGE);
  const step = flagValue(argv, "--step") ?? "aws";
  if (!(STEPS as readonly string[]).includes(step)) throw new UsageError(`--step: got "${step}"; allowed: ${STEPS.join(", ")}\n${PLAN_USAGE}`);
  // Another program is one Pulumi project: the two steps are the platform program's.
  if (target.program && step !== "aws") throw new UsageError(`--step ${step}: only the platform program deploys in two steps; --program runs ${target.program.dir} as it is\n${PLAN_USAGE}`);
  return { ...target, json: flagValue(argv, "--json"), verbose: argv.includes("--verbose"), preview: argv.includes("--preview"), step: step as Step };
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

/** The run the plan reports, and what its estimate prices: a step of the platform program, or another program. */
async function evaluate(args: PlanArgs, config: Record<string, string>): Promise<StepRun> {
  if (args.program) {
    const run = await runTarget(args, { preview: args.preview });
    return { run, costed: run.resources };
  }
  return runStep(args.step, { stack: args.stack, config, preview: args.preview });
}

export async function plan(args: PlanArgs, log: (line: string) => void = console.log): Promise<number> {
  const started = Date.now();
  let file: ReturnType<typeof readStackFileChecked>;
  try {
    file = readStackFileChecked(args.configFile);
  } catch (e) {
    // A YAML error names file:line:column itself; a missing or unreadable file gets the path here.
    log(e instanceof StackFileError ? e.message : `Cannot read the stack file ${args.configFile}: ${(e as Error).message}`);
    return EXIT.config;
  }
  // Another program (--program) reads its own config: only the platform's is checked here.
  const problems = args.program ? file.problems : configProblems(file, args.stack);
  if (problems.length > 0) {
    log(`${relative(process.cwd(), args.configFile) || args.configFile}: ${new ConfigError(problems).message}`);
    return EXIT.config;
  }
  const { run, costed } = await evaluate(args, file.config);
  const config = run.config;
  if (run.error) {
    const failure = runFailure(run.error, args.configFile);
    log(failure.message);
    return failure.code;
  }
  const profile = policyProfile(config);
  const cost = estimateStack(costed, config, args.stack);
  const packConfig = withEstimate(readPackConfig(packConfigPath(profile)), cost);
  const found = await runPolicies(policies, run.resources, packConfig, { packEnforcementLevel: PACK_ENFORCEMENT_LEVEL });
  // Stack keys name the platform's config; another program's violations name its resources only.
  const violations = args.program ? found : withStackKeys(found, run.resources, readPlatformConfig(config, args.stack), policies, packConfig);
  const what = args.program ? `program ${relative(ROOT, args.program.dir)}, policy profile ${profile}` : `profile ${profile}`;
  const step = args.program ? "" : `, ${args.step === "aws" ? "AWS" : "Kubernetes"} step`;
  log(`Offline ${args.preview ? "preview" : "plan"} for stack ${args.stack}${step} (${what}, region ${config["aws:region"]}) from ${args.configFile}`);
  log(`${run.resources.length} resources; policy config policy-pack/config/${profile}.json; ${Date.now() - started} ms.\n`);
  renderTree(run.resources).forEach((l) => log(l));
  log("\nResources by type:");
  renderCounts(run.resources).forEach((l) => log(l));
  log("");
  const remediation = (name: string) => policies.find((p) => p.name === name)?.remediationSteps;
  renderViolations(violations, args.verbose, remediation).forEach((l) => log(l));
  renderOutputs(run.outputs, { stack: args.stack, step: args.step }).forEach((l) => log(l));
  log("");
  if (args.step === "kubernetes") log("The deployment's cost (both steps): the AWS step's resources; this step's objects live inside the cluster and are billed through its nodes.");
  renderCost(cost).forEach((l) => log(l));
  if (args.json) {
    writeFileSync(args.json, JSON.stringify(toPlanJson(args.stack, run.resources, run.outputs, violations, cost), null, 2));
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
    const failure = runFailure(e, configFile);
    console.error(failure.message);
    return failure.code;
  }
}

if (require.main === module) {
  // A component may throw from a callback the program does not await: it still ends the plan with its code.
  const fail = (e: unknown) => {
    const failure = runFailure(e);
    console.error(failure.message);
    exitAfterFlush(failure.code);
  };
  process.on("unhandledRejection", fail);
  process.on("uncaughtException", fail);
  main(process.argv.slice(2)).then(exitAfterFlush, fail);
}
