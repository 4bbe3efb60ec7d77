// Behind `npm run destroy`: tears a stack down in the order that works.
//
//   npm run destroy -- --stack <name> [--step aws|kubernetes] [--config-file <path>] [--confirm <name> --confirm <name>]
//
// 1. Reads both steps' state and prints what the teardown deletes for good and what it leaves
//    behind (final snapshots, retained backups, KMS keys pending deletion, secrets in recovery).
// 2. For a stack whose profile (from the stack file, never the name) is prod or staging, goes on
//    only when the stack name is given twice: --confirm twice, or typed twice at a prompt.
// 3. Destroys the Kubernetes step (from a network that reaches the API: the runner), then turns off
//    deletion protection, unprotects, empties the buckets, image repositories and backup vaults AWS
//    will not delete while they hold data, and destroys the AWS step; once more if a bucket filled
//    up again meanwhile (log delivery).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as readline from "node:readline/promises";
import { parse } from "yaml";
import {
  Profile, STEPS, Step, UsageError, WrapperError, checkStackName, cliMissingMessage, configFileArgs, cwdArgs, findExecutable, isStep, resolveStackFile,
  runCaptured, runLogged,
} from "./pulumi";
import { StackExport, Store, TeardownPlan, renderPlan, stateResources, teardownPlan } from "./teardown";

export const DESTROY_USAGE = "usage: npm run destroy -- --stack <name> [--step aws|kubernetes] [--config-file <path>] [--confirm <name> --confirm <name>]";

/** Profiles whose stacks hold data worth a second thought: their teardown wants the name twice. */
export const GUARDED_PROFILES: readonly Profile[] = ["staging", "prod"];

export interface DestroyArgs {
  stack: string;
  /** Only one step; by default the Kubernetes step, then the AWS step. */
  step?: Step;
  configFile?: string;
  confirmations: string[];
}

export function parseDestroyArgs(argv: readonly string[]): DestroyArgs {
  let stack: string | undefined;
  let step: Step | undefined;
  let configFile: string | undefined;
  const confirmations: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].startsWith("--") && argv[i].includes("=") ? [argv[i].slice(0, argv[i].indexOf("=")), argv[i].slice(argv[i].indexOf("=") + 1)] : [argv[i], undefined];
    const next = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === "" || (inline === undefined && v.startsWith("-"))) throw new UsageError(`${name} needs a value`);
      return v;
    };
    if (name === "--stack" || name === "-s") {
      if (stack !== undefined) throw new UsageError("--stack given more than once");
      stack = checkStackName(next());
    } else if (name === "--step") {
      const v = next();
      if (!isStep(v)) throw new UsageError(`unknown step "${v}"; expected one of ${STEPS.join(", ")}`);
      step = v;
    } else if (name === "--config-file") {
      configFile = next();
    } else if (name === "--confirm") {
      confirmations.push(next());
    } else {
      throw new UsageError(`unknown option "${argv[i]}"`);
    }
  }
  if (stack === undefined) throw new UsageError("--stack <name> is required");
  return { stack, ...(step ? { step } : {}), ...(configFile ? { configFile } : {}), confirmations };
}

/** What a guarded stack's teardown needs: the stack name, exactly, twice. */
export function confirmed(stack: string, answers: readonly string[]): boolean {
  return answers.length === 2 && answers.every((a) => a.trim() === stack);
}

export interface Io {
  log: (line: string) => void;
  /** Whether stdin is a terminal a person can answer at. */
  interactive: boolean;
  prompt: (question: string) => Promise<string>;
}

const terminal = (): Io => ({
  log: (l) => console.error(l),
  interactive: process.stdin.isTTY === true,
  prompt: async (q) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
    try {
      return await rl.question(q);
    } finally {
      rl.close();
    }
  },
});

