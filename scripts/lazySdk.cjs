/**
 * Defers three parts of @pulumi/pulumi that its index loads eagerly and that no offline run uses,
 * until something first touches them:
 *
 * - `automation/` (the Automation API: LocalWorkspace, stacks): with npm's arborist, pacote,
 *   sigstore and tar behind it;
 * - `runtime/closure/serializeClosure` (`pulumi.runtime.serializeFunction`): with the TypeScript
 *   compiler behind it (9 MB of JavaScript), which closure serialization parses functions with;
 * - `runtime/closure/codePaths` (`pulumi.runtime.computeCodePaths`): arborist again.
 *
 * Together they are about half of the SDK's load (`require("@pulumi/pulumi")` 1.15 s -> 0.64 s on
 * this project's 2-core machines). Each stays the SDK's own module: its place in require.cache holds
 * a stand-in whose first use loads the real module and forwards to it, so a caller sees the same
 * functions with the same results, one require later. Nothing is patched inside the SDK.
 *
 * This applies only where this loader runs (the npm scripts and the tests). A real `pulumi up` runs
 * the program through the Pulumi CLI's Node host, which loads the SDK as it is.
 *
 * The runtime's index copies each closure function into its exports when it loads
 * (`exports.serializeFunction = serializeClosure_1.serializeFunction`), so those two stand-ins are
 * objects of forwarding functions named as the real module names them; `LAZY_MODULES` lists the
 * names, and scripts/lazySdk.spec.ts checks them against the installed SDK, so an upgrade that
 * renames or adds one fails a test instead of leaving a name undefined. The Automation API is
 * reached through `pulumi.automation.<name>` only, so its stand-in is a proxy.
 */
"use strict";
const Module = require("node:module");
const path = require("node:path");

/** The deferred modules, by path inside @pulumi/pulumi: the names of their exports, or "proxy". */
const LAZY_MODULES = {
  "automation/index.js": "proxy",
  "runtime/closure/serializeClosure.js": ["serializeFunctionAsync", "serializeFunction"],
  "runtime/closure/codePaths.js": ["computeCodePaths", "findWorkspaceRoot", "packageArchivePath"],
};

/** Which deferred modules this process has loaded for real, by path inside @pulumi/pulumi. */
const loadedForReal = new Set();

/** Puts a stand-in for `rel` into require.cache; its first use loads the real module. */
function defer(root, rel, names) {
  const filename = path.join(root, rel);
  const standIn = new Module(filename);
  standIn.filename = filename;
  standIn.loaded = true;
  let real;
  const load = () => {
    if (!real) {
      delete require.cache[filename];
      try {
        real = require(filename);
      } finally {
        // Later requires of the path get the real module itself.
        if (real) standIn.exports = real;
        else require.cache[filename] = standIn;
      }
      loadedForReal.add(rel);
    }
    return real;
  };
  if (names === "proxy") {
    standIn.exports = new Proxy({}, {
      get: (_, key) => (key === "__esModule" ? true : load()[key]),
      has: (_, key) => key in load(),
      ownKeys: () => Reflect.ownKeys(load()),
      getOwnPropertyDescriptor: (_, key) => {
        const d = Object.getOwnPropertyDescriptor(load(), key);
        return d && { ...d, configurable: true };
      },
    });
  } else {
    standIn.exports = { __esModule: true };
    for (const name of names) {
      standIn.exports[name] = function (...args) {
        return load()[name].apply(this, args);
      };
    }
  }
  require.cache[filename] = standIn;
}

/**
 * Installs the stand-ins, before anything loads @pulumi/pulumi. Does nothing when the SDK is not
 * installed or is already loaded (its index holds the real modules then).
 */
function deferUnusedSdkModules(from) {
  let root;
  try {
    root = path.dirname(require.resolve("@pulumi/pulumi/package.json", { paths: [from] }));
  } catch {
    return;
  }
  if (require.cache[path.join(root, "index.js")]) return;
  for (const [rel, names] of Object.entries(LAZY_MODULES)) defer(root, rel, names);
}

module.exports = { LAZY_MODULES, deferUnusedSdkModules, loadedForReal };
