// Wrapper behind `npm run preview` and `npm run up`.
//
// A Pulumi project file cannot declare policy packs, so a bare `pulumi up`
// would run without CrossGuard. This wrapper reads the stack's
// `platform:profile`, and always passes the policy pack together with the
// enforcement config for that profile.
//
// A stack deploys in two steps (docs/real-aws.md): `--step aws` (the default)
// runs the platform project at the repository root; `--step kubernetes` runs
// the platform-kubernetes project in stacks/kubernetes with the same stack
// file, from a network that reaches the cluster's private API endpoint.
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse } from "yaml";

export const SUBCOMMANDS = ["preview", "up"] as const;
export type Subcommand = (typeof SUBCOMMANDS)[number];

export const PROFILES = ["dev", "staging", "prod"] as const;
export type Profile = (typeof PROFILES)[number];

export const PROFILE_KEY = "platform:profile";
export const POLICY_PACK_DIR = "policy-pack";
export const INSTALL_URL = "https://www.pulumi.com/docs/iac/download-install/";
export const USAGE =
  "usage: npm run <preview|up> -- --stack <name> [--step aws|kubernetes] [--config-file <path>] [-- <extra pulumi args>]";

/** The two steps of a deployment, and each step's Pulumi project directory (relative to the repository). */
export const STEPS = ["aws", "kubernetes"] as const;
export type Step = (typeof STEPS)[number];
export const PROJECT_DIRS: Record<Step, string> = { aws: ".", kubernetes: "stacks/kubernetes" };

const REPO_ROOT = path.resolve(__dirname, "..");

// These flags decide which stack runs and under which policies; letting a
// caller repeat them after `--` would let Pulumi pick a different stack or
// policy config than the one the profile was read for.
const RESERVED_FLAGS = ["--stack", "--config-file", "--policy-pack", "--policy-pack-config", "--cwd"];

// Pulumi stack names: `name`, or qualified as `org/name` / `org/project/name`.
// The name becomes part of a file path, so a segment of only dots is refused.
const STACK_SEGMENT = "(?!\\.+(?:/|$))[A-Za-z0-9_.-]+";
const STACK_NAME = new RegExp(`^${STACK_SEGMENT}(?:/${STACK_SEGMENT}){0,2}$`);

/** A problem the user can fix; main prints the message without a stack trace. */
export class WrapperError extends Error {}

/** A malformed command line; main also prints the usage line. */
export class UsageError extends WrapperError {}

export interface WrapperArgs {
  command: Subcommand;
  stack: string;
  /** Which step's project runs. @default "aws" */
  step?: Step;
  configFile?: string;
  extraArgs: string[];
}

function isSubcommand(value: string | undefined): value is Subcommand {
  return (SUBCOMMANDS as readonly string[]).includes(value ?? "");
}

function isProfile(value: unknown): value is Profile {
  return typeof value === "string" && (PROFILES as readonly string[]).includes(value);
}

function isReservedFlag(arg: string): boolean {
  if (RESERVED_FLAGS.some((flag) => arg === flag || arg.startsWith(`${flag}=`))) {
    return true;
  }
  return (arg.startsWith("-s") || arg.startsWith("-C")) && !arg.startsWith("--");
}

export function isStep(value: string): value is Step {
  return (STEPS as readonly string[]).includes(value);
}

/** A stack name Pulumi accepts, or a UsageError. */
export function checkStackName(stack: string): string {
  if (!STACK_NAME.test(stack)) throw new UsageError(`invalid stack name "${stack}"`);
  return stack;
}

export function parseArgs(argv: readonly string[]): WrapperArgs {
  const [command, ...rest] = argv;
  if (!isSubcommand(command)) {
    throw new UsageError(
      command === undefined
        ? `missing subcommand; expected "preview" or "up"`
        : `unknown subcommand "${command}"; expected "preview" or "up"`,
    );
  }

  let stack: string | undefined;
  let step: string | undefined;
  let configFile: string | undefined;
  let extraArgs: string[] = [];

  const takeValue = (flag: string, inline: string | undefined, index: number): [string, number] => {
    const value = inline ?? rest[index + 1];
    if (value === undefined || value === "" || (inline === undefined && value.startsWith("-"))) {
      throw new UsageError(`${flag} needs a value`);
    }
    return [value, inline === undefined ? index + 1 : index];
  };

  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === "--") {
      extraArgs = rest.slice(i + 1);
      break;
    }
    const eq = arg.indexOf("=");
    const name = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = name === arg ? undefined : arg.slice(eq + 1);

    if (name === "--stack" || name === "-s") {
      if (stack !== undefined) throw new UsageError("--stack given more than once");
      [stack, i] = takeValue("--stack", inline, i);
    } else if (name === "--step") {
      if (step !== undefined) throw new UsageError("--step given more than once");
      [step, i] = takeValue("--step", inline, i);
      if (!isStep(step)) throw new UsageError(`unknown step "${step}"; expected one of ${STEPS.join(", ")}`);
    } else if (name === "--config-file") {
      if (configFile !== undefined) throw new UsageError("--config-file given more than once");
      [configFile, i] = takeValue("--config-file", inline, i);
    } else {
      throw new UsageError(
        `unknown option "${arg}"; put extra pulumi arguments after "--", e.g. npm run ${command} -- --stack dev -- ${arg}`,
      );
    }
  }

  if (stack === undefined) throw new UsageError("--stack <name> is required");
  checkStackName(stack);

  const reserved = extraArgs.find(isReservedFlag);
  if (reserved !== undefined) {
    throw new UsageError(
      `"${reserved}" cannot be passed after "--"; the wrapper sets the stack, config file and policy pack itself`,
    );
  }

  return {
    command, stack,
    ...(step === undefined ? {} : { step: step as Step }),
    ...(configFile === undefined ? {} : { configFile }),
    extraArgs,
  };
}

