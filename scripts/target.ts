/**
 * The command-line arguments that say what an offline command evaluates, shared by every command
 * that runs a stack (the plan, and whatever validates or prices every example):
 *
 *   --stack <name>                   the platform program with Pulumi.<name>.yaml at the root
 *   --config <file>                  the platform program with that stack file (stack named after it)
 *   --program <dir> --stack <name>   another program: <dir>/Pulumi.yaml and <dir>/Pulumi.<name>.yaml
 */
import { join, resolve } from "node:path";
import { Target, programStackFile, readProgram } from "../offline/program";
import { stackNameOf } from "../offline/stackFile";

const ROOT = resolve(__dirname, "..");

export const TARGET_USAGE = "--stack <name> | --config <Pulumi.<name>.yaml> | --program <dir> --stack <name>";

/** The value after `flag`, if the flag is given. */
export function flagValue(argv: readonly string[], flag: string): string | undefined {
  const i = argv.indexOf(flag);
  return i >= 0 ? argv[i + 1] : undefined;
}

/** What to evaluate; `usage` is the command's own usage line, thrown when the arguments say nothing. */
export function parseTarget(argv: readonly string[], usage: string): Target {
  const config = flagValue(argv, "--config");
  const dir = flagValue(argv, "--program");
  const stack = flagValue(argv, "--stack") ?? (config ? stackNameOf(config) : undefined);
  if (!stack) throw new Error(usage);
  const program = dir ? readProgram(dir) : undefined;
  const configFile = config ? resolve(config) : program ? programStackFile(program, stack) : join(ROOT, `Pulumi.${stack}.yaml`);
  return { stack, configFile, ...(program ? { program } : {}) };
}
