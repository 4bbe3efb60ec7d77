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
