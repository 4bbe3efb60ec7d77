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

/**
 * A value as a policy sees it during preview: known, or unknown until apply, with `reread` to raise
 * the engine's own UnknownValueError for it (naming its property path) once the policy has decided
 * all it can.
 */
export type Known<T> = { unknown: false; value: T | undefined } | { unknown: true; reread: () => never };

/** Reads `obj.path[0].path[1]...` through the proxy without throwing; absent steps give an undefined value. */
export function readPath<T = unknown>(obj: Record<string, any> | undefined, path: readonly (string | number)[]): Known<T> {
  let cur: any = obj;
  for (const step of path) {
    if (cur === undefined || cur === null) return { unknown: false, value: undefined };
    const r = read(cur, String(step));
    if (r.unknown) {
      const reread = (): never => {
        let o: any = obj;
        for (const s of path) o = o[s];
        throw new Error(`readPath: ${path.join(".")} was unknown, then read as ${String(o)}`);
      };
      return { unknown: true, reread };
    }
    cur = r.value;
  }
  return { unknown: false, value: cur as T | undefined };
}

/** Where a value unknown during preview sits in a resource's properties. */
export class Unknown {
  constructor(readonly path: readonly string[]) {}
}

/**
 * `obj[key]` as plain data: arrays and objects copied, every value unknown during preview replaced
 * by an Unknown marker instead of throwing, so a policy can decide what is known and set the rest
 * aside. `path` is the key's path from the resource's properties, for `undecidable`.
 */
export function resolve(obj: Record<string, any> | undefined, key: string, path: readonly string[] = [key]): unknown {
  const r = read(obj, key);
  if (r.unknown) return new Unknown(path);
  const v = r.value;
  if (Array.isArray(v)) return Array.from({ length: v.length }, (_, i) => resolve(v, String(i), [...path, String(i)]));
  if (typeof v === "object" && v !== null) return Object.fromEntries(Object.keys(v).map((k) => [k, resolve(v, k, [...path, k])]));
  return v;
}

/**
 * Ends a check that met `u` the way @pulumi/policy ends one that reads an unknown value: by reading
 * it through the resource's properties, which throws the engine's UnknownValueError, reported as an
 * advisory "can't run during preview". Violations reported before it stand.
 */
export function undecidable(props: Record<string, any>, u: Unknown): never {
  u.path.reduce<any>((o, k) => o[k], props);
  throw new Error(`expected the value at .${u.path.join(".")} to be unknown`);
}

/** A value a stack policy set aside during preview: the resource's properties and where in them it is unknown. */
export interface Undecided {
  props: Record<string, any>;
  at: Unknown;
}

/** Ends a stack check with "can't run during preview" for the first value set aside, if any; violations reported before it stand. */
export function undecidableIfAny(pending: readonly Undecided[]): void {
  if (pending.length > 0) undecidable(pending[0].props, pending[0].at);
}
