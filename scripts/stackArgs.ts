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
import { Target, programStackFile, readProgram } from "../offline/program";
import { stackNameOf } from "../offline/stackFile";
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

/** Throws `usage` when no flag names a stack. */
export function parseStackArgs(argv: string[], usage: string): StackArgs {
  const config = flagValue(argv, "--config");
  const dir = flagValue(argv, "--program");
  const stack = flagValue(argv, "--stack") ?? (config ? stackNameOf(config) : undefined);
  if (!stack) throw new Error(usage);
  const program = dir ? readProgram(dir) : undefined;
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

/**
 * How a failed run ends an offline command: a config error (exit 2) prints the keys it names;
 * anything else is the program failing (exit 3), with its stack.
 */
export function runFailure(error: Error): { code: 2 | 3; message: string } {
  return error instanceof ConfigError
    ? { code: 2, message: error.message }
    : { code: 3, message: `The program failed: ${tsStack(error)}` };
}
