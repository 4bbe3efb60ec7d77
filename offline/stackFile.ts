/**
 * Reads a Pulumi stack file into the flat "namespace:key" -> text map the runtime hands a program,
 * the way the CLI does: structured values become JSON text.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parse } from "yaml";

/** The flat "namespace:key" -> text map the CLI hands a program: structured values as JSON. */
export const flatten = (config: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(Object.entries(config).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));

export function configFromYaml(text: string): Record<string, string> {
  return flatten(((parse(text) ?? {}) as { config?: Record<string, unknown> }).config ?? {});
}

/** The stack a file configures, as the CLI names it: Pulumi.<stack>.yaml. */
export const stackNameOf = (file: string): string => basename(file).replace(/^Pulumi\./, "").replace(/\.ya?ml$/, "");

export function readStackFile(path: string): Record<string, string> {
  return configFromYaml(readFileSync(path, "utf8"));
}
