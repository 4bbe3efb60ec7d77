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

/** Outputs the engine would show as [secret] (`pulumi stack output`), by path. */
export const SECRET_OUTPUT_PATHS = ["cluster.kubeconfig"];

/** The handoff to the Kubernetes step: machine-read, summarized in one line. */
const HANDOFF = "kubernetesStep";

function leaves(value: unknown, path: string, out: [string, string][]): void {
  if (SECRET_OUTPUT_PATHS.includes(path)) out.push([path, REDACTED]);
  else if (value !== null && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length > 0) {
    for (const [k, v] of Object.entries(value)) leaves(v, path === "" ? k : `${path}.${k}`, out);
  } else out.push([path, typeof value === "string" ? value : JSON.stringify(value)]);
}

/**
 * The stack outputs, one line per value, after the violations: what application teams take from a
 * deployment (cluster, registries, roles, endpoints, secret ARNs, the URL, name servers). The AWS
 * step's handoff is named, not listed, and its last line says how to plan the next step.
 */
export function renderOutputs(outputs: Record<string, unknown>, at: { stack: string; step: "aws" | "kubernetes" }): string[] {
  const rows: [string, string][] = [];
  for (const [k, v] of Object.entries(outputs)) {
    if (k === HANDOFF) rows.push([k, "(read by the Kubernetes step; stacks/handoff.ts)"]);
    else leaves(v, k, rows);
  }
  const width = Math.min(48, Math.max(0, ...rows.map(([k]) => k.length)));
  const out = ["", `Stack outputs (${rows.length}):`, ...rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`)];
  if (at.step === "aws" && HANDOFF in outputs) out.push("", `Next step: npm run plan -- --stack ${at.stack} --step kubernetes`);
  return out;
}
