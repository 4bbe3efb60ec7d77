/**
 * Reads a Pulumi stack file into the flat "namespace:key" -> text map the runtime hands a program,
 * the way the CLI does: structured values become JSON text. A YAML error names the file, line and
 * column; a top-level key the CLI does not know is a problem (it would be ignored).
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parseDocument } from "yaml";
import { didYouMean } from "../components/suggest";
import type { ConfigProblem } from "../stacks/config/problems";

/** The flat "namespace:key" -> text map the CLI hands a program: structured values as JSON. */
export const flatten = (config: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(Object.entries(config).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));

/**
 * Top-level keys of a stack file (the CLI's ProjectStack): anything else is ignored by the CLI.
 * https://github.com/pulumi/pulumi/blob/master/sdk/go/common/workspace/project.go
 */
export const STACK_FILE_KEYS = ["config", "environment", "secretsprovider", "encryptedkey", "encryptionsalt"] as const;

/** A stack file that is not valid YAML: where, and what the parser says. */
export class StackFileError extends Error {
  constructor(readonly file: string, readonly line: number, readonly column: number, reason: string) {
    super(`${file}:${line}:${column}: ${reason}`);
    this.name = "StackFileError";
  }
}

export interface StackFile {
  config: Record<string, string>;
  /** Top-level keys the CLI would ignore. */
  problems: ConfigProblem[];
}

export function parseStackFile(text: string, file = "stack file"): StackFile {
  const doc = parseDocument(text, { prettyErrors: true });
  const error = doc.errors[0];
  if (error) {
    const [line, column] = error.linePos?.[0] ? [error.linePos[0].line, error.linePos[0].col] : [0, 0];
    // The parser's message repeats the position (" at line 17, column 1:") before its code frame.
    throw new StackFileError(file, line, column, error.message.replace(/ at line \d+, column \d+:/, ":"));
  }
  const top = (doc.toJS() ?? {}) as Record<string, unknown>;
  if (typeof top !== "object" || Array.isArray(top)) {
    return { config: {}, problems: [{ key: "(the whole file)", value: top, allowed: `a mapping with the keys ${STACK_FILE_KEYS.join(", ")}` }] };
  }
  const problems = Object.keys(top).filter((k) => !(STACK_FILE_KEYS as readonly string[]).includes(k)).map((k) => ({
    key: k, value: top[k],
    allowed: `a top-level key of a stack file: ${STACK_FILE_KEYS.join(", ")} (the CLI ignores any other; config values go under config:)`,
    suggestions: didYouMean(k, STACK_FILE_KEYS),
  }));
  return { config: flatten((top.config ?? {}) as Record<string, unknown>), problems };
}

export function configFromYaml(text: string): Record<string, string> {
  return parseStackFile(text).config;
}

/** The stack a file configures, as the CLI names it: Pulumi.<stack>.yaml. */
export const stackNameOf = (file: string): string => basename(file).replace(/^Pulumi\./, "").replace(/\.ya?ml$/, "");

/** Reads and checks a stack file; throws StackFileError when it is not valid YAML. */
export function readStackFileChecked(path: string): StackFile {
  return parseStackFile(readFileSync(path, "utf8"), path);
}

export function readStackFile(path: string): Record<string, string> {
  return readStackFileChecked(path).config;
}
