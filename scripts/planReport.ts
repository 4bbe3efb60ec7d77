/**
 * Rendering of an offline plan: the resource tree grouped by component, counts, violations, and
 * the machine-readable JSON documented in README.md. Pure.
 */
import * as pulumi from "@pulumi/pulumi";
import type { Violation } from "../offline/policyRunner";
import type { RecordedResource } from "../offline/recorder";
import { type CostReport, toCostJson } from "../offline/cost/types";

export interface PlanJson {
  stack: string;
  resources: Array<Pick<RecordedResource, "urn" | "type" | "name" | "id" | "parent" | "custom" | "provider" | "inputs" | "outputs" | "dependencies" | "protect" | "retainOnDelete">>;
  outputs: Record<string, unknown>;
  violations: Violation[];
  /** The monthly estimate (offline/cost): total, per tier, items with sources, unpriced, assumptions. */
  cost?: ReturnType<typeof toCostJson>;
}

export const REDACTED = "[secret]";

/** Replaces every secret value (at any depth) with REDACTED, as `pulumi stack output` does. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (typeof value !== "object" || value === null) return value;
  const obj = value as Record<string, unknown>;
  // Pulumi's secret envelope {[specialSigKey]: specialSecretSig, value}: never write what is inside.
  if (obj[pulumi.runtime.specialSigKey] === pulumi.runtime.specialSecretSig) return REDACTED;
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, redactSecrets(v)]));
}

export function toPlanJson(stack: string, resources: RecordedResource[], outputs: Record<string, unknown>, violations: Violation[], cost?: CostReport): PlanJson {
  return {
    stack,
    resources: resources.map(({ urn, type, name, id, parent, custom, provider, inputs, outputs: o, dependencies, protect, retainOnDelete }) => ({
      urn, type, name, id, parent, custom, provider,
      inputs: redactSecrets(inputs) as Record<string, any>, outputs: redactSecrets(o) as Record<string, any>,
      dependencies, protect, retainOnDelete,
    })),
    outputs: redactSecrets(outputs) as Record<string, unknown>,
    violations,
    ...(cost ? { cost: toCostJson(cost) } : {}),
  };
}

function label(r: RecordedResource): string {
  const region = r.type.startsWith("pulumi:providers:") ? r.inputs.region : r.provider?.region;
  const flags = [r.protect ? "protect" : "", r.retainOnDelete ? "retain" : "", region ? `region ${region}` : ""].filter(Boolean);
  return `${r.name} (${r.type})${flags.length ? ` [${flags.join(", ")}]` : ""}`;
}

/** The resource tree: components show how many resources they contain. */
export function renderTree(resources: RecordedResource[]): string[] {
  const children = new Map<string | undefined, RecordedResource[]>();
  for (const r of resources) children.set(r.parent, [...(children.get(r.parent) ?? []), r]);
  const count = (urn: string): number => (children.get(urn) ?? []).reduce((n, c) => n + 1 + count(c.urn), 0);
  const lines: string[] = [];
  const walk = (r: RecordedResource, prefix: string, last: boolean, root: boolean) => {
    const kids = children.get(r.urn) ?? [];
    const suffix = !r.custom && kids.length > 0 ? ` — ${count(r.urn)} resources` : "";
    lines.push(`${root ? "" : `${prefix}${last ? "└─ " : "├─ "}`}${label(r)}${suffix}`);
    kids.forEach((k, i) => walk(k, root ? "" : `${prefix}${last ? "   " : "│  "}`, i === kids.length - 1, false));
  };
  for (const r of children.get(undefined) ?? []) walk(r, "", true, true);
  return lines;
}

export function renderCounts(resources: RecordedResource[]): string[] {
  const counts = new Map<string, number>();
  for (const r of resources) counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
  return [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([t, n]) => `  ${String(n).padStart(3)}  ${t}`);
}

export function renderViolations(violations: Violation[], verbose: boolean): string[] {
  const mandatory = violations.filter((v) => v.level === "mandatory");
  const advisory = violations.filter((v) => v.level === "advisory");
  const line = (v: Violation) => `  [${v.level}] ${v.policy}: ${v.message}${v.urn ? `\n      at ${v.urn}` : ""}`;
  const out = [`Policy violations: ${mandatory.length} mandatory, ${advisory.length} advisory.`];
  out.push(...mandatory.map(line));
  if (advisory.length > 0) {
    if (verbose) out.push(...advisory.map(line));
    else out.push(`  Advisories from: ${[...new Set(advisory.map((v) => v.policy))].join(", ")} (run with --verbose to list them).`);
  }
  return out;
}
