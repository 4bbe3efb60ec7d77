/**
 * The stack a command works on, as both offline commands take it: `--stack <name>` reads
 * Pulumi.<name>.yaml at the repository root; `--config <file>` reads that file and names the stack
 * after it, as the CLI does (Pulumi.<stack>.yaml).
 */
import { join, resolve } from "node:path";
import { stackNameOf } from "../offline/stackFile";
import { ConfigError } from "../stacks/config/problems";

export const ROOT = resolve(__dirname, "..");

export interface StackArgs {
  stack: string;
  configFile: string;
}

/** The value after `flag`, if the flag is present. */
export const flagValue = (argv: string[], flag: string): string | undefined => {
  const i = argv.indexOf(flag);
  return i >= 0 ? argv[i + 1] : undefined;
};

/** Throws `usage` when neither flag names a stack. */
export function parseStackArgs(argv: string[], usage: string): StackArgs {
  const config = flagValue(argv, "--config");
  const stack = flagValue(argv, "--stack") ?? (config ? stackNameOf(config) : undefined);
  if (!stack) throw new Error(usage);
  return { stack, configFile: config ? resolve(config) : join(ROOT, `Pulumi.${stack}.yaml`) };
}

/**
 * How a failed run ends an offline command: a config error (exit 2) prints the keys it names;
 * anything else is the program failing (exit 3), with its stack.
 */
export function runFailure(error: Error): { code: 2 | 3; message: string } {
  return error instanceof ConfigError
    ? { code: 2, message: error.message }
    : { code: 3, message: `The program failed: ${error.stack ?? error.message}` };
}
