/**
 * The library's layout holds (issue 15): components/ is importable on its own, product code never
 * reaches into test/, and components/index.ts exports every component. Reads import specifiers
 * from the source, so it holds whatever the lint configuration says.
 */
import { strict as assert } from "node:assert";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import * as library from "../components";
import { ROOT } from "./helpers";

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (entry === "node_modules") return [];
    return statSync(path).isDirectory() ? tsFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

/** Top-level repository folders a file's relative imports land in. */
export function importedFolders(file: string, text = readFileSync(file, "utf8")): string[] {
  const specs = [...text.matchAll(/(?:from|import|require)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1]);
  return specs.map((s) => relative(ROOT, resolve(dirname(file), s)).split("/")[0]);
}

const offenders = (folder: string, forbidden: string[], include: (f: string) => boolean) =>
  tsFiles(join(ROOT, folder)).filter(include)
    .flatMap((f) => importedFolders(f).filter((t) => forbidden.includes(t)).map((t) => `${relative(ROOT, f)} -> ${t}/`));

const isSpec = (f: string) => f.endsWith(".spec.ts");

describe("library layout", () => {
  it("finds the folders an import reaches, at any depth", () => {
    const file = join(ROOT, "components", "edge", "x.ts");
    assert.deepEqual(importedFolders(file, `import { a } from "../../stacks/config/values";\nimport type { B } from "./routing";\nconst c = require("../../test/helpers");`), ["stacks", "components", "test"]);
  });

  it("no non-spec file under components/ imports stacks/, scripts/, offline/ or test/", () => {
    assert.deepEqual(offenders("components", ["stacks", "scripts", "offline", "test"], (f) => !isSpec(f)), []);
  });

  it("no spec beside the components imports stacks/: component specs use the presets or write Args out, as another program would", () => {
    assert.deepEqual(offenders("components", ["stacks"], isSpec), []);
  });

  it("no non-spec file under scripts/ or offline/ imports test/", () => {
    assert.deepEqual([...offenders("scripts", ["test"], (f) => !isSpec(f)), ...offenders("offline", ["test"], (f) => !isSpec(f))], []);
  });

  it("components/index.ts exports every ComponentResource class under components/", () => {
    const classes = tsFiles(join(ROOT, "components")).filter((f) => !isSpec(f))
      .flatMap((f) => [...readFileSync(f, "utf8").matchAll(/export class (\w+) extends pulumi\.ComponentResource/g)].map((m) => m[1]));
    const index = library as unknown as Record<string, unknown>;
    assert.ok(classes.length >= 13, `found only ${classes.length} component classes`);
    assert.deepEqual(classes.filter((c) => typeof index[c] !== "function").sort(), []);
  });
});
