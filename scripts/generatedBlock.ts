/**
 * A generated block of a Markdown file: the text between a start and an end marker, rewritten
 * whole by its generator. Shared by the README's config reference and systems table.
 */
import { readFileSync, writeFileSync } from "node:fs";

/** `text` with the block from `start` to `end` (markers included) replaced by `block`. */
export function replaceBlock(text: string, start: string, end: string, block: string): string {
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`no ${start} ... ${end} block`);
  return text.slice(0, from) + block + text.slice(to + end.length);
}

/** Rewrites the block in `file` in place. */
export function writeBlock(file: string, start: string, end: string, block: string): void {
  writeFileSync(file, replaceBlock(readFileSync(file, "utf8"), start, end, block));
}
