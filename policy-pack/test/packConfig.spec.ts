import { strict as assert } from "node:assert";
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, join } from "node:path";
import type { Policy } from "@pulumi/policy";
import { enforcementLevel, policyConfig, readPackConfig } from "../../offline/policyRunner";
import { policies } from "../policies";

const CONFIG_DIR = join(__dirname, "..", "config");
const POLICIES_DIR = join(__dirname, "..", "policies");
const configs = Object.fromEntries(
  readdirSync(CONFIG_DIR)
    .filter((f) => f.endsWith(".json"))
    .map((f) => [basename(f, ".json"), readPackConfig(join(CONFIG_DIR, f))]),
);
const { dev, prod } = configs;

const MULTI_AZ = [
  "ec2-require-nat-gateway-per-az", "ec2-require-subnets-across-azs", "ec2-require-multi-az-subnets", "eks-require-node-groups-across-azs",
  "rds-require-multi-az", "elasticache-enable-automatic-failover", "msk-require-brokers-across-azs", "mq-require-multi-az-deployment",
  "ecs-require-services-across-azs",
];
/**
 * Requirements the issues set for prod only: immutable image tags (dev re-pushes a moving tag),
 * load balancer deletion protection (dev is torn down freely), and the allowed instance families
 * (mandatory in staging and prod; dev may try a new family before the list admits it).
 */
const PROD_ONLY = ["ecr-require-immutable-tags", "elb-enable-deletion-protection", "rds-enable-deletion-protection", "ec2-configure-instance-families"];
/**
 * Dev's cost levers (docs/cost.md): the budget guard advises instead of blocking, and dev's internal
 * ALB, reached only through CloudFront and its web ACL, goes without a second one.
 */
const DEV_COST = ["budgets-require-estimate-within-limit", "elb-require-waf-association"];
/** Security Hub names a few control families differently from the service folder. */
/** Pack folders whose Security Hub control family has another name. */
const FSBP_FAMILY: Record<string, string> = { wafv2: "waf", firehose: "datafirehose" };
const ENCRYPTION_AND_LOGGING = ["kms-enable-key-rotation", "cloudwatch-require-log-group-encryption", "cloudwatch-configure-log-group-retention", "ec2-require-vpc-flow-logs"];

const byName = (name: string): Policy => {
  const p = policies.find((x) => x.name === name);
  assert.ok(p, `no policy ${name} in the pack`);
  return p;
};

interface PolicyModule {
  service: string;
  file: string;
  policies: Policy[];
}

/** Loads a policy module by path, as CommonJS like every module of the pack. */
const loadModule = createRequire(__filename);

/** Every policy module, policies/<service>/<verbObject>.ts, with the pack policies it exports. */
const modules: PolicyModule[] = readdirSync(POLICIES_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(join(POLICIES_DIR, d.name))
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".spec.ts"))
      .map((f) => {
        const exported = Object.values(loadModule(join(POLICIES_DIR, d.name, f)) as Record<string, unknown>);
        return { service: d.name, file: basename(f, ".ts"), policies: exported.filter((v): v is Policy => (policies as Policy[]).includes(v as Policy)) };
      }),
  );

const kebab = (camel: string) => camel.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

