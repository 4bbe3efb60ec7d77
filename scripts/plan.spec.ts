import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parsePlanArgs, plan } from "./plan";

const ROOT = join(__dirname, "..");

async function planLines(args: string[]): Promise<{ code: number; text: string }> {
  const lines: string[] = [];
  const code = await plan(parsePlanArgs(args), (l) => lines.push(l));
  return { code, text: lines.join("\n") };
}

function tempStack(yaml: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "plan-")), "Pulumi.variant.yaml");
  writeFileSync(file, yaml);
  return file;
}

const header = `config:
  aws:region: us-west-2
  platform:name: medsearch
  platform:tags: { owner: t, costCenter: c }
`;

describe("offline plan", () => {
  it("reads Pulumi.<stack>.yaml for --stack, and the stack name from --config", () => {
    assert.match(parsePlanArgs(["--stack", "prod"]).configFile, /Pulumi\.prod\.yaml$/);
    assert.equal(parsePlanArgs(["--config", "examples/x/Pulumi.billion.yaml"]).stack, "billion");
    assert.throws(() => parsePlanArgs([]), /usage: npm run plan/);
  });

  it("reads another program's Pulumi.yaml and its Pulumi.<stack>.yaml for --program", () => {
    const args = parsePlanArgs(["--program", "examples/standalone", "--stack", "dev"]);
    assert.equal(args.configFile, join(ROOT, "examples", "standalone", "Pulumi.dev.yaml"));
    assert.deepEqual([args.program?.project, args.program?.main], ["standalone", join(ROOT, "examples", "standalone", "index.ts")]);
    assert.equal(parsePlanArgs(["--stack", "dev"]).program, undefined);
  });

  it("plans the standalone example with the prod pack config, which holds a program without platform:profile", async () => {
    const { code, text } = await planLines(["--program", "examples/standalone", "--stack", "dev"]);
    assert.equal(code, 0, text);
    assert.match(text, /^Offline plan for stack dev \(program examples\/standalone, policy profile prod, region us-west-2\)/);
    assert.match(text, /policy config policy-pack\/config\/prod\.json/);
    assert.match(text, /Policy violations: 0 mandatory, 0 advisory\./);
  });

  it("prints the tree grouped by component, counts, and each advisory in one line with the stack key to set (dev)", async () => {
    const { code, text } = await planLines(["--stack", "dev"]);
    assert.equal(code, 0);
    assert.match(text, /[├└]─ medsearch-network \(platform:network:Network\) \[region us-west-2\] — \d+ resources/);
    assert.match(text, /^\s+\d+ {2}aws:kms\/key:Key$/m);
    const summary = text.slice(text.indexOf("Policy violations:"), text.indexOf("\n\nStack outputs (")).split("\n");
    assert.deepEqual(summary, [
      "Policy violations: 0 mandatory, 7 advisory.",
      "  Advisories, with their fix:",
      "    ec2-require-nat-gateway-per-az: set platform:network.natGateways to \"onePerAz\" (the stack has \"instance\")",
      "    ec2-require-subnets-across-azs: set platform:network.azCount to at least 3 (the stack has 2)",
      "    elb-enable-deletion-protection: set platform:edge.alb.deletionProtection to true (the stack has false)",
      "    elb-require-waf-association: set platform:edge.waf.regionalWebAcl to true (the stack has false)",
      "    rds-require-multi-az: set platform:database.multiAz to true (the stack has false)",
      "    rds-enable-deletion-protection: set platform:database.deletionProtection to true (the stack has false)",
      "    elasticache-enable-automatic-failover: set platform:cache.automaticFailover to true (the stack has false), with replicasPerShard at least 1 and multiAz true",
      "  (run with --verbose to list each resource and advisory)",
    ]);
  });

  it("collapses identical violations into one line with a count and the stack key to set; --verbose lists the resources", async () => {
    const prod = readFileSync(join(ROOT, "Pulumi.prod.yaml"), "utf8").replace("retentionDays: 90", "retentionDays: 30");
    const file = tempStack(prod);
    const { code, text } = await planLines(["--config", file]);
    assert.equal(code, 1);
    // One line for every log group of prod (the tiers' and the deploy runner's), each listed under --verbose.
    const verbose = await planLines(["--config", file, "--verbose"]);
    const groups = verbose.text.match(/^ {6}at urn:pulumi:variant::platform::.*aws:cloudwatch\/logGroup:LogGroup::/gm)?.length ?? 0;
    assert.ok(groups >= 16, String(groups));
    const lines = text.slice(text.indexOf("Policy violations:")).split("\n");
    assert.deepEqual(lines.slice(0, 3), [
      `Policy violations: ${groups} mandatory, 0 advisory.`,
      `  [mandatory] cloudwatch-configure-log-group-retention, ${groups} resources: Log group keeps records 30 days; set retentionInDays to at least 90.`,
      "      fix: set platform:logging.retentionDays to at least 90 (the stack has 30)",
    ]);
  });

  it("ends with the monthly estimate: total, per tier, the largest items, what is unpriced, the assumptions (dev)", async () => {
    const { text } = await planLines(["--stack", "dev"]);
    const cost = text.slice(text.indexOf("Estimated monthly cost:"));
    assert.ok(text.indexOf("Estimated monthly cost:") > text.indexOf("Policy violations:"), "the cost section comes after the violations");
    assert.match(cost, /^Estimated monthly cost: \$\d+\.\d{2} USD \(on-demand list prices, 730 h\/month; stack region us-west-2\)\.\n {2}By tier:\n {4}cluster +\$\d+\.\d{2}/);
    assert.match(cost, /\n {2}Largest 10 items:\n {4} +\$73\.00 {2}medsearch-cluster-eks-eksCluster \(aws:eks\/cluster:Cluster\) \[us-west-2\] — control plane, standard support: 730 h x \$0\.1\n/);
    assert.match(cost, /\n {2}Unpriced \(not counted\):\n {4}\d+ x aws:/);
    assert.match(cost, /\n {2}Assumptions \(platform:cost\):\n {4}spotDiscountPercent=60, natGatewayDataGb=20/);
  });

  it("lists the stack outputs after the violations and before the estimate, then points at the Kubernetes step (dev)", async () => {
    const { text } = await planLines(["--stack", "dev"]);
    const [violations, outputs, next, cost] = ["Policy violations:", "\nStack outputs (", "\nNext step: npm run plan -- --stack dev --step kubernetes\n", "\nEstimated monthly cost:"].map((s) => text.indexOf(s));
    assert.ok(violations > 0 && violations < outputs && outputs < next && next < cost, JSON.stringify({ violations, outputs, next, cost }));
    const section = text.slice(outputs, next);
    assert.match(section, /^ {2}cluster\.clusterName +medsearch-dev$/m);
    assert.match(section, /^ {2}cluster\.oidcProviderArn +arn:aws:iam::\d{12}:oidc-provider\/\S+$/m);
    assert.match(section, /^ {2}cluster\.kubeconfig +\[secret\]$/m);
    assert.match(section, /^ {2}edge\.url +https:\/\/\S+\.cloudfront\.net$/m);
    assert.match(section, /^ {2}kubernetesStep +\(read by the Kubernetes step; stacks\/handoff\.ts\)$/m);
  });

  it("plans the Kubernetes step after the AWS step: its outputs, then the deployment's estimate, equal to the AWS step's (dev)", async () => {
    assert.equal(parsePlanArgs(["--stack", "dev", "--step", "kubernetes"]).step, "kubernetes");
    assert.throws(() => parsePlanArgs(["--stack", "dev", "--step", "helm"]), /--step: got "helm"; allowed: aws, kubernetes/);
    assert.throws(() => parsePlanArgs(["--program", "examples/standalone", "--stack", "dev", "--step", "kubernetes"]), /--step kubernetes: only the platform program deploys in two steps/);
    const [aws, kubernetes] = [await planLines(["--stack", "dev"]), await planLines(["--stack", "dev", "--step", "kubernetes"])];
    assert.equal(kubernetes.code, 0, kubernetes.text);
    assert.match(kubernetes.text, /^Offline plan for stack dev, Kubernetes step \(profile dev, region us-west-2\)/);
    assert.match(kubernetes.text, /^\s+\d+ {2}kubernetes:helm\.sh\/v3:Release$/m);
    assert.doesNotMatch(kubernetes.text, /^\s+\d+ {2}aws:/m);
    assert.match(kubernetes.text, /\nStack outputs \(\d+\):\n {2}awsStack +organization\/platform\/dev\n {2}clusterName +medsearch-dev\n/);
    assert.ok(!kubernetes.text.includes("Next step:"));
    const total = (t: string) => /Estimated monthly cost: (\$\d+\.\d{2})/.exec(t)?.[1];
    assert.ok(kubernetes.text.indexOf("Estimated monthly cost:") > kubernetes.text.indexOf("Stack outputs ("));
    assert.equal(total(kubernetes.text), total(aws.text));
  });

  it("previews with --preview: unknown ids, no mandatory violation, and only the advisories a preview cannot decide", async () => {
    assert.equal(parsePlanArgs(["--stack", "prod", "--preview"]).preview, true);
    assert.equal(parsePlanArgs(["--stack", "prod"]).preview, false);
    const { code, text } = await planLines(["--stack", "prod", "--preview", "--verbose"]);
    assert.equal(code, 0, text);
    assert.match(text, /^Offline preview for stack prod/);
    assert.match(text, /Policy violations: 0 mandatory, \d+ advisory\./);
    assert.match(text, /can't run policy 'backup-require-vault-encryption' during preview/);
  });

  it("lists each advisory with --verbose", async () => {
    const { text } = await planLines(["--stack", "dev", "--verbose"]);
    assert.match(text, /\[advisory\] ec2-require-subnets-across-azs: VPC spans 2 AZs; spread its subnets over at least 3 AZs/);
  });

  it("writes the documented JSON, joinable by id", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "plan-")), "plan.json");
    await planLines(["--stack", "prod", "--json", out]);
    const json = JSON.parse(readFileSync(out, "utf8"));
    assert.deepEqual(Object.keys(json), ["stack", "resources", "outputs", "violations", "cost"]);
    assert.deepEqual(Object.keys(json.cost), ["currency", "region", "monthlyTotal", "byTier", "items", "unpriced", "assumptions"]);
    assert.deepEqual([json.cost.currency, json.cost.region], ["USD", "us-west-2"]);
    for (const i of json.cost.items) assert.deepEqual(Object.keys(i), ["urn", "type", "region", "monthly", "basis", "source"]);
    assert.deepEqual(Object.keys(json.cost.unpriced[0]), ["type", "count", "reason"]);
    assert.deepEqual(Object.keys(json.resources[0]).sort(), ["custom", "dependencies", "id", "inputs", "name", "outputs", "parent", "protect", "provider", "retainOnDelete", "type", "urn"].filter((k) => k in json.resources[0]).sort());
    const flow = json.resources.find((r: any) => r.type === "aws:ec2/flowLog:FlowLog");
    const group = json.resources.find((r: any) => r.type === "aws:cloudwatch/logGroup:LogGroup");
    assert.equal(flow.inputs.logDestination, group.outputs.arn);
    assert.deepEqual(flow.provider, { urn: json.resources.find((r: any) => r.type === "pulumi:providers:aws").urn, name: "medsearch", region: "us-west-2" });
    assert.equal(json.outputs.vpcId, json.resources.find((r: any) => r.type === "awsx:ec2:Vpc").outputs.vpcId);
  });

  it("exits 2 on a config error, naming every bad key", async () => {
    const file = tempStack(`${header}  platform:profile: prod\n  platform:network: { azCount: 2, cidr: 10.0.0.0/33 }\n`);
    const { code, text } = await planLines(["--config", file]);
    assert.equal(code, 2);
    assert.match(text, /platform:network\.cidr: got "10\.0\.0\.0\/33"/);
  });

  it("exits 1 on a mandatory violation: a staging stack with a single NAT gateway", async () => {
    const file = tempStack(`${header}  platform:profile: staging\n  platform:network: { natGateways: single }\n`);
    const { code, text } = await planLines(["--config", file]);
    assert.equal(code, 1);
    assert.match(text, /\[mandatory\] ec2-require-nat-gateway-per-az: VPC uses NAT strategy Single/);
  });

  it("runs from npm as a newcomer would, exiting 0 for prod", function () {
    this.timeout(60000);
    const r = spawnSync("npm", ["run", "--silent", "plan", "--", "--stack", "prod"], { cwd: ROOT, encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /Policy violations: 0 mandatory, 0 advisory\./, r.stdout.slice(-600));
  });
});