/** Pulumi names a stack's file after the last segment of a qualified stack name. */
export function stackFilePath(repoRoot: string, stack: string, configFile?: string, cwd = process.cwd()): string {
  if (configFile !== undefined) return path.resolve(cwd, configFile);
  const shortName = stack.split("/").pop() ?? stack;
  return path.join(repoRoot, `Pulumi.${shortName}.yaml`);
}

export function readProfile(yamlText: string, file: string): Profile {
  let doc: unknown;
  try {
    doc = parse(yamlText);
  } catch (err) {
    const reason = (err instanceof Error ? err.message : String(err)).split("\n")[0];
    throw new WrapperError(`${file}: not valid YAML (${reason})`);
  }
  const config =
    typeof doc === "object" && doc !== null ? (doc as Record<string, unknown>).config : undefined;
  const value =
    typeof config === "object" && config !== null
      ? (config as Record<string, unknown>)[PROFILE_KEY]
      : undefined;

  const allowed = PROFILES.join(", ");
  if (value === undefined || value === null) {
    throw new WrapperError(`${file}: config key "${PROFILE_KEY}" is missing; set it to one of ${allowed}`);
  }
  if (!isProfile(value)) {
    throw new WrapperError(
      `${file}: config key "${PROFILE_KEY}" must be one of ${allowed}, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

export function policyConfigPath(profile: Profile): string {
  return `${POLICY_PACK_DIR}/config/${profile}.json`;
}

/** `path` (relative to the repository) as seen from the step's project directory, where Pulumi runs. */
export function fromProject(step: Step, repoPath: string): string {
  return step === "aws" || path.isAbsolute(repoPath) ? repoPath : path.posix.join(path.posix.relative(PROJECT_DIRS[step], "."), repoPath);
}

/**
 * Where a step's project runs: the Kubernetes step's sits in its own directory (`--cwd`, against
 * which Pulumi resolves every relative path).
 */
export function cwdArgs(step: Step = "aws"): string[] {
  return step === "aws" ? [] : ["--cwd", PROJECT_DIRS[step]];
}

/** The stack file a step reads: both steps share the one at the repository root (or --config-file). */
export function configFileArgs(args: Pick<WrapperArgs, "stack" | "step" | "configFile">): string[] {
  const step = args.step ?? "aws";
  const file = args.configFile ?? (step === "aws" ? undefined : `Pulumi.${args.stack.split("/").pop()}.yaml`);
  return file === undefined ? [] : ["--config-file", fromProject(step, file)];
}

/** The full argv, starting with "pulumi"; `packConfig` defaults to the profile's config file. */
export function buildCommand(args: WrapperArgs, profile: Profile, packConfig = policyConfigPath(profile)): string[] {
  const step = args.step ?? "aws";
  return [
    "pulumi",
    args.command,
    ...cwdArgs(step),
    "--stack",
    args.stack,
    "--policy-pack",
    fromProject(step, POLICY_PACK_DIR),
    "--policy-pack-config",
    fromProject(step, packConfig),
    ...configFileArgs(args),
    ...args.extraArgs,
  ];
}

/** Resolves `name` against a PATH string the way a shell would; undefined when absent. */
export function findExecutable(
  name: string,
  pathEnv: string | undefined,
  platform: NodeJS.Platform = process.platform,
  pathExt: string | undefined = process.env.PATHEXT,
): string | undefined {
  const windows = platform === "win32";
  const dirs = (pathEnv ?? "").split(windows ? ";" : ":").filter((dir) => dir !== "");
  const names = windows
    ? // Windows only runs files whose extension is listed in PATHEXT.
      (pathExt ?? ".COM;.EXE;.BAT;.CMD").split(";").filter(Boolean).map((ext) => name + ext)
    : [name];

  for (const dir of dirs) {
    for (const candidate of names.map((n) => path.join(dir, n))) {
      try {
        if (!fs.statSync(candidate).isFile()) continue;
        if (!windows) fs.accessSync(candidate, fs.constants.X_OK);
        return candidate;
      } catch {
        continue;
      }
    }
  }
  return undefined;
}

export function cliMissingMessage(stack: string, configFile?: string, step: Step = "aws"): string {
  // The offline plan takes an alternative stack file as --config.
  const planArgs = `--stack ${stack}${configFile === undefined ? "" : ` --config ${quote(configFile)}`}${step === "aws" ? "" : ` --step ${step}`}`;
  return [
    "The Pulumi CLI is not installed (no `pulumi` found on PATH).",
    `To evaluate the same program offline with the policy pack, run: npm run plan -- ${planArgs}`,
    `To install the Pulumi CLI, see ${INSTALL_URL}`,
  ].join("\n");
}

export function quote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

export function exitCodeFor(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  const signo = signal === null ? undefined : os.constants.signals[signal];
  return signo === undefined ? 1 : 128 + signo;
}

/**
 * The stack file (Pulumi.<name>.yaml at the repository root, or --config-file made absolute) and the
 * profile it declares. npm runs scripts from the package root; INIT_CWD is where the user typed the
 * command, which is what a relative --config-file means to them.
 */
export function resolveStackFile<A extends Pick<WrapperArgs, "stack" | "configFile">>(args: A, env: NodeJS.ProcessEnv): { args: A; file: string; profile: Profile } {
  const file = stackFilePath(REPO_ROOT, args.stack, args.configFile, env.INIT_CWD ?? process.cwd());
  if (!fs.existsSync(file)) {
    throw new WrapperError(`${file}: stack file not found; create it or pass --config-file <path>`);
  }
  const profile = readProfile(fs.readFileSync(file, "utf8"), file);
  return { args: args.configFile === undefined ? args : { ...args, configFile: file }, file, profile };
}

export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let args: WrapperArgs;
  let profile: Profile;
  let file: string;
  try {
    args = parseArgs(argv);
    ({ args, profile, file } = resolveStackFile(args, env));
  } catch (err) {
    if (!(err instanceof WrapperError)) throw err;
    console.error(`error: ${err.message}`);
    if (err instanceof UsageError) console.error(USAGE);
    return 1;
  }

  const pulumi = findExecutable("pulumi", env.PATH);
  if (pulumi === undefined) {
    console.error(cliMissingMessage(args.stack, args.configFile, args.step));
    return 1;
  }

  const policyConfig = policyConfigPath(profile);
  if (!fs.existsSync(path.join(REPO_ROOT, policyConfig))) {
    console.error(`error: ${policyConfig} not found; the "${profile}" profile has no policy enforcement config`);
    return 1;
  }

  // The budget guard needs the estimate, which only the offline run can make (docs/cost.md). The
  // guard judges the Budget the AWS step declares; the Kubernetes step declares none and creates no
  // priced resource (test/deploySteps.spec.ts), so it runs with the profile's config as it is.
  let packConfig = policyConfig;
  if ((args.step ?? "aws") === "aws") {
    const { packConfigWithEstimate } = await import("./previewEstimate");
    packConfig = await packConfigWithEstimate(file, args.stack.split("/").pop() ?? args.stack, path.join(REPO_ROOT, policyConfig));
  }
  const command = buildCommand(args, profile, packConfig);
  return runLogged(pulumi, command, env, () => cliMissingMessage(args.stack, args.configFile, args.step));
}

/**
 * Runs `command` (argv starting with the program's name) with `executable` from the repository root,
 * the terminal attached, after echoing it to stderr; resolves to its exit code.
 */
export function runLogged(executable: string, command: string[], env: NodeJS.ProcessEnv, missing: () => string): Promise<number> {
  console.error(`> ${command.map(quote).join(" ")}`);
  return new Promise<number>((resolve) => {
    const child = spawn(executable, command.slice(1), { stdio: "inherit", cwd: REPO_ROOT, env });
    // Ctrl-C in a terminal reaches pulumi directly (same process group), and
    // pulumi uses it to cancel safely, which can take a while. The wrapper
    // stays alive so it can report pulumi's real exit code; forwarding the
    // signal as well would count as a second Ctrl-C, which pulumi treats as
    // "terminate immediately".
    const ignoreInterrupt = (): void => {};
    // SIGTERM (e.g. a cancelled CI job) may be sent to the wrapper alone.
    const forwardTerminate = (): void => {
      child.kill("SIGTERM");
    };
    process.on("SIGINT", ignoreInterrupt);
    process.on("SIGTERM", forwardTerminate);
    const done = (code: number): void => {
      process.off("SIGINT", ignoreInterrupt);
      process.off("SIGTERM", forwardTerminate);
      resolve(code);
    };
    child.on("error", (err: NodeJS.ErrnoException) => {
      console.error(err.code === "ENOENT" ? missing() : `error: could not run ${command[0]}: ${err.message}`);
      done(1);
    });
    child.on("close", (code, signal) => done(exitCodeFor(code, signal)));
  });
}

/** Runs `command` from the repository root and collects its output, for commands whose answer is data (JSON). */
export function runCaptured(executable: string, command: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(executable, command.slice(1), { stdio: ["ignore", "pipe", "pipe"], cwd: REPO_ROOT, env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", (err) => resolve({ code: 1, stdout, stderr: `${stderr}${err.message}` }));
    child.on("close", (code, signal) => resolve({ code: exitCodeFor(code, signal), stdout, stderr }));
  });
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
