/**
 * The mistakes a new user makes in a stack file (issue 18), each with the exit code the plan gives
 * and the message it prints: the key, the bad value, what is allowed and the suggestion. Rows run in
 * process through the plan (a config error stops before the program runs, so most rows take
 * milliseconds); a few spawn `npm run plan` to prove the exit codes end to end.
 */
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Cache } from "../components/data/cache";
import { runComponent } from "../offline/runStack";
import { parsePlanArgs, plan } from "../scripts/plan";
import { runFailure } from "../scripts/stackArgs";
import { ROOT } from "./helpers";

interface Outcome {
  code: number;
  text: string;
}

interface Mistake {
  what: string;
  run: () => Promise<Outcome>;
  code: 0 | 1 | 2 | 3;
  /** The key the message names, and the value it shows for it (as printed, after "got "). */
  key?: string;
  value?: string;
  /** What the message says is allowed. */
  allowed?: RegExp;
  /** The "did you mean" suggestion, as printed. */
  suggestion?: string;
  /** Other text the output must hold. */
  says?: RegExp[];
  /** Text the output must not hold (a ciphertext, say). */
  never?: RegExp[];
  /** How many config problems are listed. */
  problems?: number;
}

const STACK_TRACE = /^\s+at .+:\d+:\d+\)?$/m;
const dir = mkdtempSync(join(tmpdir(), "mistakes-"));
const base = (name: string) => readFileSync(join(ROOT, name), "utf8");
const DEV = base("Pulumi.dev.yaml");
const PROD = base("Pulumi.prod.yaml");
const ECS = base("examples/Pulumi.ecsai.yaml");

/** A passphrase ciphertext (v1:<12-byte nonce>:<ciphertext>) and a cloud one (base64), as the CLI writes them. */
const CIPHERTEXT = `v1:${Buffer.alloc(12, 7).toString("base64")}:${Buffer.alloc(40, 9).toString("base64")}`;
const CLOUD_CIPHERTEXT = Buffer.alloc(43, 5).toString("base64");

/** `text` with `from` replaced once by `to`; fails when `from` is not there, so a row never tests nothing. */
function edit(text: string, from: string | RegExp, to: string): string {
  assert.ok(typeof from === "string" ? text.includes(from) : from.test(text), `the base stack file has no ${String(from)}`);
  return text.replace(from, to);
}

let n = 0;
async function planYaml(yaml: string): Promise<Outcome> {
  const file = join(dir, `Pulumi.mistake${++n}.yaml`);
  writeFileSync(file, yaml);
  const lines: string[] = [];
  try {
    return { code: await plan(parsePlanArgs(["--config", file]), (l) => lines.push(l)), text: lines.join("\n") };
  } catch (e) {
    const f = runFailure(e, file);
    return { code: f.code, text: [...lines, f.message].join("\n") };
  }
}

const planned = (yaml: string) => () => planYaml(yaml);

/** A direct caller's program (not the stack file), failing as the plan reports it. */
async function program(fn: () => void): Promise<Outcome> {
  const run = await runComponent(async () => fn());
  assert.ok(run.error, "expected the program to fail");
  const f = runFailure(run.error);
  return { code: f.code, text: f.message };
}

/** A direct caller's cache, as a library user writes it: the network, and every setting left to its default. */
const cacheArgs = {
  vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-p1", "subnet-p2"], clientSecurityGroupIds: ["sg-0nodes000000000000"],
  availabilityZones: ["us-west-2a", "us-west-2b"],
};

