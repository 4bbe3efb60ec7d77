/**
 * The resource options CrossGuard hands a policy (`args.opts`, PolicyResourceOptions), derived from
 * a RegisterResource request the way the engine derives them: custom timeouts as seconds, aliases as
 * URNs. Pure, so the recorder stays a thin wrapper.
 * https://github.com/pulumi/pulumi/blob/master/sdk/go/common/resource/plugin/analyzer_plugin.go (marshalResourceOptions)
 */

export interface RecordedOptions {
  ignoreChanges: string[];
  /** Alias URNs, as the engine resolves the program's alias specs. */
  aliases: string[];
  customTimeouts: { createSeconds: number; updateSeconds: number; deleteSeconds: number };
  additionalSecretOutputs: string[];
  /** Set only when the program set it (the engine's DeleteBeforeReplaceDefined). */
  deleteBeforeReplace?: boolean;
}

/** The options of a resource registered without any. */
export const DEFAULT_OPTIONS: RecordedOptions = {
  ignoreChanges: [],
  aliases: [],
  customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
  additionalSecretOutputs: [],
};

const UNIT_SECONDS: Record<string, number> = { ns: 1e-9, us: 1e-6, "µs": 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };

/**
 * Seconds in a Go duration string ("10m", "1h30m", "1.5h"), as the engine parses custom timeouts
 * (time.ParseDuration); empty is 0. https://pkg.go.dev/time#ParseDuration
 */
export function durationSeconds(text: string): number {
  if (text === "" || text === "0") return 0;
  const parts = [...text.matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/g)];
  if (parts.map((m) => m[0]).join("") !== text) throw new Error(`invalid custom timeout "${text}": expected a Go duration such as "10m" or "1h30m"`);
  return parts.reduce((sum, m) => sum + Number(m[1]) * UNIT_SECONDS[m[2]], 0);
}

/** What a RegisterResource alias spec says; empty fields default to the resource's own. */
export interface AliasSpec {
  name?: string;
  type?: string;
  stack?: string;
  project?: string;
  parentUrn?: string;
  noParent?: boolean;
}

/** The qualified type in a URN: `parentType$type`, the part after stack and project. */
const qualifiedType = (urn: string): string => urn.split("::")[2] ?? "";

/**
 * The URN an alias spec names, computed as the engine does (resource.CreateURN): the parent's
 * qualified type prefixes the type unless the parent is the root stack.
 */
export function aliasUrn(spec: AliasSpec, self: { urn: string; type: string; name: string; parent?: string }): string {
  const [, stack0, project0] = /^urn:pulumi:([^:]*)::([^:]*)::/.exec(self.urn) ?? [];
  const parent = spec.noParent ? undefined : spec.parentUrn || self.parent;
  const parentType = parent ? qualifiedType(parent) : "";
  const prefix = parentType && parentType !== "pulumi:pulumi:Stack" ? `${parentType}$` : "";
  return `urn:pulumi:${spec.stack || stack0}::${spec.project || project0}::${prefix}${spec.type || self.type}::${spec.name || self.name}`;
}

/** The options in a RegisterResource request (its generated protobuf getters). */
export function optionsOf(req: any, self: { urn: string; type: string; name: string; parent?: string }): RecordedOptions {
  const timeouts = req.getCustomtimeouts?.();
  const aliases: string[] = [
    ...(req.getAliasurnsList?.() ?? []),
    ...(req.getAliasesList?.() ?? []).map((a: any) => {
      if (a.hasSpec?.()) {
        const s = a.getSpec();
        return aliasUrn({ name: s.getName(), type: s.getType(), stack: s.getStack(), project: s.getProject(), parentUrn: s.getParenturn(), noParent: s.getNoparent() }, self);
      }
      return a.getUrn();
    }),
  ];
  return {
    ignoreChanges: req.getIgnorechangesList?.() ?? [],
    aliases,
    customTimeouts: {
      createSeconds: durationSeconds(timeouts?.getCreate() ?? ""),
      updateSeconds: durationSeconds(timeouts?.getUpdate() ?? ""),
      deleteSeconds: durationSeconds(timeouts?.getDelete() ?? ""),
    },
    additionalSecretOutputs: req.getAdditionalsecretoutputsList?.() ?? [],
    ...(req.getDeletebeforereplacedefined?.() ? { deleteBeforeReplace: req.getDeletebeforereplace() } : {}),
  };
}
