/**
 * `npm run destroy` without a Pulumi CLI or AWS: fake `pulumi` and `aws` executables on PATH record
 * their arguments and answer from files the test writes (states, bucket contents, images, recovery
 * points), the way scripts/pulumi.spec.ts tests the preview/up wrapper.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Io, confirmed, main, parseDestroyArgs } from "./destroy";
import { StateResource, teardownPlan } from "./teardown";

const FAKE_PULUMI = `
const fs = require("fs"), path = require("path");
const args = process.argv.slice(2), dir = process.env.FAKE_DIR;
fs.appendFileSync(path.join(dir, "calls.log"), JSON.stringify(["pulumi", ...args]) + "\\n");
const step = args.includes("--cwd") ? "kubernetes" : "aws";
const file = (n) => path.join(dir, n);
const read = (n, fallback) => (fs.existsSync(file(n)) ? fs.readFileSync(file(n), "utf8") : fallback);
if (args[0] === "stack" && args[1] === "ls") process.stdout.write(read("stacks-" + step + ".json", "[]"));
else if (args[0] === "stack" && args[1] === "export") process.stdout.write(read((fs.existsSync(file("failed-" + step)) ? "state-after-" : "state-") + step + ".json", "{}"));
else if (args[0] === "destroy" && fs.existsSync(file("fail-once-" + step)) && !fs.existsSync(file("failed-" + step))) {
  fs.writeFileSync(file("failed-" + step), "");
  for (const b of read("refill-" + step, "").split("\\n").filter(Boolean)) fs.writeFileSync(file("objects-" + b), "");
  process.stderr.write("error: deleting bucket: BucketNotEmpty\\n");
  process.exit(255);
}
`;

const FAKE_AWS = `
const fs = require("fs"), path = require("path");
const args = process.argv.slice(2), dir = process.env.FAKE_DIR;
fs.appendFileSync(path.join(dir, "calls.log"), JSON.stringify(["aws", ...args]) + "\\n");
const opt = (n) => args[args.indexOf(n) + 1];
const key = (k, v) => path.join(dir, k + "-" + String(v).replace(/[^A-Za-z0-9.-]/g, "_"));
const out = (o) => process.stdout.write(JSON.stringify(o));
const op = args[0] + " " + args[1];
if (op === "s3api list-object-versions") out(fs.existsSync(key("objects", opt("--bucket"))) ? { Versions: [{ Key: "a.pdf", VersionId: "v1" }], DeleteMarkers: [{ Key: "b.pdf", VersionId: "v2" }] } : {});
else if (op === "s3api delete-objects") {
  const body = JSON.parse(fs.readFileSync(opt("--delete").replace(/^file:\\/\\//, ""), "utf8"));
  if (body.Objects.length !== 2 || body.Quiet !== true) process.exit(3);
  fs.rmSync(key("objects", opt("--bucket")), { force: true });
  out({});
} else if (op === "ecr list-images") out({ imageIds: fs.existsSync(key("images", opt("--repository-name"))) ? [{ imageDigest: "sha256:1", imageTag: "v1" }] : [] });
else if (op === "ecr batch-delete-image") { fs.rmSync(key("images", opt("--repository-name")), { force: true }); out({ imageIds: [], failures: [] }); }
else if (op === "backup list-recovery-points-by-backup-vault") out({ RecoveryPoints: fs.existsSync(key("points", opt("--backup-vault-name"))) ? [{ RecoveryPointArn: "arn:aws:backup:us-west-2:123456789012:recovery-point:1" }] : [] });
else if (op === "backup delete-recovery-point") { fs.rmSync(key("points", opt("--backup-vault-name")), { force: true }); out({}); }
else out({});
`;

const ACCOUNT = "123456789012";

/** A stack's state as `pulumi stack export` writes it. */
function exported(stack: string, profile: "dev" | "prod"): { deployment: { resources: StateResource[] } } {
  const prod = profile === "prod";
  const urn = (type: string, name: string) => `urn:pulumi:${stack}::platform::${type}::${name}`;
  const provider = (name: string, region: string): StateResource => ({ urn: urn("pulumi:providers:aws", name), type: "pulumi:providers:aws", id: `id-${name}`, inputs: { region }, outputs: { region } });
  const main = provider("medsearch", "us-west-2");
  const replica = provider("medsearch-replica", "us-east-2");
  const on = (p: StateResource) => `${p.urn}::${p.id}`;
  const r = (type: string, name: string, outputs: Record<string, unknown>, extra: Partial<StateResource> = {}): StateResource =>
    ({ urn: urn(type, name), type, id: String(outputs.id ?? name), inputs: outputs, outputs, provider: on(main), protect: prod, ...extra });
  return {
    deployment: {
      resources: [
        { urn: `urn:pulumi:${stack}::platform::pulumi:pulumi:Stack::platform-${stack}`, type: "pulumi:pulumi:Stack" },
        main, replica,
        r("aws:s3/bucket:Bucket", "medsearch-storage-documents", { bucket: `medsearch-${stack}-documents` }),
        r("aws:s3/bucket:Bucket", "medsearch-storage-logs", { bucket: `medsearch-${stack}-logs` }),
        ...(prod ? [r("aws:s3/bucket:Bucket", "medsearch-storage-documents-replica", { bucket: `medsearch-${stack}-documents-replica` }, { provider: on(replica) })] : []),
        r("aws:ecr/repository:Repository", "medsearch-workloads-ecr-frontend", { name: `medsearch-${stack}/frontend` }, { protect: false }),
        r("aws:backup/vault:Vault", "medsearch-storage-vault", { name: "medsearch-storage-vault-87b5472" }),
        r("aws:rds/instance:Instance", "medsearch-database-primary", { identifier: "medsearch-database", deletionProtection: prod, skipFinalSnapshot: !prod, finalSnapshotIdentifier: prod ? "medsearch-database-final" : undefined, deleteAutomatedBackups: false, backupRetentionPeriod: 7 }),
        r("aws:eks/cluster:Cluster", "medsearch-cluster-eks-eksCluster", { name: `medsearch-${stack}`, deletionProtection: prod }, { protect: false }),
        r("aws:lb/loadBalancer:LoadBalancer", "medsearch-edge-lb", { arn: `arn:aws:elasticloadbalancing:us-west-2:${ACCOUNT}:loadbalancer/app/medsearch-edge-lb/1`, enableDeletionProtection: prod }, { protect: false }),
        r("aws:kms/key:Key", "medsearch-keys-data", { keyId: "1111-data", deletionWindowInDays: prod ? 30 : 7 }),
        r("aws:kms/alias:Alias", "medsearch-keys-data-alias", { name: "alias/medsearch-data", targetKeyId: "1111-data" }, { protect: false }),
        r("aws:secretsmanager/secret:Secret", "medsearch-cache-secret", { name: "medsearch-cache-secret-3c13adf", recoveryWindowInDays: prod ? 30 : 7 }),
      ],
    },
  };
}

