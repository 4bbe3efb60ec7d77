/**
 * Reads a policy spec's source and sorts its `it(...)` cases into those that expect no violation
 * and those that expect one, from the assertions they make; the conventions test holds every
 * policy to at least one of each. Pure text, no TypeScript compiler: calls are matched by
 * balancing brackets, skipping strings, template literals, regular expressions and comments.
 *
 * A case expects none when it asserts `deepEqual(<result>, [])` or `equal(<...>.length, 0)`. It
 * expects a violation when it calls assertOneViolation or asserts `match`, a non-zero `length`,
 * a non-empty list of messages, or `ok(....some(...))` / `ok(....test(...))` on messages; a case
 * about the advisory "can't run during preview" is neither, since that is not a violation of the
 * policy's rule.
 */

export interface Call {
  /** The callee as written, e.g. "assert.deepEqual". */
  callee: string;
  /** The top-level arguments, as source text, trimmed. */
  args: string[];
}

const OPEN = "([{";
const CLOSE = ")]}";
/** After these characters (ignoring spaces) a "/" starts a regular expression, not a division. */
const REGEX_AFTER = "(,=:[!&|?{};+-*%<>~^";

/** Index just past the comment at `i`, or `i` when none starts there. */
function skipComment(src: string, i: number): number {
  if (src.startsWith("//", i)) return src.indexOf("\n", i) < 0 ? src.length : src.indexOf("\n", i);
  if (src.startsWith("/*", i)) return src.indexOf("*/", i + 2) < 0 ? src.length : src.indexOf("*/", i + 2) + 2;
  return i;
}

/** Index just past the string, template or regex literal opened by `quote` at `i`. */
function skipQuoted(src: string, i: number, quote: string): number {
  let inClass = false;
  for (let j = i + 1; j < src.length; j++) {
    const c = src[j];
    if (c === "\\") j++;
    else if (quote === "/" && (c === "[" || c === "]")) inClass = c === "[";
    else if (quote === "`" && c === "$" && src[j + 1] === "{") j = balanced(src, j + 1);
    else if (c === quote && !inClass) return j + 1;
  }
  return src.length;
}

/**
 * Walks the code of `src` from `from`, outside literals and comments, calling `visit` with each
 * code character's index; `visit` returns where to go on (an index past `i` to skip ahead), or -1
 * to stop. A "/" starts a regular expression where the last code character allows one.
 */
function walk(src: string, from: number, visit: (i: number) => number): void {
  let prev = "";
  for (let i = from; i < src.length; ) {
    const afterComment = skipComment(src, i);
    if (afterComment !== i) {
      i = afterComment;
      continue;
    }
    const c = src[i];
    if (c === '"' || c === "'" || c === "`" || (c === "/" && (prev === "" || REGEX_AFTER.includes(prev)))) {
      i = skipQuoted(src, i, c);
      prev = "x";
      continue;
    }
    const next = visit(i);
    if (next < 0) return;
    if (!/\s/.test(c)) prev = next > i + 1 ? ")" : c;
    i = Math.max(next, i + 1);
  }
}

/** Index of the bracket closing the one at `open`. */
function balanced(src: string, open: number): number {
  let depth = 0;
  let close = src.length;
  walk(src, open, (i) => {
    if (OPEN.includes(src[i])) depth++;
    if (CLOSE.includes(src[i]) && --depth === 0) {
      close = i;
      return -1;
    }
    return i + 1;
  });
  return close;
}

/** Splits a call's argument text at its top-level commas. */
function splitArgs(src: string): string[] {
  const out: string[] = [];
  let start = 0;
  walk(src, 0, (i) => {
    if (OPEN.includes(src[i])) return balanced(src, i) + 1;
    if (src[i] === ",") {
      out.push(src.slice(start, i).trim());
      start = i + 1;
    }
    return i + 1;
  });
  const last = src.slice(start).trim();
  return last === "" ? out : [...out, last];
}

/** Every call of one of `callees` in `src` (outside literals and comments), with its arguments. */
export function calls(src: string, callees: readonly string[]): Call[] {
  const out: Call[] = [];
  walk(src, 0, (i) => {
    const callee = callees.find((c) => src.startsWith(`${c}(`, i) && !/[\w.$]/.test(src[i - 1] ?? ""));
    if (!callee) return i + 1;
    const open = i + callee.length;
    out.push({ callee, args: splitArgs(src.slice(open + 1, balanced(src, open))) });
    // On to the opening bracket, so a regex as first argument reads as one; calls inside count too.
    return open;
  });
  return out;
}

/** The body of every `it(...)` case of a spec (its whole argument text). */
export function cases(src: string): string[] {
  return calls(src, ["it"]).map((c) => c.args.join(", "));
}

const PREVIEW = /can't run/;

function expectsNone(c: Call): boolean {
  if (c.callee === "assert.deepEqual") return c.args[1] === "[]";
  if (c.callee === "assert.equal") return /\.length$/.test(c.args[0] ?? "") && c.args[1] === "0";
  return false;
}

function expectsViolation(c: Call): boolean {
  switch (c.callee) {
    case "assertOneViolation":
      return !PREVIEW.test(c.args[2] ?? "");
    case "assert.match":
      return !PREVIEW.test(c.args[1] ?? "");
    case "assert.equal":
      return /\.length$/.test(c.args[0] ?? "") && /^[1-9]\d*$/.test(c.args[1] ?? "");
    case "assert.deepEqual":
      return /^\[\s*["'`/]/.test(c.args[1] ?? "") && !PREVIEW.test(c.args[1]);
    case "assert.ok":
      return /\.(some|test)\(/.test(c.args[0] ?? "") && !PREVIEW.test(c.args[0]);
    default:
      return false;
  }
}

const ASSERTIONS = ["assert.deepEqual", "assert.equal", "assert.match", "assert.ok", "assertOneViolation"] as const;

/** How many cases of a spec expect no violation, and how many expect one. */
export function classify(src: string): { none: number; violation: number } {
  const found = cases(src).map((body) => calls(body, ASSERTIONS));
  return { none: found.filter((cs) => cs.some(expectsNone)).length, violation: found.filter((cs) => cs.some(expectsViolation)).length };
}
