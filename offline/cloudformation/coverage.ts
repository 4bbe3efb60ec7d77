/**
 * How much of a plan the rendering covers. The total counts the plan's aws:* resources whose type
 * has a CloudFormation equivalent (types CloudFormation cannot express are listed apart, with the
 * reason) plus the resources synthesized for remote components; a folded resource counts as
 * translated. Pure.
 */
import { unexpandedComponents } from "../expand";
import type { RecordedResource } from "../recorder";
import { MAPPINGS } from "./mappings";
import { isNone } from "./types";
import type { Source } from "./types";

export interface Left {
  type: string;
  count: number;
  reason: string;
}

export interface Coverage {
  translated: number;
  total: number;
  /** Counted in the total, not translated: a type without a mapping, a configuration resource without its parent. */
  untranslated: Left[];
  /** Not counted: types CloudFormation cannot express, and remote components nothing expands. */
  excluded: Left[];
}

export interface Outcome {
  rendered: Source[];
  folded: Source[];
  orphans: Source[];
}

function group(items: Array<{ type: string; reason: string }>): Left[] {
  const byKey = new Map<string, Left>();
  for (const { type, reason } of items) {
    const key = `${type}\n${reason}`;
    byKey.set(key, { type, reason, count: (byKey.get(key)?.count ?? 0) + 1 });
  }
  return [...byKey.values()].sort((a, b) => a.type.localeCompare(b.type));
}

export function countCoverage(sources: Source[], resources: RecordedResource[], outcome: Outcome): Coverage {
  const excluded = sources.flatMap((s) => {
    const m = MAPPINGS[s.type];
    return m && isNone(m) ? [{ type: s.type, reason: m.none }] : [];
  });
  const unexpanded = unexpandedComponents(resources).map((r) => ({ type: r.type, reason: "a remote component offline/expand.ts does not expand: its AWS resources are not counted" }));
  const unmapped = sources.filter((s) => !MAPPINGS[s.type]).map((s) => ({ type: s.type, reason: "no mapping in offline/cloudformation/mappings" }));
  const orphans = outcome.orphans.map((s) => ({ type: s.type, reason: "its parent resource is not in the plan" }));
  return {
    translated: outcome.rendered.length + outcome.folded.length,
    total: sources.length - excluded.length,
    untranslated: group([...unmapped, ...orphans]),
    excluded: group([...excluded, ...unexpanded]),
  };
}

export const coverageRatio = (c: Coverage): number => (c.total === 0 ? 1 : c.translated / c.total);
