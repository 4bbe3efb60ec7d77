/**
 * The error a component throws when its arguments would fail on AWS (or awsx, or EKS): a value
 * AWS does not offer, a cross-field rule it enforces. It is the caller's input that is wrong, not
 * the program, so a caller (the offline plan among them) can tell it from a bug and report it as
 * a configuration error, without a stack trace. Pure; no Pulumi imports.
 */
export class ComponentArgsError extends Error {
  /**
   * @param message the whole message, naming the component (or helper), the argument or config key,
   *   the value and what is allowed
   * @param problems the message's problems one by one, when it lists several
   */
  constructor(message: string, readonly problems: readonly string[] = [message]) {
    super(message);
    this.name = "ComponentArgsError";
  }
}

/** Throws one ComponentArgsError, "<component>: <problem>; <problem>", when there are problems. */
export function throwIfProblems(component: string, problems: readonly string[]): void {
  if (problems.length > 0) throw new ComponentArgsError(`${component}: ${problems.join("; ")}`, problems);
}
