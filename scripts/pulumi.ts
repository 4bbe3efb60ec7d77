// Wrapper behind `npm run preview` and `npm run up`.
//
// A Pulumi project file cannot declare policy packs, so a bare `pulumi up`
// would run without CrossGuard. This wrapper reads the stack's
// `platform:profile`, and always passes the policy pack together with the
// enforcement config for that profile.
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
  "usage: npm run <preview|up> -- --stack <name> [--config-file <path>] [-- <extra pulumi args>]";

const REPO_ROOT = path.resolve(__dirname, "..");

// These flags decide which stack runs and under which policies; letting a
// caller repeat them after `--` would let Pulumi pick a different stack or
// policy config than the one the profile was read for.
const RESERVED_FLAGS = ["--stack", "--config-file", "--policy-pack", "--policy-pack-config"];

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
  return arg.startsWith("-s") && !arg.startsWith("--");
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
  if (!STACK_NAME.test(stack)) throw new UsageError(`invalid stack name "${stack}"`);

  const reserved = extraArgs.find(isReservedFlag);
  if (reserved !== undefined) {
    throw new UsageError(
      `"${reserved}" cannot be passed after "--"; the wrapper sets the stack, config file and policy pack itself`,
    );
  }

  return configFile === undefined ? { command, stack, extraArgs } : { command, stack, configFile, extraArgs };
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

/** The full argv, starting with "pulumi"; `packConfig` defaults to the profile's config file. */
export function buildCommand(args: WrapperArgs, profile: Profile, packConfig = policyConfigPath(profile)): string[] {
  return [
    "pulumi",
    args.command,
    "--stack",
    args.stack,
    "--policy-pack",
    POLICY_PACK_DIR,
    "--policy-pack-config",
    packConfig,
    ...(args.configFile === undefined ? [] : ["--config-file", args.configFile]),
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

export function cliMissingMessage(stack: string, configFile?: string): string {
  // The offline plan takes an alternative stack file as --config.
  const planArgs = configFile === undefined ? `--stack ${stack}` : `--stack ${stack} --config ${quote(configFile)}`;
  return [
    "The Pulumi CLI is not installed (no `pulumi` found on PATH).",
    `To evaluate the same program offline with the policy pack, run: npm run plan -- ${planArgs}`,
    `To install the Pulumi CLI, see ${INSTALL_URL}`,
  ].join("\n");
}

function quote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

function exitCodeFor(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  const signo = signal === null ? undefined : os.constants.signals[signal];
  return signo === undefined ? 1 : 128 + signo;
}

export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let args: WrapperArgs;
  let profile: Profile;
  try {
    args = parseArgs(argv);
    // npm runs scripts from the package root; INIT_CWD is where the user typed
    // the command, which is what a relative --config-file means to them.
    const file = stackFilePath(REPO_ROOT, args.stack, args.configFile, env.INIT_CWD ?? process.cwd());
    if (!fs.existsSync(file)) {
      throw new WrapperError(`${file}: stack file not found; create it or pass --config-file <path>`);
    }
    profile = readProfile(fs.readFileSync(file, "utf8"), file);
    if (args.configFile !== undefined) args = { ...args, configFile: file };
  } catch (err) {
    if (!(err instanceof WrapperError)) throw err;
    console.error(`error: ${err.message}`);
    if (err instanceof UsageError) console.error(USAGE);
    return 1;
  }

  const pulumi = findExecutable("pulumi", env.PATH);
  if (pulumi === undefined) {
    console.error(cliMissingMessage(args.stack, args.configFile));
    return 1;
  }

  const policyConfig = policyConfigPath(profile);
  if (!fs.existsSync(path.join(REPO_ROOT, policyConfig))) {
    console.error(`error: ${policyConfig} not found; the "${profile}" profile has no policy enforcement config`);
    return 1;
  }

  // The budget guard needs the estimate, which only the offline run can make (docs/cost.md).
  const shortName = args.stack.split("/").pop() ?? args.stack;
  const { packConfigWithEstimate } = await import("./previewEstimate");
  const packConfig = await packConfigWithEstimate(stackFilePath(REPO_ROOT, args.stack, args.configFile), shortName, path.join(REPO_ROOT, policyConfig));
  const command = buildCommand(args, profile, packConfig);
  console.error(`> ${command.map(quote).join(" ")}`);

  return new Promise<number>((resolve) => {
    const child = spawn(pulumi, command.slice(1), { stdio: "inherit", cwd: REPO_ROOT, env });
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
      console.error(err.code === "ENOENT" ? cliMissingMessage(args.stack, args.configFile) : `error: could not run pulumi: ${err.message}`);
      done(1);
    });
    child.on("close", (code, signal) => done(exitCodeFor(code, signal)));
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
