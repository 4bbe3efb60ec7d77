/**
 * Exit codes of the offline tooling (`npm run plan`, and the scripts that read cfn-lint's data), so
 * CI can tell a policy violation from a mistake in a stack file from a bug. README.md lists them.
 */
export const EXIT = {
  /** Clean: no mandatory violation. */
  clean: 0,
  /** At least one mandatory policy violation. */
  violation: 1,
  /** The user's input is wrong: the stack file, its config values, a component's arguments, the command line. */
  config: 2,
  /** The program (or the tooling) failed: a bug, reported with its stack trace. */
  program: 3,
  /** cfn-lint, whose data a script reads, is not installed. */
  missingCfnLint: 4,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