const MISTAKES: Mistake[] = [
  // --- The mistakes issue 18 lists ---
  {
    what: "a node instance type that does not exist (t3.mega)",
    run: planned(edit(DEV, '    kubernetesVersion: "1.35"\n', '    kubernetesVersion: "1.35"\n    nodeGroups:\n      application:\n        instanceTypes: [t3.mega]\n')),
    code: 2, key: "platform:cluster.nodeGroups.application.instanceTypes[0]", value: '"t3.mega"', allowed: /an EC2 instance type offered in us-west-2 .*t3 sizes: .*medium/, suggestion: '"t3.medium"',
  },
  {
    what: "an RDS engine version that does not exist (17.99)",
    run: planned(edit(DEV, 'engineVersion: "17"', 'engineVersion: "17.99"')),
    code: 2, key: "platform:database.engineVersion", value: '"17.99"', allowed: /a minor RDS creates instances on: 17\.5 to 17\.9/, suggestion: '"17.9"',
  },
  {
    what: "a region that does not exist (us-west-9)",
    run: planned(edit(DEV, "aws:region: us-west-2", "aws:region: us-west-9")),
    code: 2, key: "aws:region", value: '"us-west-9"', allowed: /an AWS region such as us-east-1/, suggestion: '"us-west-1" or "us-west-2"',
  },
  {
    what: "a cache node type misspelt (cache.t4g.smal)",
    run: planned(edit(DEV, '    engine: valkey\n', "    engine: valkey\n    nodeType: cache.t4g.smal\n")),
    code: 2, key: "platform:cache.nodeType", value: '"cache.t4g.smal"', allowed: /an ElastiCache node type offered in us-west-2/, suggestion: '"cache.t4g.small"',
  },
  {
    what: "pinned AZs of another region",
    run: planned(edit(DEV, "    azCount: 2\n", "    azCount: 2\n    availabilityZones: [eu-west-1a, eu-west-1b]\n")),
    code: 2, key: "platform:network.availabilityZones[0]", value: '"eu-west-1a"', allowed: /an AZ of us-west-2: us-west-2a, us-west-2b, us-west-2c, us-west-2d/, suggestion: '"us-west-2a"',
  },
  {
    what: "a misspelt namespace (platfrom:database), whose settings would be silently dropped",
    run: planned(edit(DEV, "  platform:database:\n", "  platfrom:database:\n")),
    code: 2, key: "platfrom:database", allowed: /a key of a namespace the program reads \(platform, pulumi, aws/, suggestion: '"platform:database"',
  },
  {
    what: "an RDS instance class that does not exist (db.t3.mega), without a stack trace",
    run: planned(edit(DEV, /instanceClass: \S+/, "instanceClass: db.t3.mega")),
    code: 2, key: "platform:database.instanceClass", value: '"db.t3.mega"', allowed: /an RDS instance class offered for PostgreSQL 17 in us-west-2/, suggestion: '"db.t3.medium"',
  },
  {
    what: "a prod stack with one AZ pinned three times: a config error (2), not a violation (1), no stack trace",
    run: planned(edit(PROD, "    azCount: 3\n", "    azCount: 3\n    availabilityZones: [us-west-2a, us-west-2a, us-west-2a]\n")),
    code: 2, key: "platform:network.availabilityZones", allowed: /3 distinct AZs of us-west-2 .*us-west-2a is listed more than once/, suggestion: '"[us-west-2a, us-west-2b, us-west-2c]"',
  },
  {
    what: "an unknown profile (production): one problem, not one per key",
    run: planned(edit(DEV, "platform:profile: dev", "platform:profile: production")),
    code: 2, key: "platform:profile", value: '"production"', allowed: /one of "dev", "staging", "prod"/, suggestion: '"prod"', problems: 1,
  },
  {
    what: "a secure webhook URL (pulumi config set --secret): planned, the ciphertext never printed",
    run: planned(edit(DEV, "warning: { emails: [platform-team@example.com], httpsUrls: [] }", `warning: { emails: [platform-team@example.com], httpsUrls: [{ secure: "${CIPHERTEXT}" }] }`)),
    code: 0, says: [/Policy violations: 0 mandatory/], never: [new RegExp(CIPHERTEXT.slice(3, 20).replace(/[+/]/g, "\\$&"))],
  },
  {
    what: "a version written as a number (engineVersion: 17), with the exact quoting hint",
    run: planned(edit(DEV, 'engineVersion: "17"', "engineVersion: 17")),
    code: 2, key: "platform:database.engineVersion", value: "17",
    allowed: /a string: write engineVersion: "17" in the stack file \(unquoted, YAML reads a version as a number, and 7\.10 as 7\.1\), or set it with pulumi config set --path --type string platform:database\.engineVersion 17/,
  },
  {
    what: "a YAML syntax error, named by file, line and column",
    run: planned(edit(DEV, "    azCount: 2\n", "    azCount: 2\n   natGateways: [single\n")),
    code: 2, says: [/Pulumi\.mistake\d+\.yaml:17:1: All mapping items must start at the same column/],
  },
  {
    what: "prod logs kept 30 days: one line for all (16 or more) log groups, naming platform:logging.retentionDays",
    run: planned(edit(PROD, "retentionDays: 90", "retentionDays: 30")),
    code: 1,
    says: [
      /^Policy violations: (1[6-9]|[2-9]\d) mandatory, 0 advisory\.\n {2}\[mandatory\] cloudwatch-configure-log-group-retention, \1 resources: Log group keeps records 30 days/m,
      /^ {6}fix: set platform:logging\.retentionDays to at least 90 \(the stack has 30\)$/m,
    ],
  },
  // --- Other mistakes of the same kinds ---
  {
    what: "a misspelt top-level key of the stack file (confg:)",
    run: planned(edit(DEV, "config:\n", "confg:\n  x: 1\nconfig:\n")),
    code: 2, key: "confg", allowed: /a top-level key of a stack file: config, environment, secretsprovider/, suggestion: '"config"',
  },
  {
    what: "a misspelt section (platform:databse)",
    run: planned(edit(DEV, "  platform:database:\n", "  platform:databse:\n")),
    code: 2, key: "platform:databse", allowed: /no such key; known keys are platform:profile/, suggestion: '"platform:database"',
  },
  {
    what: "a nested key set without --path (platform:database.instanceClass at the top)",
    run: planned(edit(DEV, "  platform:messaging:\n", "  platform:database.instanceClass: db.t3.large\n  platform:messaging:\n")),
    code: 2, key: "platform:database.instanceClass", value: '"db.t3.large"', allowed: /a nested key is set with --path, as pulumi config set --path 'platform:database\.instanceClass' <value>/,
  },
  {
    what: "a misspelt nested key (instanceClas)",
    run: planned(edit(DEV, /instanceClass: (\S+)/, "instanceClas: $1")),
    code: 2, key: "platform:database.instanceClas", allowed: /no such key/, suggestion: '"platform:database.instanceClass"',
  },
  {
    what: "a value outside an enumeration (natGateways: perAz)",
    run: planned(edit(DEV, "natGateways: instance", "natGateways: perAz")),
    code: 2, key: "platform:network.natGateways", value: '"perAz"', allowed: /one of "none", "single", "onePerAz", "instance"/, suggestion: '"onePerAz"',
  },
  {
    what: "a Kubernetes version out of EKS standard support (1.34)",
    run: planned(edit(DEV, 'kubernetesVersion: "1.35"', 'kubernetesVersion: "1.34"')),
    code: 2, key: "platform:cluster.kubernetesVersion", value: '"1.34"', allowed: /a version in EKS standard support: 1\.35 \(standard support until 2027-03-27\), 1\.36/,
  },
  {
    what: "a Kubernetes version written as a number (1.35)",
    run: planned(edit(DEV, 'kubernetesVersion: "1.35"', "kubernetesVersion: 1.35")),
    code: 2, key: "platform:cluster.kubernetesVersion", value: "1.35", allowed: /write kubernetesVersion: "1\.35" in the stack file/,
  },
  {
    what: "a RabbitMQ version written as a number (4.2)",
    run: planned(edit(DEV, "    engine: none\n", "    engine: rabbitmq\n    rabbitmq: { engineVersion: 4.2 }\n")),
    code: 2, key: "platform:messaging.rabbitmq.engineVersion", value: "4.2", allowed: /write engineVersion: "4\.2" in the stack file/,
  },
  {
    what: "a Kafka version without its .x (3.9)",
    run: planned(edit(DEV, "    engine: none\n", '    engine: kafka\n    kafka: { version: "3.9" }\n')),
    code: 2, key: "platform:messaging.kafka.version", value: '"3.9"', allowed: /one of "3\.8\.x", .*"4\.1\.x\.kraft"/, suggestion: '"3.9.x" or "3.9.x.kraft"',
  },
  {
    what: "a Valkey version ElastiCache does not have (9.2)",
    run: planned(edit(DEV, 'engineVersion: "8.2"', 'engineVersion: "9.2"')),
    code: 2, key: "platform:cache.engineVersion", value: '"9.2"', allowed: /a valkey version ElastiCache offers and the platform runs: 7\.2, 8\.0, 8\.1, 8\.2, 9\.0, 9\.1/, suggestion: '"9.0" or "9.1"',
  },
  {
    what: "a secure value where no secret belongs (platform:name), never printed",
    run: planned(edit(DEV, "platform:name: medsearch", `platform:name: { secure: "${CLOUD_CIPHERTEXT}" }`)),
    code: 2, key: "platform:name", value: "a secure value (not shown)", allowed: /a plain value: this key is not a secret/, never: [new RegExp(CLOUD_CIPHERTEXT.slice(0, 16).replace(/[+/]/g, "\\$&"))],
  },
  {
    what: "a secure webhook URL whose ciphertext is not one Pulumi writes, never printed",
    run: planned(edit(DEV, "warning: { emails: [platform-team@example.com], httpsUrls: [] }", 'warning: { emails: [platform-team@example.com], httpsUrls: [{ secure: "not:a-ciphertext!" }] }')),
    code: 2, key: "platform:monitoring.notifications.warning.httpsUrls[0]", value: "a secure value (not shown)", allowed: /a Pulumi ciphertext as `pulumi config set --secret` writes it/, never: [/a-ciphertext!/],
  },
  {
    what: "a prod stack in a region with two AZs (us-west-1)",
    run: planned(edit(PROD, "aws:region: us-west-2", "aws:region: us-west-1")),
    code: 2, key: "platform:network.azCount", value: "3", allowed: /at most 2, the AZs of us-west-1 \(us-west-1a, us-west-1c;/,
  },
  {
    what: "a replica region that does not exist (us-east-3)",
    run: planned(edit(PROD, "region: us-east-2", "region: us-east-3")),
    code: 2, key: "platform:storage.replication.region", value: '"us-east-3"', allowed: /an AWS region such as us-east-1/, suggestion: '"us-east-1" or "us-east-2"',
  },
  {
    what: "RabbitMQ 4.2 on an instance family it does not run on (mq.m5)",
    run: planned(edit(DEV, "    engine: none\n", "    engine: rabbitmq\n    rabbitmq: { instanceType: mq.m5.large }\n")),
    code: 2, key: "platform:messaging.rabbitmq.instanceType", value: '"mq.m5.large"', allowed: /an instance type RabbitMQ 4\.2 runs on: mq\.m7g\.\*/,
  },
  {
    what: "an ECS container instance type misspelt (m6i.larg)",
    run: planned(edit(ECS, "instanceType: m6i.large", "instanceType: m6i.larg")),
    code: 2, key: "platform:cluster.ecs.instanceType", value: '"m6i.larg"', allowed: /an EC2 instance type offered in us-east-1 .*m6i sizes: /, suggestion: '"m6i.large"',
  },
  {
    what: "no profile at all",
    run: planned(edit(DEV, "  platform:profile: dev\n", "")),
    code: 2, key: "platform:profile", value: "nothing (the key is missing)", allowed: /a value: one of "dev", "staging", "prod"; it selects every default/, problems: 1,
  },
  {
    what: "a number in the form pulumi config set --path writes it (monthlyLimitUsd: \"250.50\"): accepted",
    run: planned(edit(DEV, "    logs:\n      namespaces: [apps]\n", '    budget: { monthlyLimitUsd: "250.50" }\n    logs:\n      namespaces: [apps]\n')),
    code: 0, says: [/Policy violations: 0 mandatory/],
  },
  {
    what: "an option the plan does not have (--stak)",
    run: async () => {
      try {
        parsePlanArgs(["--stak", "dev"]);
        return { code: 0, text: "" };
      } catch (e) {
        const f = runFailure(e);
        return { code: f.code, text: f.message };
      }
    },
    code: 2, says: [/^unknown option --stak\nusage: npm run plan -- --stack <name>/],
  },
  {
    what: "a component built directly with a node type ElastiCache does not offer: its cross-field check, no stack trace",
    run: () => program(() => new Cache("c", { ...cacheArgs, nodeType: "cache.r7g.lage" })),
    code: 2, says: [/^Invalid arguments for a component:\n {2}c: nodeType: got "cache\.r7g\.lage"; allowed: an ElastiCache node type offered in us-west-2 .*; did you mean "cache\.r7g\.large"\?$/],
  },
  {
    what: "a component built directly with Multi-AZ but no automatic failover: ElastiCache's cross-field rule, no stack trace",
    run: () => program(() => new Cache("c", { ...cacheArgs, automaticFailover: false, clusterMode: false })),
    code: 2, says: [/^Invalid arguments for a component:\n {2}c: multiAz: got true; allowed: false unless automaticFailover is true \(ElastiCache rule\)$/],
  },
  {
    what: "a bug in the program: exit 3, with the stack trace",
    run: () => program(() => {
      throw new TypeError("undefined is not a function");
    }),
    code: 3, says: [/^The program failed: TypeError: undefined is not a function/, STACK_TRACE],
  },
];

describe("mistakes a new user makes, and what the plan says", function () {
  this.timeout(180000);

  it("has at least 25 rows", () => assert.ok(MISTAKES.length >= 25, String(MISTAKES.length)));

  for (const m of MISTAKES) {
    it(`${m.what} -> exit ${m.code}`, async () => {
      const { code, text } = await m.run();
      assert.equal(code, m.code, text.slice(-2000));
      if (m.code !== 3) assert.doesNotMatch(text, STACK_TRACE, "a stack trace for a user's mistake");
      if (m.key) {
        const line = text.split("\n").find((l) => l.includes(`${m.key}: got `));
        assert.ok(line, `no line names ${m.key}:\n${text.slice(0, 2000)}`);
        if (m.value !== undefined) assert.ok(line.includes(`${m.key}: got ${m.value}; allowed: `), line);
        if (m.allowed) assert.match(line, m.allowed);
        if (m.suggestion) assert.ok(line.endsWith(`; did you mean ${m.suggestion}?`), line);
      }
      for (const re of m.says ?? []) assert.match(text, re);
      for (const re of m.never ?? []) assert.doesNotMatch(text, re);
      if (m.problems !== undefined) assert.equal(text.split("\n").filter((l) => l.startsWith("  - ")).length, m.problems, text);
    });
  }
});

describe("exit codes end to end (npm run plan)", function () {
  this.timeout(120000);
  const npmPlan = (...args: string[]) => spawnSync(process.execPath, ["-r", "./scripts/register.cjs", "scripts/plan.ts", ...args], { cwd: ROOT, encoding: "utf8" });

  it("0 for --help, which prints the date of the AWS value lists", () => {
    const r = npmPlan("--help");
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /AWS value lists .*: cfn-lint \d+\.\d+\.\d+ data, snapshot of \d{4}-\d{2}-\d{2}/);
    assert.match(r.stdout, /Exit codes: 0 clean, 1 a mandatory policy violation, 2 a config error/);
  });

  it("2 for a config error, with no stack trace on either stream", () => {
    const file = join(dir, "Pulumi.spawned.yaml");
    writeFileSync(file, edit(DEV, /instanceClass: \S+/, "instanceClass: db.t3.mega"));
    const r = npmPlan("--config", file);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stdout, /platform:database\.instanceClass: got "db\.t3\.mega"; .*did you mean "db\.t3\.medium"\?/);
    assert.doesNotMatch(r.stdout + r.stderr, STACK_TRACE);
  });

  it("1 for a mandatory violation: a staging stack with a single NAT gateway", () => {
    const file = join(dir, "Pulumi.staging1.yaml");
    writeFileSync(file, "config:\n  aws:region: us-west-2\n  platform:profile: staging\n  platform:name: medsearch\n  platform:tags: { owner: t, costCenter: c }\n  platform:network: { natGateways: single }\n");
    const r = npmPlan("--config", file);
    assert.equal(r.status, 1, r.stdout.slice(-1500) + r.stderr);
    assert.match(r.stdout, /\[mandatory\] ec2-require-nat-gateway-per-az: .*\n {6}fix: set platform:network\.natGateways to "onePerAz" \(the stack has "single"\)/);
  });
});
