/**
 * The offline plan: evaluates the real program for a stack under the mock cloud, enforces the
 * policy pack with that stack's profile config, and prints the resource tree and every violation.
 * Exits 1 on a mandatory violation, 2 on a config error.
 *
 *   npm run plan -- --stack dev [--verbose] [--json plan.json] [--preview]
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
import { withEstimate } from "../offline/cost/budgetConfig";
import { renderCost } from "../offline/cost/render";
import { estimateStack } from "../offline/cost/stackCost";
import { renderCounts, renderTree, renderViolations, toPlanJson } from "./planReport";
import { ROOT, STACK_USAGE, StackArgs, flagValue, parseStackArgs } from "./stackArgs";

export interface PlanArgs extends StackArgs {
  json?: string;
  verbose: boolean;
  /** Evaluate as `pulumi preview` of a new stack: ids and computed outputs unknown. */
  preview: boolean;
}

export function parsePlanArgs(argv: string[]): PlanArgs {
  const target = parseStackArgs(argv, `usage: npm run plan -- ${STACK_USAGE} [--json <file>] [--verbose] [--preview]`);
  return { ...target, json: flagValue(argv, "--json"), verbose: argv.includes("--verbose"), preview: argv.includes("--preview") };
}

export function packConfigPath(profile: string): string {
  return join(ROOT, "policy-pack", "config", `${profile}.json`);
}

export async function plan(args: PlanArgs, log: (line: string) => void = console.log): Promise<number> {
  const started = Date.now();
  const run = await runTarget(args, { preview: args.preview });
  const config = run.config;
  if (run.error) {
    log(run.error instanceof ConfigError ? run.error.message : `The program failed: ${run.error.stack ?? run.error.message}`);
    return 2;
  }
  const profile = policyProfile(config);
  const cost = estimateStack(run.resources, config, args.stack);
  const violations = await runPolicies(policies, run.resources, withEstimate(readPackConfig(packConfigPath(profile)), cost), { packEnforcementLevel: PACK_ENFORCEMENT_LEVEL });
  const what = args.program ? `program ${relative(ROOT, args.program.dir)}, policy profile ${profile}` : `profile ${profile}`;
  log(`Offline ${args.preview ? "preview" : "plan"} for stack ${args.stack} (${what}, region ${config["aws:region"]}) from ${args.configFile}`);
  log(`${run.resources.length} resources; policy config policy-pack/config/${profile}.json; ${Date.now() - started} ms.\n`);
  renderTree(run.resources).forEach((l) => log(l));
  log("\nResources by type:");
  renderCounts(run.resources).forEach((l) => log(l));
  log("");
  renderViolations(violations, args.verbose).forEach((l) => log(l));
  log("");
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
  plan(parsePlanArgs(process.argv.slice(2))).then(
    (code) => exitAfterFlush(code),
    (e) => {
      console.error(e instanceof Error ? e.message : e);
      exitAfterFlush(2);
    },
  );
}
