import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
  INSTALL_URL,
  PROFILE_KEY,
  UsageError,
  WrapperError,
  buildCommand,
  cliMissingMessage,
  findExecutable,
  parseArgs,
  readProfile,
  stackFilePath,
} from "./pulumi";

const REPO_ROOT = path.resolve(__dirname, "..");

function stackYaml(profile: string): string {
  return `config:\n  ${PROFILE_KEY}: ${profile}\n  aws:region: eu-west-1\n`;
}

describe("scripts/pulumi (preview/up wrapper)", () => {
  describe("command building", () => {
    it("passes the dev policy config for a dev-profile stack", () => {
      const args = parseArgs(["preview", "--stack", "dev"]);
      const profile = readProfile(stackYaml("dev"), "Pulumi.dev.yaml");
      assert.deepEqual(buildCommand(args, profile), [
        "pulumi",
        "preview",
        "--stack",
        "dev",
        "--policy-pack",
        "policy-pack",
        "--policy-pack-config",
        "policy-pack/config/dev.json",
      ]);
    });

    it("passes the prod policy config for a prod-profile stack, without adding --yes", () => {
      const args = parseArgs(["up", "--stack", "prod"]);
      const profile = readProfile(stackYaml("prod"), "Pulumi.prod.yaml");
      const command = buildCommand(args, profile);
      assert.deepEqual(command, [
        "pulumi",
        "up",
        "--stack",
        "prod",
        "--policy-pack",
        "policy-pack",
        "--policy-pack-config",
        "policy-pack/config/prod.json",
      ]);
      assert.ok(!command.includes("--yes"));
    });

    it("takes the policy config from the profile, not the stack name", () => {
      const args = parseArgs(["preview", "--stack", "qa"]);
      const command = buildCommand(args, readProfile(stackYaml("staging"), "Pulumi.qa.yaml"));
      assert.equal(command[command.indexOf("--policy-pack-config") + 1], "policy-pack/config/staging.json");
    });

    it("passes --config-file through", () => {
      for (const argv of [
        ["preview", "--stack", "shop", "--config-file", "examples/shop/Pulumi.shop.yaml"],
        ["preview", "--config-file=examples/shop/Pulumi.shop.yaml", "--stack=shop"],
      ]) {
        const args = parseArgs(argv);
        assert.equal(args.configFile, "examples/shop/Pulumi.shop.yaml");
        assert.deepEqual(buildCommand(args, "dev").slice(-2), ["--config-file", "examples/shop/Pulumi.shop.yaml"]);
      }
    });

    it("runs the Kubernetes step's project in its own directory, on the same stack file and policy pack", () => {
      const args = parseArgs(["up", "--stack", "prod", "--step", "kubernetes"]);
      assert.equal(args.step, "kubernetes");
      assert.deepEqual(buildCommand(args, "prod"), [
        "pulumi",
        "up",
        "--cwd",
        "stacks/kubernetes",
        "--stack",
        "prod",
        "--policy-pack",
        "../../policy-pack",
        "--policy-pack-config",
        "../../policy-pack/config/prod.json",
        "--config-file",
        "../../Pulumi.prod.yaml",
      ]);
      // A qualified stack name still reads the file named after its last segment; an absolute --config-file stays as it is.
      assert.deepEqual(buildCommand(parseArgs(["preview", "--stack", "acme/platform-kubernetes/dev", "--step=kubernetes"]), "dev").slice(-2), ["--config-file", "../../Pulumi.dev.yaml"]);
      assert.deepEqual(buildCommand(parseArgs(["preview", "--stack", "x", "--step", "kubernetes", "--config-file", "/abs/Pulumi.x.yaml"]), "dev").slice(-2), ["--config-file", "/abs/Pulumi.x.yaml"]);
    });

    it("runs the AWS step by default, and refuses an unknown step", () => {
      assert.deepEqual(buildCommand(parseArgs(["up", "--stack", "dev", "--step", "aws"]), "dev"), buildCommand(parseArgs(["up", "--stack", "dev"]), "dev"));
      assert.throws(() => parseArgs(["up", "--stack", "dev", "--step", "helm"]), /unknown step "helm"; expected one of aws, kubernetes/);
      assert.throws(() => parseArgs(["up", "--stack", "dev", "--step", "aws", "--step", "kubernetes"]), /--step given more than once/);
    });

    it("passes extra arguments after -- through verbatim and in order", () => {
      const args = parseArgs(["up", "--stack", "dev", "--", "--yes", "--diff", "--target", "urn:a b"]);
      assert.deepEqual(args.extraArgs, ["--yes", "--diff", "--target", "urn:a b"]);
      assert.deepEqual(buildCommand(args, "dev").slice(-4), ["--yes", "--diff", "--target", "urn:a b"]);
    });
  });

  describe("argument parsing", () => {
    it("rejects an unknown subcommand", () => {
      assert.throws(() => parseArgs(["destroy", "--stack", "dev"]), (err: Error) => {
        assert.ok(err instanceof UsageError);
        assert.match(err.message, /unknown subcommand "destroy"/);
        return true;
      });
      assert.throws(() => parseArgs([]), UsageError);
    });

    it("requires --stack with a value", () => {
      assert.throws(() => parseArgs(["preview"]), /--stack <name> is required/);
      assert.throws(() => parseArgs(["preview", "--stack"]), /--stack needs a value/);
      assert.throws(() => parseArgs(["preview", "--stack", "--", "x"]), /--stack needs a value/);
    });

    it("asks for unknown options to go after --", () => {
      assert.throws(() => parseArgs(["up", "--stack", "dev", "--yes"]), /put extra pulumi arguments after "--"/);
    });

    it("refuses extra arguments that would override the stack or the policy pack", () => {
      for (const flag of ["--stack", "-s", "--config-file=x.yaml", "--policy-pack", "--policy-pack-config=none.json", "--cwd", "-C", "--cwd=stacks"]) {
        assert.throws(() => parseArgs(["up", "--stack", "dev", "--", flag, "other"]), UsageError, flag);
      }
    });

    it("rejects stack names that are not Pulumi stack names", () => {
      assert.throws(() => parseArgs(["preview", "--stack", "../etc"]), /invalid stack name/);
    });
  });

  describe("stack file and profile", () => {
    it("uses Pulumi.<name>.yaml at the repo root, or the --config-file path", () => {
      assert.equal(stackFilePath("/repo", "dev"), path.join("/repo", "Pulumi.dev.yaml"));
      assert.equal(stackFilePath("/repo", "acme/platform/prod"), path.join("/repo", "Pulumi.prod.yaml"));
      assert.equal(stackFilePath("/repo", "dev", "x/Pulumi.x.yaml", "/work"), path.resolve("/work", "x/Pulumi.x.yaml"));
    });

    it("reads each known profile", () => {
      for (const profile of ["dev", "staging", "prod"]) {
        assert.equal(readProfile(stackYaml(profile), "f.yaml"), profile);
      }
    });

    it("names the key and the file when the profile is missing", () => {
      for (const text of ["config:\n  aws:region: eu-west-1\n", "encryptionsalt: abc\n", ""]) {
        assert.throws(() => readProfile(text, "Pulumi.dev.yaml"), (err: Error) => {
          assert.ok(err instanceof WrapperError);
          assert.match(err.message, /^Pulumi\.dev\.yaml: /);
          assert.ok(err.message.includes(`"${PROFILE_KEY}" is missing`), err.message);
          assert.ok(!err.message.includes("\n"));
          return true;
        });
      }
    });

    it("names the key, the file and the bad value when the profile is invalid", () => {
      for (const [value, shown] of [["production", '"production"'], ["3", "3"], ["{ secure: abc }", '{"secure":"abc"}']]) {
        assert.throws(() => readProfile(stackYaml(value), "Pulumi.prod.yaml"), (err: Error) => {
          assert.ok(err instanceof WrapperError);
          assert.ok(err.message.startsWith("Pulumi.prod.yaml: "), err.message);
          assert.ok(err.message.includes(`"${PROFILE_KEY}" must be one of dev, staging, prod`), err.message);
          assert.ok(err.message.endsWith(`got ${shown}`), err.message);
          return true;
        });
      }
    });

    it("reports unparsable YAML on one line with the file name", () => {
      assert.throws(() => readProfile("config: [unclosed\n", "Pulumi.dev.yaml"), (err: Error) => {
        assert.match(err.message, /^Pulumi\.dev\.yaml: not valid YAML/);
        assert.ok(!err.message.includes("\n"));
        return true;
      });
    });
  });

  describe("Pulumi CLI detection", () => {
    let dir: string;

    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-wrapper-bin-"));
    });

    after(() => {
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it("finds nothing on an empty PATH, and the message points at npm run plan", () => {
      assert.equal(findExecutable("pulumi", "", "linux"), undefined);
      assert.equal(findExecutable("pulumi", undefined, "linux"), undefined);
      const message = cliMissingMessage("dev");
      assert.match(message, /Pulumi CLI is not installed/);
      assert.ok(message.includes("npm run plan -- --stack dev"));
      assert.ok(message.includes(INSTALL_URL));
      assert.ok(
        cliMissingMessage("shop", "/x/Pulumi.shop.yaml").includes("npm run plan -- --stack shop --config /x/Pulumi.shop.yaml"),
      );
      assert.ok(cliMissingMessage("dev", undefined, "kubernetes").includes("npm run plan -- --stack dev --step kubernetes"));
    });

    it("finds an executable pulumi and skips non-executable files", () => {
      const exe = path.join(dir, "pulumi");
      fs.writeFileSync(exe, "#!/bin/sh\n", { mode: 0o644 });
      if (process.platform !== "win32") {
        assert.equal(findExecutable("pulumi", dir, "linux"), undefined);
      }
      fs.chmodSync(exe, 0o755);
      assert.equal(findExecutable("pulumi", `/nonexistent:${dir}`, "linux"), exe);
    });

    it("uses PATHEXT on Windows", () => {
      const exe = path.join(dir, "pulumi.EXE");
      fs.writeFileSync(exe, "");
      assert.equal(findExecutable("pulumi", dir, "win32", ".COM;.EXE"), exe);
    });
  });

  describe("end to end with a stand-in Pulumi CLI", () => {
    let bin: string;
    let seen: string;

    before(() => {
      bin = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-wrapper-fake-"));
      seen = path.join(bin, "seen.json");
      // Records its arguments and the pack config it was handed (read now: the wrapper's file is temporary).
      const body = `const fs = require("node:fs"); const args = process.argv.slice(2); const i = args.indexOf("--policy-pack-config");
const cwd = args[args.indexOf("--cwd") + 1]; const file = require("node:path").resolve(args.includes("--cwd") ? cwd : ".", args[i + 1]);
fs.writeFileSync(${JSON.stringify(seen)}, JSON.stringify({ args, packConfig: JSON.parse(fs.readFileSync(file, "utf8")) }));`;
      fs.writeFileSync(path.join(bin, "pulumi"), `#!${process.execPath}\n${body}\n`, { mode: 0o755 });
    });

    after(() => fs.rmSync(bin, { recursive: true, force: true }));

    const wrap = (...argv: string[]) => {
      const r = spawnSync(process.execPath, ["-r", "./scripts/register.cjs", "scripts/pulumi.ts", ...argv], { cwd: REPO_ROOT, env: { ...process.env, PATH: bin }, encoding: "utf8" });
      assert.equal(r.status, 0, r.stderr);
      return JSON.parse(fs.readFileSync(seen, "utf8")) as { args: string[]; packConfig: Record<string, any> };
    };
    const BUDGET = "budgets-require-estimate-within-limit";

    it("hands the AWS step's budget guard the stack's estimate in a temporary pack config", function () {
      this.timeout(120000);
      const { args, packConfig } = wrap("preview", "--stack", "dev");
      assert.deepEqual(args.slice(0, 3), ["preview", "--stack", "dev"]);
      assert.ok(path.isAbsolute(args[args.indexOf("--policy-pack-config") + 1]));
      assert.ok(packConfig[BUDGET].estimate.monthlyUsd > 0, JSON.stringify(packConfig[BUDGET]));
    });

    it("runs the Kubernetes step, which declares no Budget, with the profile's pack config from its project directory", function () {
      this.timeout(60000);
      const { args, packConfig } = wrap("preview", "--stack", "dev", "--step", "kubernetes");
      assert.deepEqual(args.slice(0, 4), ["preview", "--cwd", "stacks/kubernetes", "--stack"]);
      assert.equal(args[args.indexOf("--policy-pack-config") + 1], "../../policy-pack/config/dev.json");
      assert.deepEqual(packConfig, JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "policy-pack/config/dev.json"), "utf8")));
    });
  });

  describe("end to end without the Pulumi CLI", () => {
    let dir: string;
    let emptyBin: string;

    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-wrapper-stack-"));
      emptyBin = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-wrapper-path-"));
      fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), stackYaml("dev"));
    });

    after(() => {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(emptyBin, { recursive: true, force: true });
    });

    it("exits 1 and prints the plan hint when pulumi is not on PATH", () => {
      // Same as `npm run preview -- ...`, but node is named by absolute path:
      // npm needs `sh` on PATH, and the node directory could itself hold a
      // pulumi binary. An empty PATH directory guarantees the CLI is absent on
      // every machine.
      const result = spawnSync(
        process.execPath,
        [
          "-r",
          "./scripts/register.cjs",
          "scripts/pulumi.ts",
          "preview",
          "--stack",
          "dev",
          "--config-file",
          path.join(dir, "Pulumi.dev.yaml"),
        ],
        { cwd: REPO_ROOT, env: { ...process.env, PATH: emptyBin }, encoding: "utf8" },
      );
      assert.equal(result.error, undefined);
      assert.equal(result.status, 1, result.stderr);
      assert.match(result.stderr, /Pulumi CLI is not installed/);
      assert.ok(
        result.stderr.includes(`npm run plan -- --stack dev --config ${path.join(dir, "Pulumi.dev.yaml")}`),
        result.stderr,
      );
      assert.ok(result.stderr.includes(INSTALL_URL), result.stderr);
    });
  });
});
