/**
 * `npm run validate` end to end on small plans, with a stand-in linter (a script that prints what
 * cfn-lint would), so each exit code is shown without running cfn-lint itself.
 */
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RecordedResource } from "../offline/recorder";
import { ConfigError } from "../stacks/config/problems";
import { ROOT, UsageError } from "./stackArgs";
import { INSTALL_HINT, parseValidateArgs, validate } from "./validate";

const dir = mkdtempSync(join(tmpdir(), "validate-"));
const stackFile = join(dir, "Pulumi.small.yaml");
writeFileSync(stackFile, "config:\n  aws:region: us-west-2\n");

/** A stand-in for cfn-lint that prints `findings` as its JSON and exits with `code`. */
function fakeLinter(name: string, findings: unknown[], code = findings.length ? 4 : 0): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\ncat <<'JSON'\n${JSON.stringify(findings)}\nJSON\nexit ${code}\n`);
  chmodSync(path, 0o755);
  return path;
}

const finding = (rule: string, level: string, logicalId: string, property: string) => ({
  Rule: { Id: rule }, Level: level, Message: `${rule} says so`, Location: { Path: ["Resources", logicalId, "Properties", property], Start: { LineNumber: 3 } },
});

const sg: RecordedResource = {
  urn: "urn:pulumi:small::platform::aws:ec2/securityGroup:SecurityGroup::db-sg", type: "aws:ec2/securityGroup:SecurityGroup", name: "db-sg", custom: true,
  inputs: { description: "PostgreSQL", vpcId: "vpc-1" }, outputs: {}, dependencies: [], propertyDependencies: {}, protect: false, retainOnDelete: false,
};

async function run(resources: RecordedResource[] | Error, linter: string, file = stackFile): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await validate({ stack: "small", configFile: file }, {
    log: (l) => lines.push(l), linter, outDir: join(dir, "out"),
    evaluate: async () => (resources instanceof Error ? { resources: [], error: resources } : { resources }),
  });
  return { code, lines };
}

describe("npm run validate", () => {
  it("exits 0 when clean, the last line giving counts and coverage", async () => {
    const { code, lines } = await run([sg], fakeLinter("clean", []));
    assert.equal(code, 0);
    assert.equal(lines.at(-1), "validate: 0 errors, 0 warnings, 0 informational (0 allowlisted); 1 of 1 AWS resources translated");
  });

  it("exits 1 on a finding outside the allowlist, and names the rule, the resource and the property", async () => {
    const { code, lines } = await run([sg], fakeLinter("error", [finding("E3031", "Error", "DbSgSecurityGroup", "GroupDescription")]));
    assert.equal(code, 1);
    assert.ok(lines.includes("  E3031 error (us-west-2) AWS::EC2::SecurityGroup DbSgSecurityGroup.GroupDescription: E3031 says so"), lines.join("\n"));
    assert.equal(lines.at(-1), "validate: 1 errors, 0 warnings, 0 informational (0 allowlisted); 1 of 1 AWS resources translated");
  });

  it("counts warnings and informational findings as findings too", async () => {
    const { code, lines } = await run([sg], fakeLinter("info", [finding("W3005", "Warning", "DbSgSecurityGroup", "VpcId"), finding("I3011", "Informational", "DbSgSecurityGroup", "VpcId")]));
    assert.equal(code, 1);
    assert.match(lines.at(-1)!, /^validate: 0 errors, 1 warnings, 1 informational \(0 allowlisted\)/);
  });

  it("exits 0 when every finding is on the allowlist, and counts them", async () => {
    const subnet: RecordedResource = { ...sg, urn: `${sg.urn}-subnet`, type: "aws:ec2/subnet:Subnet", name: "a", inputs: { vpcId: "vpc-1", availabilityZone: "us-west-2a" } };
    const { code, lines } = await run([subnet], fakeLinter("allowed", [finding("W3010", "Warning", "ASubnet", "AvailabilityZone")]));
    assert.equal(code, 0);
    assert.match(lines.at(-1)!, /\(1 allowlisted\)/);
  });

  it("exits 1 when coverage is under the floor, even with no finding", async () => {
    const lambda: RecordedResource = { ...sg, urn: `${sg.urn}-fn`, type: "aws:lambda/function:Function", name: "fn", inputs: {} };
    const { code, lines } = await run([sg, lambda], fakeLinter("clean2", []));
    assert.equal(code, 1);
    assert.ok(lines.some((l) => /not translated: 1 aws:lambda\/function:Function/.test(l)));
    assert.match(lines.at(-1)!, /1 of 2 AWS resources translated$/);
  });

  it("exits 2 on a config error and on a missing stack file, 3 when the program fails", async () => {
    const problem = new ConfigError([{ key: "platform:profile", value: "qa", allowed: "dev, staging, prod" }]);
    assert.equal((await run(problem, fakeLinter("c1", []))).code, 2);
    assert.equal((await run([sg], fakeLinter("c2", []), join(dir, "Pulumi.absent.yaml"))).code, 2);
    const failed = await run(new Error("boom"), fakeLinter("c3", []));
    assert.deepEqual([failed.code, /The program failed: Error: boom/.test(failed.lines[0])], [3, true]);
  });

  it("exits 2 as the plan does on a stack file the CLI would misread: a YAML error at file:line:column, a misspelt top-level key", async () => {
    const broken = join(dir, "Pulumi.broken.yaml");
    writeFileSync(broken, "config:\n  aws:region: us-west-2\n  platform:profile: dev\n platform:name: x\n");
    const yaml = await run([sg], fakeLinter("y1", []), broken);
    assert.equal(yaml.code, 2);
    assert.match(yaml.lines[0], new RegExp(`^${broken.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:4:1: All mapping items must start at the same column`));
    const misspelt = join(dir, "Pulumi.confg.yaml");
    writeFileSync(misspelt, "confg:\n  aws:region: us-west-2\n");
    const key = await run([sg], fakeLinter("y2", []), misspelt);
    assert.equal(key.code, 2);
    assert.match(key.lines.join("\n"), /confg: got .*allowed: a top-level key of a stack file: config, .*; did you mean "config"\?/);
  });

  it("refuses an option it does not have (--stak) with the usage, and prints its exit codes for --help", () => {
    assert.throws(() => parseValidateArgs(["--stak", "dev"]), (e: Error) => e instanceof UsageError && /^unknown option --stak\nusage: npm run validate/.test(e.message));
    assert.deepEqual(parseValidateArgs(["--config", stackFile]), { stack: "small", configFile: stackFile });
    const r = spawnSync(process.execPath, ["-r", "./scripts/register.cjs", "scripts/validate.ts", "--help"], { cwd: ROOT, encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^usage: npm run validate -- --stack <name>.*\n\nExit codes: 0 clean, 1 findings .*, 4 cfn-lint missing\.$/m);
  });

  it("exits 3 when cfn-lint cannot lint a template, never reading that as clean", async () => {
    assert.equal((await run([sg], fakeLinter("broken", [], 1))).code, 3);
  });

  it("exits 4 and says how to install cfn-lint when it is not on the PATH", () => {
    const r = spawnSync(process.execPath, ["-r", "./scripts/register.cjs", "scripts/validate.ts", "--stack", "dev"], { cwd: ROOT, env: { ...process.env, PATH: dir }, encoding: "utf8" });
    assert.equal(r.status, 4, r.stderr);
    assert.match(r.stdout, new RegExp(INSTALL_HINT.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
    assert.match(INSTALL_HINT, /pip install cfn-lint/);
  });
});
