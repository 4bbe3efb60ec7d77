/**
 * The pack is usable on its own: its runtime code (everything but *.spec.ts and test/) imports
 * only its own modules, Node built-ins and the packages its package.json declares, never the
 * program (../components, ../stacks, ../scripts, ../test); and its README says how to install and use it.
 */
import { strict as assert } from "node:assert";
import { builtinModules } from "node:module";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

const PACK = resolve(__dirname, "..");
const pkg = JSON.parse(readFileSync(join(PACK, "package.json"), "utf8")) as { name: string; version: string; dependencies: Record<string, string> };

function* runtimeFiles(dir: string): Generator<string> {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) {
      if (f !== "node_modules" && p !== join(PACK, "test")) yield* runtimeFiles(p);
    } else if (f.endsWith(".ts") && !f.endsWith(".spec.ts")) {
      yield p;
    }
  }
}

/** Every module specifier of import, export ... from, require() and import() in a file. */
export function specifiers(source: string): string[] {
  const found = [...source.matchAll(/(?:^|[\s;])(?:import|export)\s[^;]*?from\s*["']([^"']+)["']|(?:^|[\s;])import\s*["']([^"']+)["']|\b(?:require|import)\(\s*["']([^"']+)["']\s*\)/gm)];
  return found.map((m) => m[1] ?? m[2] ?? m[3]);
}

/** The package a bare specifier names: "@scope/name" or "name". */
const packageOf = (s: string) => s.split("/").slice(0, s.startsWith("@") ? 2 : 1).join("/");

describe("policy pack stands alone", () => {
  const files = [...runtimeFiles(PACK)];

  it("finds the pack's runtime modules", () => {
    assert.ok(files.some((f) => f.endsWith(`${sep}index.ts`)) && files.length > 20, `${files.length} files`);
  });

  it("reads every import form", () => {
    assert.deepEqual(specifiers(`import a from "x";\nimport type { B } from "../y";\nexport { c } from './z';\nimport "side";\nconst d = require("w");\nawait import("v");`), ["x", "../y", "./z", "side", "w", "v"]);
  });

  it("imports nothing from outside its folder (../components, ../stacks, ../scripts, ../test)", () => {
    for (const f of files) {
      for (const s of specifiers(readFileSync(f, "utf8")).filter((x) => x.startsWith("."))) {
        const target = relative(PACK, resolve(dirname(f), s));
        assert.ok(!target.startsWith("..") && !target.startsWith(sep), `${relative(PACK, f)} imports ${s}, outside the pack`);
      }
    }
  });

  it("imports only Node built-ins and the packages its package.json declares", () => {
    const allowed = new Set(Object.keys(pkg.dependencies));
    for (const f of files) {
      for (const s of specifiers(readFileSync(f, "utf8")).filter((x) => !x.startsWith("."))) {
        const builtin = s.startsWith("node:") || builtinModules.includes(s);
        assert.ok(builtin || allowed.has(packageOf(s)), `${relative(PACK, f)} imports ${s}, which policy-pack/package.json does not declare`);
      }
    }
  });

  it("has its own package name and a semantic version, which Pulumi reads as the pack's version", () => {
    assert.equal(pkg.name, "@platform/aws-policy-pack");
    assert.match(pkg.version, /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/);
  });

  it("documents install and the four ways to use it: CLI, Automation API, Pulumi Cloud policy groups, GitHub Actions", () => {
    const readme = readFileSync(join(PACK, "README.md"), "utf8");
    for (const text of [
      "## Install", "--policy-pack policy-pack --policy-pack-config policy-pack/config/prod.json",
      "policyPacks: [\"policy-pack\"], policyPackConfigs: [\"policy-pack/config/prod.json\"]", "LocalWorkspace",
      "pulumi policy publish", "pulumi policy enable <org>/aws-platform latest --policy-group",
      "uses: pulumi/actions@v6", "policyPacks: policy-pack", "policyPackConfigs: policy-pack/config/prod.json",
    ]) assert.ok(readme.includes(text), `README lacks ${text}`);
    for (const file of readme.matchAll(/config\/([a-z]+)\.json/g)) assert.doesNotThrow(() => readFileSync(join(PACK, "config", `${file[1]}.json`)), file[0]);
  });

  it("publishes under the name its README gives", () => {
    assert.match(readFileSync(join(PACK, "index.ts"), "utf8"), /new PolicyPack\("aws-platform",/);
  });
});
