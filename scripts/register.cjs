/**
 * Runs this repository's TypeScript on plain Node, compiled ahead of use and cached:
 *
 *   node -r ./scripts/register.cjs scripts/plan.ts --stack dev     (what `npm run plan` does)
 *
 * Each .ts file is compiled once by the TypeScript compiler (transpileModule with the tsconfig's
 * options: no type check, which `npm run typecheck` does) into node_modules/.cache/aws-platform-ts/,
 * which `npm ci` empties. An entry is reused only while it was compiled from the same source text
 * by the same compiler, tsconfig and loader (a hash of all four heads the entry), so an edit, a
 * checkout or an upgrade recompiles exactly the files it touched, whatever their timestamps. The
 * compiler is loaded only when something must be compiled: the first run after `npm ci` compiles
 * what it loads (a few seconds), later runs read JavaScript.
 *
 * Modules keep their own paths (__dirname, relative reads and requires are the source's). Each entry
 * carries its source map, read only when a trace is shown: `mapStack` rewrites a trace's frames in
 * these files to TypeScript lines (the offline commands print a failed program's trace through it),
 * and `mapStackTraces()` has Node map every trace from then on (the test runner's setting,
 * test/sourceMaps.cjs), for the files compiled after it and no others: Node then reads no source map
 * of the SDK's 2,000 modules, which is what made tsx's start-up slow. Registering a map with Node
 * costs each file a little (about 70 ms of a plan), hence not by default.
 *
 * It also defers the parts of @pulumi/pulumi no offline run uses until first touched (lazySdk.cjs).
 */
"use strict";
const { createHash } = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");
const Module = require("node:module");
const { pathToFileURL } = require("node:url");
const { deferUnusedSdkModules } = require("./lazySdk.cjs");

const ROOT = path.resolve(__dirname, "..");
deferUnusedSdkModules(ROOT);
const CACHE = path.join(ROOT, "node_modules", ".cache", "aws-platform-ts");
const TSCONFIG = fs.readFileSync(path.join(ROOT, "tsconfig.json"), "utf8");
/** How an entry ends: its source map, inline. */
const MAP_PREFIX = "//# sourceMappingURL=data:application/json;base64,";

/** What else an entry depends on: the compiler's version, the tsconfig and this loader. */
const fingerprint = createHash("sha256")
  .update(JSON.parse(fs.readFileSync(require.resolve("typescript/package.json", { paths: [ROOT] }), "utf8")).version)
  .update(TSCONFIG)
  .update(fs.readFileSync(__filename))
  .digest("hex");

/** The cache entry of a source file: mirrored under CACHE inside the repository, by path hash outside. */
function entryPath(filename) {
  const rel = path.relative(ROOT, filename);
  if (!rel.startsWith("..") && !path.isAbsolute(rel) && !rel.split(path.sep).includes("node_modules")) return path.join(CACHE, `${rel}.js`);
  return path.join(CACHE, "external", `${createHash("sha256").update(filename).digest("hex")}.js`);
}

let compiler;
/** TypeScript and the tsconfig's compiler options, loaded on the first cache miss. */
function tsCompiler() {
  if (!compiler) {
    const ts = require(require.resolve("typescript", { paths: [ROOT] }));
    const { config, error } = ts.parseConfigFileTextToJson("tsconfig.json", TSCONFIG);
    if (error) throw new Error(`tsconfig.json: ${ts.flattenDiagnosticMessageText(error.messageText, "\n")}`);
    const { options } = ts.convertCompilerOptionsFromJson(config.compilerOptions, ROOT);
    compiler = { ts, options: { ...options, noEmit: false, sourceMap: true, inlineSourceMap: false, declaration: false } };
  }
  return compiler;
}

/** Compiles one file; a syntax error stops the load with the compiler's message. */
function compile(source, filename) {
  const { ts, options } = tsCompiler();
  const out = ts.transpileModule(source, { compilerOptions: options, fileName: filename, reportDiagnostics: true });
  const errors = (out.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length > 0) {
    throw new SyntaxError(errors.map((d) => {
      const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
      return `${filename}:${line + 1}:${character + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
    }).join("\n"));
  }
  const map = JSON.parse(out.sourceMapText);
  // The entry's first line is its hash, so the mappings start one line down; the source is the .ts file.
  map.mappings = `;${map.mappings}`;
  map.sources = [pathToFileURL(filename).href];
  map.sourceRoot = "";
  const code = out.outputText.replace(/\n\/\/# sourceMappingURL=.*\s*$/, "\n");
  return `${code}${MAP_PREFIX}${Buffer.from(JSON.stringify(map)).toString("base64")}\n`;
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

/** Runs `load` (a module's compile and first run) with Node's source maps on or off, then restores the setting. */
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

/** The entries this process loaded, by source file: what `mapStack` may map. */
const loaded = new Map();
/** Whether Node registers the maps of the files compiled from now on (mapStackTraces). */
let nodeMaps = false;

Module._extensions[".ts"] = (mod, filename) => {
  const text = compiled(filename);
  // A file whose map Node registered has its traces mapped already: mapStack leaves it alone.
  loaded.set(filename, { text, map: nodeMaps ? null : undefined });
  if (nodeMaps) withSourceMaps(true, () => mod._compile(text, filename));
  else mod._compile(text, filename);
};

/** The source map of a file loaded without Node's, parsed on first use. */
function sourceMapOf(filename) {
  const entry = loaded.get(filename);
  if (!entry || entry.map === null) return undefined;
  if (entry.map === undefined) {
    const payload = entry.text.slice(entry.text.lastIndexOf(MAP_PREFIX) + MAP_PREFIX.length).trim();
    entry.map = new Module.SourceMap(JSON.parse(Buffer.from(payload, "base64").toString("utf8")));
  }
  return entry.map;
}

/** `stack` with each frame in a file this loader compiled at its TypeScript line and column. */
function mapStack(stack) {
  return stack.replace(/(\(|at )([^\s()]+\.ts):(\d+):(\d+)/g, (frame, before, file, line, column) => {
    const found = sourceMapOf(file)?.findEntry(Number(line) - 1, Number(column) - 1);
    return found && found.originalLine !== undefined ? `${before}${file}:${found.originalLine + 1}:${found.originalColumn + 1}` : frame;
  });
}

/** Has Node map every stack trace from now on, for the files compiled after this call. */
function mapStackTraces() {
  if (nodeMaps) return;
  nodeMaps = true;
  const loadJs = Module._extensions[".js"];
  Module._extensions[".js"] = (mod, filename) => withSourceMaps(false, () => loadJs(mod, filename));
  process.setSourceMapsEnabled(true);
}

module.exports = { mapStack, mapStackTraces };