/** Seconds between polls of a backup vault emptying (deletion is asynchronous). */
const pollSeconds = (env: NodeJS.ProcessEnv) => Number(env.PLATFORM_DESTROY_POLL_SECONDS ?? 10);
const sleep = (s: number) => new Promise((r) => setTimeout(r, s * 1000));

class Tools {
  private readonly tmp = fs.mkdtempSync(path.join(os.tmpdir(), "platform-destroy-"));
  constructor(readonly pulumi: string, readonly awsCli: string, readonly env: NodeJS.ProcessEnv, readonly args: DestroyArgs) {}

  /** Where the step's project is and which stack; only operations that run providers (destroy) read the stack file. */
  stepArgs(step: Step, withConfig = false): string[] {
    return [...cwdArgs(step), "--stack", this.args.stack, ...(withConfig ? configFileArgs({ ...this.args, step }) : [])];
  }

  async pulumiJson(step: Step, ...command: string[]): Promise<any> {
    const r = await runCaptured(this.pulumi, ["pulumi", ...command, ...this.stepArgs(step)], this.env);
    if (r.code !== 0) throw new WrapperError(`pulumi ${command.join(" ")} (${step} step) failed: ${r.stderr.trim().split("\n").pop()}`);
    return JSON.parse(r.stdout || "null");
  }

  /** The step's stack exists in the backend (the Kubernetes step's is only created with a first run). */
  async exists(step: Step): Promise<boolean> {
    const r = await runCaptured(this.pulumi, ["pulumi", "stack", "ls", "--json", ...cwdArgs(step)], this.env);
    if (r.code !== 0) throw new WrapperError(`pulumi stack ls (${step} step) failed: ${r.stderr.trim().split("\n").pop()}`);
    const short = this.args.stack.split("/").pop();
    return (JSON.parse(r.stdout || "[]") as Array<{ name: string }>).some((s) => s.name === this.args.stack || s.name.split("/").pop() === short);
  }

  pulumiRun(step: Step, ...command: string[]): Promise<number> {
    const withConfig = command[0] === "destroy";
    return runLogged(this.pulumi, ["pulumi", ...command, ...this.stepArgs(step, withConfig)], this.env, () => cliMissingMessage(this.args.stack, this.args.configFile, step));
  }

  async aws(...command: string[]): Promise<any> {
    const r = await runCaptured(this.awsCli, ["aws", ...command, "--output", "json"], this.env);
    if (r.code !== 0) throw new WrapperError(`aws ${command.slice(0, 2).join(" ")} failed: ${r.stderr.trim().split("\n").pop()}`);
    return r.stdout.trim() === "" ? {} : JSON.parse(r.stdout);
  }

  /** A JSON argument as file://, since a page of 1000 keys may pass the length of one command-line argument. */
  file(name: string, data: unknown): string {
    const f = path.join(this.tmp, name);
    fs.writeFileSync(f, JSON.stringify(data));
    return `file://${f}`;
  }
}

/** Every object version and delete marker, page by page, until the bucket is empty. */
async function emptyBucket(t: Tools, b: Store, log: (l: string) => void): Promise<void> {
  for (let page = 0; ; page++) {
    const listed = await t.aws("s3api", "list-object-versions", "--bucket", b.name, "--region", b.region, "--max-items", "1000");
    const objects = [...(listed.Versions ?? []), ...(listed.DeleteMarkers ?? [])].map((o: { Key: string; VersionId: string }) => ({ Key: o.Key, VersionId: o.VersionId }));
    if (objects.length === 0) return;
    log(`  emptying s3://${b.name}: ${objects.length} object versions and delete markers (page ${page + 1})`);
    const result = await t.aws("s3api", "delete-objects", "--bucket", b.name, "--region", b.region, "--delete", t.file(`${b.name}-${page}.json`, { Objects: objects, Quiet: true }));
    if ((result.Errors ?? []).length > 0) throw new WrapperError(`s3://${b.name}: ${result.Errors.length} objects could not be deleted (${result.Errors[0].Code}: ${result.Errors[0].Message})`);
  }
}

