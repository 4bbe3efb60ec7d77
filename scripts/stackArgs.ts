/**
 * The stack a command works on, as every offline command takes it (the plan, validate, and any
 * command that evaluates every example):
 *
 *   --stack <name>                   the platform program with Pulumi.<name>.yaml at the repository root
 *   --config <file>                  the platform program with that file; the stack is named after it,
 *                                    as the CLI does (Pulumi.<stack>.yaml)
 *   --program <dir> --stack <name>   another Pulumi program: <dir>/Pulumi.yaml and <dir>/Pulumi.<name>.yaml
 *                                    (examples/standalone); offline/program.ts runs it
 */
import { join, resolve } from "node:path";
import { ComponentArgsError } from "../components/errors";
import { EXIT } from "../offline/exitCodes";
import { ProgramSpec, Target, programStackFile, readProgram } from "../offline/program";
import { StackFileError, stackNameOf } from "../offline/stackFile";
import { ConfigError } from "../stacks/config/problems";

export const ROOT = resolve(__dirname, "..");

/** What to evaluate: a stack of the platform program, or of another program when `program` is set. */
export type StackArgs = Target;

/** The stack flags, for a command's usage line. */
export const STACK_USAGE = "--stack <name> | --config <Pulumi.<name>.yaml> | --program <dir> --stack <name>";

/** The value after `flag`, if the flag is present. */
export const flagValue = (argv: string[], flag: string): string | undefined => {
  const i = argv.indexOf(flag);
  return i >= 0 ? argv[i + 1] : undefined;
};

/** A mistake on the command line: reported with the usage, exit 2. */
export class UsageError extends Error {}

/** The program a --program directory holds; a directory without a Pulumi.yaml is a usage error. */
function programIn(dir: string): ProgramSpec {
  try {
    return readProgram(dir);
  } catch (e) {
    throw new UsageError(`--program ${dir}: ${(e as Error).message}`);
  }
}

/** Throws a UsageError with `usage` when no flag names a stack. */
export function parseStackArgs(argv: string[], usage: string): StackArgs {
  const config = flagValue(argv, "--config");
  const dir = flagValue(argv, "--program");
  const stack = flagValue(argv, "--stack") ?? (config ? stackNameOf(config) : undefined);
  if (!stack) throw new UsageError(usage);
  const program = dir ? programIn(dir) : undefined;
  const configFile = config ? resolve(config) : program ? programStackFile(program, stack) : join(ROOT, `Pulumi.${stack}.yaml`);
  return { stack, configFile, ...(program ? { program } : {}) };
}

/**
 * An error's stack trace at TypeScript lines. The loader the offline commands run under
 * (scripts/register.cjs) leaves Node's source maps off for a faster start and maps a trace when one
 * is shown; under any other loader (tsx), the trace is as that loader made it.
 */
export function tsStack(error: Error): string {
  const stack = error.stack ?? error.message;
  const loader = require.cache[require.resolve("./register.cjs")]?.exports as { mapStack?: (s: string) => string } | undefined;
  return loader?.mapStack ? loader.mapStack(stack) : stack;
}

/** Refuses options the command does not have, so a typo (--stak) is not silently ignored. */
export function checkFlags(argv: string[], flags: { withValue: string[]; switches: string[] }, usage: string): void {
  const unknown = argv.filter((a, i) => a.startsWith("-") && ![...flags.withValue, ...flags.switches].includes(a) && !flags.withValue.includes(argv[i - 1]));
  if (unknown.length > 0) throw new UsageError(`unknown option ${unknown.join(", ")}\n${usage}`);
  const missing = flags.withValue.filter((f) => argv.includes(f) && (argv[argv.indexOf(f) + 1] ?? "--").startsWith("--"));
  if (missing.length > 0) throw new UsageError(`${missing.join(", ")} needs a value\n${usage}`);
}

/**
 * Errors in the user's input: the stack file, its config values, a component's arguments, the
 * command line. They end a command with a message, never a stack trace.
 */
export function isUserInputError(e: unknown): e is Error {
  return e instanceof ConfigError || e instanceof ComponentArgsError || e instanceof StackFileError || e instanceof UsageError;
}

/**
 * How a failed run ends an offline command: the user's input (exit 2) prints what is wrong, naming
 * the keys; anything else is the program failing (exit 3), with its stack.
 */
export function runFailure(error: unknown, configFile?: string): { code: 2 | 3; message: string } {
  if (error instanceof ComponentArgsError) {
    return { code: EXIT.config, message: `Invalid arguments for a component${configFile ? ` (from ${configFile})` : ""}:\n  ${error.message}` };
  }
  if (isUserInputError(error)) return { code: EXIT.config, message: error.message };
  const e = error instanceof Error ? error : new Error(String(error));
  return { code: EXIT.program, message: `The program failed: ${tsStack(e)}` };
}