describe("policy pack config and metadata", () => {
  it("reads the dev, staging and prod config files", () => {
    assert.deepEqual(Object.keys(configs).sort(), ["dev", "prod", "staging"]);
  });

  it("makes every policy mandatory in prod", () => {
    for (const p of policies) assert.equal(enforcementLevel(p, prod), "mandatory", p.name);
  });

  it("makes every policy mandatory in staging", () => {
    for (const p of policies) assert.equal(enforcementLevel(p, configs.staging), "mandatory", p.name);
  });

  it("makes the Multi-AZ policies advisory in dev", () => {
    for (const name of MULTI_AZ) assert.equal(enforcementLevel(byName(name), dev), "advisory", name);
  });

  it("keeps every encryption and logging policy mandatory in dev", () => {
    for (const name of ENCRYPTION_AND_LOGGING) assert.equal(enforcementLevel(byName(name), dev), "mandatory", name);
  });

  it("relaxes nothing in dev but the Multi-AZ policies, the prod-only requirements and the cost levers", () => {
    const advisory = policies.filter((p) => enforcementLevel(p, dev) !== "mandatory").map((p) => p.name);
    assert.deepEqual(advisory.sort(), [...MULTI_AZ, ...PROD_ONLY, ...DEV_COST].sort());
  });

  it("names only policies of the pack in every config file (no stale names)", () => {
    const names = new Set(policies.map((p) => p.name));
    for (const [profile, config] of Object.entries(configs)) {
      for (const key of Object.keys(config).filter((k) => k !== "all")) assert.ok(names.has(key), `${profile}.json names ${key}, which is not in the pack`);
    }
  });

  it("sets only settings a policy's configSchema declares, within its minimum", () => {
    for (const [profile, config] of Object.entries(configs)) {
      for (const p of policies) {
        const schema = (p.configSchema?.properties ?? {}) as Record<string, { type?: string; minimum?: number }>;
        for (const [key, value] of Object.entries(policyConfig(p, config))) {
          const s = schema[key];
          assert.ok(s, `${profile}.json sets ${key} on ${p.name}, whose configSchema has no such property`);
          if (s.type === "integer") assert.ok(Number.isInteger(value), `${profile}.json: ${p.name}.${key} must be an integer`);
          if (s.minimum !== undefined) assert.ok((value as number) >= s.minimum, `${profile}.json: ${p.name}.${key} is below ${s.minimum}`);
        }
      }
    }
  });

  it("keeps logs at least 7 days in dev, 30 in staging and 90 in prod, and subnets in 3 AZs everywhere", () => {
    const retention = byName("cloudwatch-configure-log-group-retention");
    assert.deepEqual(
      ["dev", "staging", "prod"].map((profile) => policyConfig(retention, configs[profile]).minRetentionDays),
      [7, 30, 90],
    );
    for (const profile of ["dev", "staging", "prod"]) {
      for (const name of ["ec2-require-subnets-across-azs", "ec2-require-multi-az-subnets"]) {
        assert.equal(policyConfig(byName(name), configs[profile]).minAzCount, 3, `${name} in ${profile}.json`);
      }
    }
  });

  it("exports each policy of the pack from exactly one module, one policy per module", () => {
    assert.ok(modules.length > 0);
    for (const m of modules) assert.equal(m.policies.length, 1, `${m.service}/${m.file}.ts exports ${m.policies.length} pack policies`);
    assert.deepEqual(modules.flatMap((m) => m.policies.map((p) => p.name)).sort(), policies.map((p) => p.name).sort());
  });

  it("names every policy <service>-<verb>-<object> in kebab case, after its folder and file", () => {
    for (const m of modules) {
      const [p] = m.policies;
      assert.match(p.name, /^[a-z0-9]+(-[a-z0-9]+)+$/, `${p.name} is not kebab case`);
      assert.ok(p.name.startsWith(`${m.service}-`), `${p.name} does not start with its folder ${m.service}-`);
      assert.equal(p.name, `${m.service}-${kebab(m.file)}`, `${m.service}/${m.file}.ts`);
      assert.match(m.file, /^(require|disallow|enable|configure)[A-Z]/, `${m.file}: verbs are require|disallow|enable|configure`);
    }
  });

  it("gives every policy a description, a severity and remediationSteps", () => {
    for (const p of policies) {
      assert.ok(p.description.trim().length > 0, `${p.name} has no description`);
      assert.ok(["low", "medium", "high", "critical"].includes(p.severity ?? ""), `${p.name} has severity ${p.severity}`);
      assert.ok((p.remediationSteps ?? "").trim().length > 0, `${p.name} has no remediationSteps`);
    }
  });

  it("refers to FSBP controls as <Service>.<n> (e.g. EC2.6), of the policy's own service", () => {
    const withFramework = policies.filter((p) => p.framework !== undefined);
    assert.ok(withFramework.length > 0);
    for (const p of withFramework) {
      const f = p.framework!;
      assert.equal(f.name, "AWS Foundational Security Best Practices", p.name);
      assert.match(f.reference ?? "", /^[A-Z][A-Za-z0-9]*\.\d+$/, `${p.name}: ${f.reference}`);
      const [service, n] = f.reference!.split(".");
      assert.equal(service.toLowerCase(), FSBP_FAMILY[p.name.split("-")[0]] ?? p.name.split("-")[0], `${p.name} cites ${f.reference}`);
      assert.equal(f.specification, `https://docs.aws.amazon.com/securityhub/latest/userguide/${service.toLowerCase()}-controls.html#${service.toLowerCase()}-${n}`);
    }
  });
});