const K8S_STATE = {
  deployment: {
    resources: [
      { urn: "urn:pulumi:s::platform-kubernetes::pulumi:pulumi:Stack::platform-kubernetes-s", type: "pulumi:pulumi:Stack" },
      { urn: "urn:pulumi:s::platform-kubernetes::kubernetes:helm.sh/v3:Release::medsearch-cluster-lbc", type: "kubernetes:helm.sh/v3:Release" },
    ],
  },
};

interface Run {
  code: number;
  lines: string[];
  calls: string[][];
}

describe("scripts/destroy (npm run destroy)", () => {
  let root: string;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "destroy-spec-"));
    const bin = path.join(root, "bin");
    fs.mkdirSync(bin);
    for (const [name, body] of [["pulumi", FAKE_PULUMI], ["aws", FAKE_AWS]]) fs.writeFileSync(path.join(bin, name), `#!${process.execPath}\n${body}`, { mode: 0o755 });
  });

  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  /** Writes the stack file and the fake backend, then runs the script in-process. */
  async function destroy(o: { stack: string; profile: "dev" | "prod"; state?: "dev" | "prod"; argv?: string[]; kubernetes?: boolean; io?: Partial<Io>; files?: Record<string, string> }): Promise<Run> {
    const file = path.join(root, `Pulumi.${o.stack}.yaml`);
    fs.writeFileSync(file, `config:\n  aws:region: us-west-2\n  platform:profile: ${o.profile}\n`);
    const write = (n: string, data: unknown) => fs.writeFileSync(path.join(root, n), typeof data === "string" ? data : JSON.stringify(data));
    write("stacks-aws.json", [{ name: o.stack }]);
    write("state-aws.json", exported(o.stack, o.state ?? o.profile));
    write("stacks-kubernetes.json", o.kubernetes === false ? [] : [{ name: `organization/platform-kubernetes/${o.stack}` }]);
    write("state-kubernetes.json", K8S_STATE);
    for (const n of [`objects-medsearch-${o.stack}-documents`, `objects-medsearch-${o.stack}-logs`, `images-medsearch-${o.stack}_frontend`, "points-medsearch-storage-vault-87b5472"]) write(n, "");
    for (const [n, v] of Object.entries(o.files ?? {})) write(n, v);
    const lines: string[] = [];
    const io: Io = { log: (l) => lines.push(...l.split("\n")), interactive: false, prompt: async () => "", ...o.io };
    const env = { PATH: path.join(root, "bin"), FAKE_DIR: root, INIT_CWD: root, PLATFORM_DESTROY_POLL_SECONDS: "0" };
    const code = await main(["--stack", o.stack, "--config-file", file, ...(o.argv ?? [])], env, io);
    const log = path.join(root, "calls.log");
    const calls = fs.existsSync(log) ? fs.readFileSync(log, "utf8").trim().split("\n").map((l) => JSON.parse(l) as string[]) : [];
    return { code, lines, calls };
  }

  const op = (c: string[]) => c.slice(0, c[0] === "aws" ? 3 : c[1] === "stack" || c[1] === "state" ? 3 : 2).join(" ");
  const mutating = (calls: string[][]) => calls.filter((c) => !/^(pulumi stack (ls|export)|aws \S+ (list-|wait))/.test(op(c)));

  it("tears dev down in order: the Kubernetes step, then the stores emptied, then the AWS step", async () => {
    const { code, calls, lines } = await destroy({ stack: "dev", profile: "dev" });
    assert.equal(code, 0, lines.join("\n"));
    assert.deepEqual(mutating(calls).map(op), [
      "pulumi destroy",
      "aws s3api delete-objects",
      "aws s3api delete-objects",
      "aws ecr batch-delete-image",
      "aws backup delete-recovery-point",
      "pulumi destroy",
    ]);
    const [k8s, aws] = calls.filter((c) => c[1] === "destroy");
    assert.deepEqual(k8s.slice(1), ["destroy", "--yes", "--skip-preview", "--cwd", "stacks/kubernetes", "--stack", "dev", "--config-file", path.join(root, "Pulumi.dev.yaml")]);
    assert.deepEqual(aws.slice(1), ["destroy", "--yes", "--skip-preview", "--stack", "dev", "--config-file", path.join(root, "Pulumi.dev.yaml")]);
    // Every version and delete marker of both buckets, in the stack's region; nothing to unprotect or unlock in dev.
    assert.deepEqual(calls.filter((c) => op(c) === "aws s3api delete-objects").map((c) => [c[c.indexOf("--bucket") + 1], c[c.indexOf("--region") + 1]]), [["medsearch-dev-documents", "us-west-2"], ["medsearch-dev-logs", "us-west-2"]]);
    assert.ok(!calls.some((c) => c[1] === "state" || c[1] === "rds" || c[1] === "eks" || c[1] === "elbv2"));
    assert.ok(lines.some((l) => /KMS key alias\/medsearch-data \(1111-data, us-west-2\): pending deletion for 7 days/.test(l)), lines.join("\n"));
    assert.ok(lines.some((l) => /RDS retained automated backups of medsearch-database: kept for their retention period \(7 days\)/.test(l)));
    assert.ok(!lines.some((l) => /final snapshot/.test(l)), "dev takes no final snapshot");
  });

  it("refuses a prod-profile stack without the name twice, before changing anything", async () => {
    for (const argv of [[], ["--confirm", "prod"], ["--confirm", "prod", "--confirm", "prd"]]) {
      fs.rmSync(path.join(root, "calls.log"), { force: true });
      const { code, calls, lines } = await destroy({ stack: "prod", profile: "prod", argv });
      assert.equal(code, 1);
      assert.deepEqual(mutating(calls), [], argv.join(" "));
      assert.ok(lines.some((l) => /^Refusing: .*--confirm prod --confirm prod/.test(l)), lines.join("\n"));
    }
  });

  it("takes the profile from the stack file, not the name", async () => {
    const sandbox = await destroy({ stack: "sandbox", profile: "prod", state: "dev" });
    assert.equal(sandbox.code, 1, "a stack named sandbox with profile prod is guarded");
    fs.rmSync(path.join(root, "calls.log"), { force: true });
    const prodNamed = await destroy({ stack: "prod", profile: "dev", state: "dev" });
    assert.equal(prodNamed.code, 0, prodNamed.lines.join("\n"));
  });

  it("lists what prod loses before it unprotects, turns deletion protection off, then destroys (--confirm twice)", async () => {
    const { code, calls, lines } = await destroy({ stack: "prod", profile: "prod", argv: ["--confirm", "prod", "--confirm", "prod"] });
    assert.equal(code, 0, lines.join("\n"));
    const listing = lines.findIndex((l) => l.startsWith("Teardown of stack prod."));
    const snapshot = lines.findIndex((l) => /RDS final snapshot medsearch-database-final of medsearch-database: kept until you delete it/.test(l));
    const key = lines.findIndex((l) => /KMS key alias\/medsearch-data .*pending deletion for 30 days.*can never be read/.test(l));
    const backups = lines.findIndex((l) => /RDS retained automated backups of medsearch-database/.test(l));
    assert.ok(listing >= 0 && snapshot > listing && key > listing && backups > listing, lines.join("\n"));
    assert.ok(lines.some((l) => /Secrets Manager secret medsearch-cache-secret-3c13adf: pending deletion for 30 days/.test(l)));
    assert.ok(lines.some((l) => /S3 bucket medsearch-prod-documents-replica \(us-east-2\)/.test(l)), "the replica bucket, in its own region");
    assert.deepEqual(mutating(calls).map(op), [
      "pulumi destroy",
      "aws rds modify-db-instance",
      "aws eks update-cluster-config",
      "aws elbv2 modify-load-balancer-attributes",
      "pulumi state unprotect",
      "aws s3api delete-objects",
      "aws s3api delete-objects",
      "aws ecr batch-delete-image",
      "aws backup delete-recovery-point",
      "pulumi destroy",
    ]);
    const unprotect = calls.find((c) => c[1] === "state")!;
    assert.deepEqual(unprotect.slice(1), ["state", "unprotect", "--all", "--yes", "--stack", "prod"]);
    assert.ok(calls.find((c) => op(c) === "aws rds modify-db-instance")!.includes("--no-deletion-protection"));
    assert.ok(calls.find((c) => op(c) === "aws eks update-cluster-config")!.includes("--no-deletion-protection"));
    assert.ok(calls.find((c) => op(c) === "aws elbv2 modify-load-balancer-attributes")!.includes("Key=deletion_protection.enabled,Value=false"));
  });

  it("goes on for prod when the name is typed twice at a terminal prompt, and not when it is mistyped", async () => {
    const answers = ["prod", "prod"];
    const ok = await destroy({ stack: "prod", profile: "prod", io: { interactive: true, prompt: async () => answers.shift()! } });
    assert.equal(ok.code, 0, ok.lines.join("\n"));
    fs.rmSync(path.join(root, "calls.log"), { force: true });
    const wrong = ["prod", "dev"];
    const refused = await destroy({ stack: "prod", profile: "prod", io: { interactive: true, prompt: async () => wrong.shift()! } });
    assert.equal(refused.code, 1);
    assert.deepEqual(mutating(refused.calls), []);
  });

  it("empties a bucket log delivery filled again during destroy, and destroys once more", async () => {
    const { code, calls, lines } = await destroy({
      stack: "dev", profile: "dev", kubernetes: false,
      files: { "fail-once-aws": "", "refill-aws": "medsearch-dev-logs", "state-after-aws.json": JSON.stringify({ deployment: { resources: exported("dev", "dev").deployment.resources.filter((r) => r.type.startsWith("pulumi:") || r.outputs?.bucket === "medsearch-dev-logs") } }) },
    });
    assert.equal(code, 0, lines.join("\n"));
    assert.deepEqual(mutating(calls).map(op).slice(-3), ["pulumi destroy", "aws s3api delete-objects", "pulumi destroy"]);
    assert.ok(lines.some((l) => /log delivery may have written to them meanwhile/.test(l)));
  });

  it("destroys only the AWS step with --step aws, and refuses while the Kubernetes step still has objects", async () => {
    const refused = await destroy({ stack: "dev", profile: "dev", argv: ["--step", "aws"] });
    assert.equal(refused.code, 1);
    assert.ok(refused.lines.some((l) => l.includes("npm run destroy -- --stack dev --step kubernetes")), refused.lines.join("\n"));
    assert.deepEqual(mutating(refused.calls), []);
    fs.rmSync(path.join(root, "calls.log"), { force: true });
    const ok = await destroy({ stack: "dev", profile: "dev", argv: ["--step", "aws"], kubernetes: false });
    assert.equal(ok.code, 0, ok.lines.join("\n"));
    assert.equal(mutating(ok.calls).filter((c) => c[1] === "destroy").length, 1);
  });

  it("destroys only the Kubernetes step with --step kubernetes, for the runner's job", async () => {
    const { code, calls } = await destroy({ stack: "dev", profile: "dev", argv: ["--step", "kubernetes"] });
    assert.equal(code, 0);
    assert.deepEqual(mutating(calls).map((c) => c.slice(1, 6)), [["destroy", "--yes", "--skip-preview", "--cwd", "stacks/kubernetes"]]);
  });

  it("parses its arguments and names what it needs", () => {
    assert.deepEqual(parseDestroyArgs(["--stack", "prod", "--confirm", "prod", "--confirm=prod"]), { stack: "prod", confirmations: ["prod", "prod"] });
    assert.throws(() => parseDestroyArgs([]), /--stack <name> is required/);
    assert.throws(() => parseDestroyArgs(["--stack", "dev", "--yes"]), /unknown option "--yes"/);
    assert.throws(() => parseDestroyArgs(["--stack", "dev", "--step", "all"]), /unknown step "all"/);
    assert.equal(confirmed("prod", ["prod", " prod "]), true);
    assert.equal(confirmed("prod", ["prod"]), false);
  });

  it("plans nothing to empty or unlock for an empty state", () => {
    const plan = teardownPlan({ deployment: { resources: [] } }, "us-west-2");
    assert.deepEqual([plan.buckets, plan.repositories, plan.vaults, plan.deletionProtection, plan.protectedUrns, plan.leftBehind], [[], [], [], [], [], []]);
  });
});
