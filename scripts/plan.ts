/**
 * The offline plan: evaluates one step of a stack's deployment under the mock cloud (the AWS step
 * by default; the Kubernetes step after an AWS step it reads), enforces the policy pack with that
 * stack's profile config, and prints the resource tree, every violation, the stack outputs and,
 * last, the deployment's monthly cost estimate.
 * Exits 1 on a mandatory violation, 2 on a config error.
 *
 *   npm run plan -- --stack dev [--step aws|kubernetes] [--verbose] [--json plan.json] [--preview]
 *   npm run plan -- --config examples/Pulumi.<name>.yaml
 *   npm run plan -- --program examples/standalone --stack dev   (another program: its Pulumi.yaml and stack file)
 */
import { writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { ConfigError } from "../stacks/config/problems";
import { PACK_ENFORCEMENT_LEVEL, policies } from "../policy-pack/policies";
import { readPackConfig, runPolicies } from "../offline/policyRunner";
import { policyProfile } from "../offline/program";
import { runTarget } from "../offline/runStack";
import { STEPS, Step, StepRun, runStep } from "../offline/steps";
import { readStackFile } from "../offline/stackFile";
import { withEstimate } from "../offline/cost/budgetConfig";
import { renderCost } from "../offline/cost/render";
import { estimateStack } from "../offline/cost/stackCost";
import { renderCounts, renderOutputs, renderTree, renderViolations, toPlanJson } from "./planReport";
import { ROOT, STACK_USAGE, StackArgs, flagValue, parseStackArgs, tsStack } from "./stackArgs";

export interface PlanArgs extends StackArgs {
  json?: string;
  verbose: boolean;
  /** Evaluate as `pulumi preview` of a new stack: ids and computed outputs unknown. */
  preview: boolean;
  /** Which step of the deployment: the AWS step, or the Kubernetes step after it. */
  step: Step;
}

export const PLAN_USAGE = `usage: npm run plan -- ${STACK_USAGE} [--step aws|kubernetes] [--json <file>] [--verbose] [--preview]`;

export function parsePlanArgs(argv: string[]): PlanArgs {
  const target = parseStackArgs(argv, PLAN_USAGE);
  const step = flagValue(argv, "--step") ?? "aws";
  if (!(STEPS as readonly string[]).includes(step)) throw new Error(`--step: got "${step}"; allowed: ${STEPS.join(", ")}\n${PLAN_USAGE}`);
  // Another program is one Pulumi project: the two steps are the platform program's.
  if (target.program && step !== "aws") throw new Error(`--step ${step}: only the platform program deploys in two steps; --program runs ${target.program.dir} as it is\n${PLAN_USAGE}`);
  return { ...target, json: flagValue(argv, "--json"), verbose: argv.includes("--verbose"), preview: argv.includes("--preview"), step: step as Step };
}

export function packConfigPath(profile: string): string {
  return join(ROOT, "policy-pack", "config", `${profile}.json`);
}

/** The run the plan reports, and what its estimate prices: a step of the platform program, or another program. */
async function evaluate(args: PlanArgs): Promise<StepRun> {
  if (args.program) {
    const run = await runTarget(args, { preview: args.preview });
    return { run, costed: run.resources };
  }
  return runStep(args.step, { stack: args.stack, config: readStackFile(args.configFile), preview: args.preview });
}

export async function plan(args: PlanArgs, log: (line: string) => void = console.log): Promise<number> {
  const started = Date.now();
  const { run, costed } = await evaluate(args);
  const config = run.config;
  if (run.error) {
    log(run.error instanceof ConfigError ? run.error.message : `The program failed: ${tsStack(run.error)}`);
    return 2;
  }
  const profile = policyProfile(config);
  const cost = estimateStack(costed, config, args.stack);
  const violations = await runPolicies(policies, run.resources, withEstimate(readPackConfig(packConfigPath(profile)), cost), { packEnforcementLevel: PACK_ENFORCEMENT_LEVEL });
  const what = args.program ? `program ${relative(ROOT, args.program.dir)}, policy profile ${profile}` : `profile ${profile}`;
  const step = args.program ? "" : `, ${args.step === "aws" ? "AWS" : "Kubernetes"} step`;
  log(`Offline ${args.preview ? "preview" : "plan"} for stack ${args.stack}${step} (${what}, region ${config["aws:region"]}) from ${args.configFile}`);
  log(`${run.resources.length} resources; policy config policy-pack/config/${profile}.json; ${Date.now() - started} ms.\n`);
  renderTree(run.resources).forEach((l) => log(l));
  log("\nResources by type:");
  renderCounts(run.resources).forEach((l) => log(l));
  log("");
  renderViolations(violations, args.verbose).forEach((l) => log(l));
  renderOutputs(run.outputs, { stack: args.stack, step: args.step }).forEach((l) => log(l));
  log("");
  if (args.step === "kubernetes") log("The deployment's cost (both steps): the AWS step's resources; this step's objects live inside the cluster and are billed through its nodes.");
  renderCost(cost).forEach((l) => log(l));
  if (args.json) {
    writeFileSync(args.json, JSON.stringify(toPlanJson(args.stack, run.resources, run.outputs, violations, cost), null, 2));
    log(`\nWrote ${args.json}`);
  }
  return violations.some((v) => v.level === "mandatory") ? 1 : 0;
}

/**
 * Exits once stdout has drained: on a pipe (CI, `| tee`) writes are asynchronous, and an immediate
 * process.exit drops the end of the plan, violations included.
 */
function exitAfterFlush(code: number): void {
  process.stdout.write("", () => process.exit(code));
}

if (require.main === module) {
  // A bad command line ends like a config error: its message (the usage line), exit 2, no stack trace.
  Promise.resolve().then(() => plan(parsePlanArgs(process.argv.slice(2)))).then(
    (code) => exitAfterFlush(code),
    (e) => {
      console.error(e instanceof Error ? e.message : e);
      exitAfterFlush(2);
    },
  );
}
