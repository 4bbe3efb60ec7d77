/**
 * For specs of a component's argument checks: which fields a call's ComponentArgsError names.
 */
import { ComponentArgsError } from "../components/errors";

/** The field of each problem `f` throws ("<field>: got …; allowed: …"), or [] when it does not throw. */
export function problemFields(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    if (!(e instanceof ComponentArgsError)) throw e;
    return e.problems.map((p) => p.replace(/: got.*/, ""));
  }
  return [];
}
