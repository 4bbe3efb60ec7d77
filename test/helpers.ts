/**
 * Shared helpers for specs that run the whole program: plan a stack file (or an inline config)
 * once per process, then query the recorded resources. A plan is the whole deployment: the AWS
 * step, then (for an EKS stack) the Kubernetes step reading its outputs, each checked by the pack
 * as its own stack; `steps` keeps them apart.
 */
import { join, resolve } from "node:path";
import { PACK_ENFORCEMENT_LEVEL, policies } from "../policy-pack/policies";
import { Violation, readPackConfig, runPolicies } from "../offline/policyRunner";
import type { RecordedResource } from "../offline/recorder";
import { StackRun, runTarget } from "../offline/runStack";
import { runDeployment } from "../offline/steps";
import { readStackFile } from "../offline/stackFile";
import { policyProfile, programStackFile, readProgram } from "../offline/program";

export const ROOT = resolve(__dirname, "..");

/** One run checked by the pack: a step, a component on its own, or another program. */
export interface Planned extends StackRun {
  violations: Violation[];
}

/** Both steps together: resources and violations of both; outputs of the AWS step; the first error. */
export interface PlannedDeployment extends Planned {
  steps: { aws: Planned; kubernetes?: Planned };
}

const cache = new Map<string, Promise<PlannedDeployment>>();

/** Runs both steps and the policy pack with the stack's profile config on each. */
export async function planConfig(stack: string, config: Record<string, string>): Promise<PlannedDeployment> {
  const d = await runDeployment({ stack, config });
  const pack = readPackConfig(join(ROOT, "policy-pack", "config", `${config["platform:profile"]}.json`));
  const checked = async (run: StackRun): Promise<Planned> => ({ ...run, violations: run.error ? [] : await runPolicies(policies, run.resources, pack, { packEnforcementLevel: PACK_ENFORCEMENT_LEVEL }) });
  const aws = await checked(d.aws);
  if (!d.kubernetes) return { ...aws, steps: { aws } };
  const kubernetes = await checked(d.kubernetes);
  return {
    ...aws,
    error: aws.error ?? kubernetes.error,
    resources: [...aws.resources, ...kubernetes.resources],
    violations: [...aws.violations, ...kubernetes.violations],
    steps: { aws, kubernetes },
  };
}

/** Plans a stack file (relative to the repo root); cached, since every spec reads the same runs. */
export function planStackFile(file: string, stack = file.replace(/^.*Pulumi\./, "").replace(/\.ya?ml$/, "")): Promise<PlannedDeployment> {
  const key = `${file}#${stack}`;
  if (!cache.has(key)) cache.set(key, planConfig(stack, readStackFile(join(ROOT, file))));
  return cache.get(key)!;
}

/** Plans another Pulumi program (a directory with its Pulumi.yaml) with its stack file, as `npm run plan -- --program` does. */
export async function planProgram(dir: string, stack: string): Promise<Planned> {
  const program = readProgram(join(ROOT, dir));
  const run = await runTarget({ stack, configFile: programStackFile(program, stack), program });
  if (run.error) return { ...run, violations: [] };
  const pack = readPackConfig(join(ROOT, "policy-pack", "config", `${policyProfile(run.config)}.json`));
  return { ...run, violations: await runPolicies(policies, run.resources, pack) };
}

export const ofType = (run: StackRun, type: string): RecordedResource[] => run.resources.filter((r) => r.type === type);

export function one(run: StackRun, type: string, name?: string): RecordedResource {
  const found = ofType(run, type).filter((r) => name === undefined || r.name === name);
  if (found.length !== 1) throw new Error(`expected one ${type}${name ? ` named ${name}` : ""}, found ${found.length}`);
  return found[0];
}

export const byUrn = (run: StackRun, urn: string | undefined) => run.resources.find((r) => r.urn === urn);

export const mandatory = (p: Planned) => p.violations.filter((v) => v.level === "mandatory");
