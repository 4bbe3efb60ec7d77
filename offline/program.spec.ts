import { strict as assert } from "node:assert";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { loadProgram, policyProfile, readProgram } from "./program";
import { runTarget } from "./runStack";

const ROOT = resolve(__dirname, "..");

function tempProgram(yaml: string, files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "program-"));
  writeFileSync(join(dir, "Pulumi.yaml"), yaml);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe("another program", () => {
  it("reads its project name and entry from Pulumi.yaml", () => {
    const p = readProgram(join(ROOT, "examples", "standalone"));
    assert.deepEqual([p.project, p.main], ["standalone", join(ROOT, "examples", "standalone", "index.ts")]);
  });

  it("takes index.ts when Pulumi.yaml names no main, and a directory's index.ts when main is one", () => {
    const plain = tempProgram("name: a\nruntime: nodejs\n", { "index.ts": "" });
    assert.equal(readProgram(plain).main, join(plain, "index.ts"));
    const nested = tempProgram("name: b\nruntime: nodejs\nmain: src\n", { "src/index.ts": "" });
    assert.equal(readProgram(nested).main, join(nested, "src", "index.ts"));
    assert.throws(() => readProgram(tempProgram("runtime: nodejs\n", {})), /no project name/);
  });

  it("calls an exported function on every run, as the language host does, and takes plain exports as outputs", async () => {
    const fn = tempProgram("name: f\n", { "index.ts": "let runs = 0;\nexport = async () => ({ runs: ++runs });\n" });
    assert.deepEqual(await loadProgram(join(fn, "index.ts"))(), { runs: 1 });
    assert.deepEqual(await loadProgram(join(fn, "index.ts"))(), { runs: 1 }, "the module is loaded afresh");
    const plain = tempProgram("name: g\n", { "index.ts": "export const answer = 42;\n" });
    assert.deepEqual(await loadProgram(join(plain, "index.ts"))(), { answer: 42 });
  });

  it("holds a program without platform:profile to the prod pack config, and one with it to its own", () => {
    assert.equal(policyProfile({ "aws:region": "us-west-2" }), "prod");
    assert.equal(policyProfile({ "platform:profile": "dev" }), "dev");
  });

  it("runs the program under the mock cloud with its project name in every URN", async () => {
    // Outside the repository the program names @pulumi/aws by path, as a program in it would resolve it.
    const aws = join(ROOT, "node_modules", "@pulumi", "aws");
    const dir = tempProgram("name: tiny\n", {
      "index.ts": `import * as aws from "${aws}";\nexport = async () => ({ arn: new aws.kms.Key("k", { enableKeyRotation: true }).arn });\n`,
      "Pulumi.dev.yaml": "config:\n  aws:region: eu-west-1\n",
    });
    const run = await runTarget({ stack: "dev", configFile: join(dir, "Pulumi.dev.yaml"), program: readProgram(dir) });
    assert.equal(run.error, undefined, run.error?.message);
    const key = run.resources.find((r) => r.type === "aws:kms/key:Key")!;
    assert.equal(key.urn, "urn:pulumi:dev::tiny::pulumi:pulumi:Stack$aws:kms/key:Key::k");
    assert.match(run.outputs.arn, /^arn:aws:kms:eu-west-1:/);
  });
});
