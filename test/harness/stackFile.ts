/**
 * Reads a Pulumi stack file into the flat "namespace:key" -> text map the runtime hands a program,
 * the way the CLI does: structured values become JSON text.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";

export function configFromYaml(text: string): Record<string, string> {
  const doc = (parse(text) ?? {}) as { config?: Record<string, unknown> };
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(doc.config ?? {})) {
    out[k] = typeof v === "string" ? v : JSON.stringify(v);
  }
  return out;
}

export function readStackFile(path: string): Record<string, string> {
  return configFromYaml(readFileSync(path, "utf8"));
}
