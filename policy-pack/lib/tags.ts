/**
 * A resource's effective tags as the AWS provider will apply them: its provider's default tags
 * merged under its own `tags` (pulumi-aws provider/tags.go, mergeTags), minus the provider's
 * ignoreTags. A real run also shows the result as `tagsAll` (checked inputs and outputs); under
 * the offline mocks there is no provider Check, so the merge is computed from the provider's inputs.
 * https://www.pulumi.com/registry/packages/aws/api-docs/provider/#defaulttags_nodejs
 */
import type { PolicyProviderResource } from "@pulumi/policy";
import { Read, read } from "./unknowns";

/**
 * The Node SDK sends a provider's object-typed inputs as JSON text (@pulumi/aws provider.js:
 * `defaultTags ... .apply(JSON.stringify)`); the engine may hand them on as text or as an object.
 */
function objectInput(v: unknown): Record<string, any> | undefined {
  if (typeof v === "string") {
    try {
      return JSON.parse(v);
    } catch {
      return undefined;
    }
  }
  return v && typeof v === "object" ? (v as Record<string, any>) : undefined;
}

/** The provider's ignoreTags as a predicate on keys; unknown ignore rules ignore nothing. */
function ignored(provider: PolicyProviderResource | undefined): (key: string) => boolean {
  const r = read(provider?.props, "ignoreTags");
  const ignore = r.unknown ? undefined : objectInput(r.value);
  const keys: string[] = ignore?.keys ?? [];
  const prefixes: string[] = ignore?.keyPrefixes ?? [];
  return (k) => keys.includes(k) || prefixes.some((p) => k.startsWith(p));
}

/** Copies string tags into `into`; a value unknown during preview is kept as undefined. */
function addAll(into: Map<string, string | undefined>, tags: Record<string, any> | undefined): void {
  for (const k of Object.keys(tags ?? {})) {
    const v = read<unknown>(tags, k);
    if (v.unknown) into.set(k, undefined);
    else if (typeof v.value === "string") into.set(k, v.value);
  }
}

export interface TagView {
  /** Tag key to value; undefined when the value is unknown during preview (the key is known). */
  tags: Map<string, string | undefined>;
  /** True when a whole tag map (the resource's tags or the provider's default tags) is unknown. */
  incomplete: boolean;
}

/** The provider's `defaultTags.tags`. */
function defaultTagsOf(provider: PolicyProviderResource | undefined): Read<Record<string, any>> {
  const d = read(provider?.props, "defaultTags");
  return d.unknown ? d : read<Record<string, any>>(objectInput(d.value), "tags");
}

const isObject = (v: unknown): v is Record<string, any> => typeof v === "object" && v !== null;

/** The tags AWS will see on the resource: `tagsAll` when known (a real run), else provider defaults under `tags`. */
export function effectiveTags(props: Record<string, any>, provider: PolicyProviderResource | undefined): TagView {
  const tags = new Map<string, string | undefined>();
  const all = read(props, "tagsAll");
  if (!all.unknown && isObject(all.value)) {
    addAll(tags, all.value);
    return { tags, incomplete: false };
  }
  const own = read<Record<string, any>>(props, "tags");
  const defaults = defaultTagsOf(provider);
  if (!defaults.unknown) addAll(tags, defaults.value);
  if (!own.unknown) addAll(tags, own.value);
  const skip = ignored(provider);
  for (const k of [...tags.keys()]) if (skip(k)) tags.delete(k);
  return { tags, incomplete: own.unknown || defaults.unknown };
}

/**
 * Reads the unknown tag maps through the proxy, so the engine's own UnknownValueError reports the
 * policy as unable to run during preview. Call it only when the unknown part could decide the outcome.
 */
export function raiseUnknownTags(props: Record<string, any>, provider: PolicyProviderResource | undefined): void {
  void props.tags;
  void provider?.props.defaultTags;
}