async function emptyRepository(t: Tools, r: Store, log: (l: string) => void): Promise<void> {
  const ids = ((await t.aws("ecr", "list-images", "--repository-name", r.name, "--region", r.region)).imageIds ?? []) as unknown[];
  for (let i = 0; i < ids.length; i += 100) {
    log(`  deleting ${Math.min(100, ids.length - i)} images from ECR ${r.name}`);
    await t.aws("ecr", "batch-delete-image", "--repository-name", r.name, "--region", r.region, "--image-ids", t.file(`${r.name.replace(/\//g, "_")}-${i}.json`, ids.slice(i, i + 100)));
  }
}

async function emptyVault(t: Tools, v: Store, log: (l: string) => void): Promise<void> {
  for (let round = 0; round < 60; round++) {
    const points = ((await t.aws("backup", "list-recovery-points-by-backup-vault", "--backup-vault-name", v.name, "--region", v.region)).RecoveryPoints ?? []) as Array<{ RecoveryPointArn: string; Status?: string }>;
    if (points.length === 0) return;
    const live = points.filter((p) => p.Status !== "DELETING");
    if (live.length > 0) log(`  deleting ${live.length} recovery points from backup vault ${v.name}`);
    for (const p of live) await t.aws("backup", "delete-recovery-point", "--backup-vault-name", v.name, "--recovery-point-arn", p.RecoveryPointArn, "--region", v.region);
    await sleep(pollSeconds(t.env));
  }
  throw new WrapperError(`backup vault ${v.name} still holds recovery points; run npm run destroy again once AWS Backup has deleted them`);
}

async function removeProtection(t: Tools, plan: TeardownPlan): Promise<void> {
  for (const p of plan.deletionProtection) {
    if (p.kind === "rds-instance") await t.aws("rds", "modify-db-instance", "--db-instance-identifier", p.id, "--no-deletion-protection", "--apply-immediately", "--region", p.region);
    if (p.kind === "eks-cluster") {
      await t.aws("eks", "update-cluster-config", "--name", p.id, "--no-deletion-protection", "--region", p.region);
      await t.aws("eks", "wait", "cluster-active", "--name", p.id, "--region", p.region);
    }
    if (p.kind === "load-balancer") await t.aws("elbv2", "modify-load-balancer-attributes", "--load-balancer-arn", p.id, "--attributes", "Key=deletion_protection.enabled,Value=false", "--region", p.region);
  }
}

async function emptyStores(t: Tools, plan: Pick<TeardownPlan, "buckets" | "repositories" | "vaults">, log: (l: string) => void): Promise<void> {
  for (const b of plan.buckets) await emptyBucket(t, b, log);
  for (const r of plan.repositories) await emptyRepository(t, r, log);
  for (const v of plan.vaults) await emptyVault(t, v, log);
}

/** The AWS step: protection off, unprotect, empty, destroy; once more if destroy met a bucket that filled up again. */
async function destroyAws(t: Tools, plan: TeardownPlan, region: string, io: Io): Promise<number> {
  await removeProtection(t, plan);
  if (plan.protectedUrns.length > 0 && (await t.pulumiRun("aws", "state", "unprotect", "--all", "--yes")) !== 0) return 1;
  await emptyStores(t, plan, io.log);
  if ((await t.pulumiRun("aws", "destroy", "--yes", "--skip-preview")) === 0) return 0;
  const left = teardownPlan(await t.pulumiJson("aws", "stack", "export"), region);
  if (left.buckets.length === 0) return 1;
  io.log("Destroy stopped with buckets left; log delivery may have written to them meanwhile. Emptying them and destroying again.");
  await emptyStores(t, { buckets: left.buckets, repositories: [], vaults: [] }, io.log);
  return t.pulumiRun("aws", "destroy", "--yes", "--skip-preview");
}

