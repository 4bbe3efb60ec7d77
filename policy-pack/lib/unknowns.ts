/**
 * Reading a property that is unknown during preview throws through @pulumi/policy's proxy, and the
 * whole policy is then skipped with an advisory. Where a policy can still decide from what is known
 * (ids are unknown until resources exist, but dependencies are not), it reads with `known`.
 */
export function known<T = unknown>(props: Record<string, any>, key: string): T | undefined {
  try {
    return props[key] as T | undefined;
  } catch (e) {
    if ((e as Error).constructor?.name === "UnknownValueError") return undefined;
    throw e;
  }
}

/** A property read that tells "unknown during preview" apart from "absent". */
export type Read<T> = { unknown: true } | { unknown: false; value: T | undefined };

/** Reads `obj[key]` through the proxy without throwing, saying whether the value is unknown. */
export function read<T = unknown>(obj: Record<string, any> | undefined, key: string): Read<T> {
  if (obj === undefined || obj === null) return { unknown: false, value: undefined };
  try {
    return { unknown: false, value: obj[key] as T | undefined };
  } catch (e) {
    if ((e as Error).constructor?.name === "UnknownValueError") return { unknown: true };
    throw e;
  }
}
