/**
 * Runs this repository's TypeScript on plain Node, compiled ahead of use and cached:
 *
 *   node -r ./scripts/register.cjs scripts/plan.ts --stack dev     (what `npm run plan` does)
 *
 * Each .ts file is compiled once, with the esbuild transform tsx used to apply on every run (no type
 * check: `npm run typecheck` does that), into node_modules/.cache/aws-platform-ts/, which `npm ci`
 * empties. An entry is reused only while it was compiled from the same source text by the same
 * compiler, Node version, tsconfig and loader (a hash of all five heads the entry), so an edit, a
 * checkout or an upgrade recompiles exactly the files it touched, whatever their timestamps. The
 * compiler is loaded only when something must be compiled.
 *
 * Modules keep their own paths (__dirname, relative reads and requires are the source's), and stack
 * traces show TypeScript lines: each entry carries its source map, and Node maps the frames of
 * these files. Only these files: Node reads no source map of any other module (a `.js` module is
 * compiled with source maps off), which is what makes tsx's start-up slow on the SDK's 2,000 modules.
 */
"use strict";
const { createHash } = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");
const Module = require("node:module");
const { pathToFileURL } = require("node:url");

const ROOT = path.resolve(__dirname, "..");
const CACHE = path.join(ROOT, "node_modules", ".cache", "aws-platform-ts");
const TSCONFIG = fs.readFileSync(path.join(ROOT, "tsconfig.json"), "utf8");

/** What else an entry depends on: the compiler's version, the Node version it targets, the tsconfig and this loader. */
const fingerprint = createHash("sha256")
  .update(JSON.parse(fs.readFileSync(require.resolve("esbuild/package.json", { paths: [ROOT] }), "utf8")).version)
  .update(process.versions.node)
  .update(TSCONFIG)
  .update(fs.readFileSync(__filename))
  .digest("hex");

/** The cache entry of a source file: mirrored under CACHE inside the repository, by path hash outside. */
function entryPath(filename) {
  const rel = path.relative(ROOT, filename);
  if (!rel.startsWith("..") && !path.isAbsolute(rel) && !rel.split(path.sep).includes("node_modules")) return path.join(CACHE, `${rel}.js`);
  return path.join(CACHE, "external", `${createHash("sha256").update(filename).digest("hex")}.js`);
}

let esbuild;
/**
 * Compiles one file as tsx did before this loader (the same esbuild transform: CommonJS, names kept,
 * the tsconfig's options), so the program's behaviour is unchanged; a syntax error stops the load.
 */
function compile(source, filename) {
  esbuild ??= require(require.resolve("esbuild", { paths: [ROOT] }));
  const out = esbuild.transformSync(source, {
    loader: "ts", format: "cjs", target: `node${process.versions.node}`, keepNames: true,
    tsconfigRaw: TSCONFIG, sourcefile: filename, sourcemap: "external", sourcesContent: false,
  });
  const map = JSON.parse(out.map);
  // The entry's first line is its hash, so the mappings start one line down.
  map.mappings = `;${map.mappings}`;
  map.sources = [pathToFileURL(filename).href];
  return `${out.code}//# sourceMappingURL=data:application/json;base64,${Buffer.from(JSON.stringify(map)).toString("base64")}\n`;
}

/** The compiled text of a source file, from the cache when its entry is current. */
function compiled(filename) {
  const source = fs.readFileSync(filename, "utf8");
  const head = `// ${createHash("sha256").update(fingerprint).update(source).digest("hex")}\n`;
  const entry = entryPath(filename);
  try {
    const cached = fs.readFileSync(entry, "utf8");
    if (cached.startsWith(head)) return cached;
  } catch {
    // no entry yet
  }
  const text = head + compile(source, filename);
  // Written aside and renamed, so a parallel process (a mocha worker) never reads half an entry.
  fs.mkdirSync(path.dirname(entry), { recursive: true });
  const tmp = `${entry}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, entry);
  return text;
}

/** Compiles `module` with Node's source maps on or off, then restores the setting. */
function withSourceMaps(enabled, load) {
  const before = process.sourceMapsEnabled;
  if (before === enabled) return load();
  process.setSourceMapsEnabled(enabled);
  try {
    return load();
  } finally {
    process.setSourceMapsEnabled(before);
  }
}

const loadJs = Module._extensions[".js"];
Module._extensions[".ts"] = (mod, filename) => withSourceMaps(true, () => mod._compile(compiled(filename), filename));
Module._extensions[".js"] = (mod, filename) => withSourceMaps(false, () => loadJs(mod, filename));
// Stack traces are formatted with source maps, so frames in the files above show their TypeScript lines.
process.setSourceMapsEnabled(true);