async function guard(args: DestroyArgs, profile: Profile, io: Io): Promise<boolean> {
  if (!GUARDED_PROFILES.includes(profile)) return true;
  if (args.confirmations.length > 0) {
    if (confirmed(args.stack, args.confirmations)) return true;
    io.log(`Refusing: a ${profile}-profile stack is torn down only when --confirm names it twice (--confirm ${args.stack} --confirm ${args.stack}).`);
    return false;
  }
  if (!io.interactive) {
    io.log(`Refusing: stack ${args.stack} has profile ${profile}. Pass --confirm ${args.stack} --confirm ${args.stack}, or run in a terminal and type the name twice.`);
    return false;
  }
  const first = await io.prompt(`Type the stack name (${args.stack}) to destroy it: `);
  const second = await io.prompt(`Type it again: `);
  if (confirmed(args.stack, [first, second])) return true;
  io.log("The names did not match; nothing was changed.");
  return false;
}

function stackRegion(file: string): string {
  const config = (parse(fs.readFileSync(file, "utf8")) as { config?: Record<string, unknown> } | null)?.config ?? {};
  return String(config["aws:region"] ?? "us-east-1");
}

export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, io: Io = terminal()): Promise<number> {
  let args: DestroyArgs;
  let profile: Profile;
  let file: string;
  try {
    ({ args, profile, file } = resolveStackFile(parseDestroyArgs(argv), env));
  } catch (err) {
    if (!(err instanceof WrapperError)) throw err;
    io.log(`error: ${err.message}`);
    if (err instanceof UsageError) io.log(DESTROY_USAGE);
    return 1;
  }
  const pulumi = findExecutable("pulumi", env.PATH);
  if (pulumi === undefined) {
    io.log(cliMissingMessage(args.stack, args.configFile));
    return 1;
  }
  const aws = findExecutable("aws", env.PATH);
  if (aws === undefined) {
    io.log("The AWS CLI is not installed (no `aws` found on PATH); the teardown needs it to empty buckets and repositories. See https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html");
    return 1;
  }
  const t = new Tools(pulumi, aws, env, args);
  const region = stackRegion(file);
  try {
    const steps = args.step ? [args.step] : STEPS;
    const k8s = (await t.exists("kubernetes")) ? stateResources(await t.pulumiJson("kubernetes", "stack", "export")) : [];
    if (!steps.includes("kubernetes") && k8s.length > 0) {
      io.log(`Refusing: the Kubernetes step of ${args.stack} still has resources. Destroy it first, from a network that reaches the cluster's API (the runner): npm run destroy -- --stack ${args.stack} --step kubernetes`);
      return 1;
    }
    const plan = steps.includes("aws") ? teardownPlan((await t.pulumiJson("aws", "stack", "export")) as StackExport, region) : undefined;
    if (steps.includes("kubernetes") && k8s.length > 0) io.log(`The Kubernetes step's ${k8s.length} objects (Helm releases, namespaces, service accounts, bindings) are deleted first.`);
    if (plan) renderPlan(args.stack, plan).forEach((l) => io.log(l));
    if (!(await guard(args, profile, io))) return 1;
    if (steps.includes("kubernetes") && k8s.length > 0 && (await t.pulumiRun("kubernetes", "destroy", "--yes", "--skip-preview")) !== 0) {
      io.log("The Kubernetes step could not be destroyed; run this from a network that reaches the cluster's API (the runner), then again for the AWS step.");
      return 1;
    }
    if (!plan) return 0;
    const code = await destroyAws(t, plan, region, io);
    if (code === 0) io.log([`Stack ${args.stack} is empty. Left behind:`, ...(plan.leftBehind.length ? plan.leftBehind.map((l) => `  - ${l}`) : ["  (nothing)"]), "Remove the stacks themselves with `pulumi stack rm` (see docs/real-aws.md)."].join("\n"));
    return code;
  } catch (err) {
    if (!(err instanceof WrapperError)) throw err;
    io.log(`error: ${err.message}`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
