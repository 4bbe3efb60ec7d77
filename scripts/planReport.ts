/**
 * Rendering of an offline plan: the resource tree grouped by component, counts, violations, and
 * the machine-readable JSON documented in README.md. Pure.
 */
import * as pulumi from "@pulumi/pulumi";
import type { Violation } from "../offline/policyRunner";
import type { KeyedViolation } from "../offline/stackKeys";
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

/** Violations that say the same thing (policy, level, message, fix), with the resources they name. */
export interface ViolationGroup {
  policy: string;
  level: Violation["level"];
  message: string;
  fix?: string;
  urns: string[];
}

export function groupViolations(violations: KeyedViolation[]): ViolationGroup[] {
  const groups = new Map<string, ViolationGroup>();
  for (const v of violations) {
    const id = JSON.stringify([v.policy, v.level, v.message, v.fix]);
    const g = groups.get(id) ?? { policy: v.policy, level: v.level, message: v.message, fix: v.fix, urns: [] };
    if (v.urn) g.urns.push(v.urn);
    groups.set(id, g);
  }
  return [...groups.values()];
}

const count = (g: ViolationGroup) => (g.urns.length > 1 ? `, ${g.urns.length} resources` : "");

/** One group: the message once, the stack key's fix when there is one, and with --verbose each resource. */
function renderGroup(g: ViolationGroup, verbose: boolean): string[] {
  return [
    `  [${g.level}] ${g.policy}${count(g)}: ${g.message}`,
    ...(g.fix ? [`      fix: ${g.fix}`] : []),
    ...(verbose ? g.urns.map((u) => `      at ${u}`) : []),
  ];
}

/** First sentence of a policy's remediation steps: the one-line fix when no stack key is behind it. */
export function firstSentence(text: string | undefined): string | undefined {
  const m = text ? /^(.*?[.!?])(\s|$)/.exec(text) : null;
  return m ? m[1] : text;
}

/**
 * Mandatory violations one line per group (identical ones collapse, with a count); advisories in
 * one summary line each, with their one-line fix (the stack key's, else the policy's remediation).
 * --verbose lists every resource, and advisories in full.
 */
export function renderViolations(violations: KeyedViolation[], verbose: boolean, remediation: (policy: string) => string | undefined = () => undefined): string[] {
  const groups = groupViolations(violations);
  const mandatory = groups.filter((g) => g.level === "mandatory");
  const advisory = groups.filter((g) => g.level === "advisory");
  const n = (level: string) => violations.filter((v) => v.level === level).length;
  const out = [`Policy violations: ${n("mandatory")} mandatory, ${n("advisory")} advisory.`];
  out.push(...mandatory.flatMap((g) => renderGroup(g, verbose)));
  if (advisory.length > 0) {
    if (verbose) out.push(...advisory.flatMap((g) => renderGroup(g, verbose)));
    else {
      out.push("  Advisories, with their fix:");
      out.push(...advisory.map((g) => `    ${g.policy}${g.urns.length > 1 ? ` (${g.urns.length})` : ""}: ${g.fix ?? firstSentence(remediation(g.policy)) ?? g.message}`));
    }
  }
  if (!verbose && groups.some((g) => g.urns.length > 0)) out.push("  (run with --verbose to list each resource and advisory)");
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
