/**
 * Every config file of the pack validates against the policies' own configSchemas (ajv 8), with
 * unknown policy names, unknown settings and invalid enforcement levels rejected; and each policy's
 * defaults satisfy its schema, so a config file that sets nothing is valid too.
 */
import { strict as assert } from "node:assert";
import { readFileSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import Ajv from "ajv";
import { configFileSchema } from "../lib/configFileSchema";
import { policies } from "../policies";
import { policyConfig } from "../../offline/policyRunner";

const CONFIG_DIR = join(__dirname, "..", "config");
const files = readdirSync(CONFIG_DIR).filter((f) => f.endsWith(".json"));

const ajv = new Ajv({ allErrors: true, strict: true });
const validate = ajv.compile(configFileSchema(policies));
const errors = (config: unknown) => (validate(config) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`));

describe("policy-pack config files against the policies' configSchemas", () => {
  it("finds one config file per profile", () => {
    assert.deepEqual(files.map((f) => basename(f, ".json")).sort(), ["dev", "prod", "staging"]);
  });

  for (const file of files) {
    it(`accepts config/${file}`, () => {
      assert.deepEqual(errors(JSON.parse(readFileSync(join(CONFIG_DIR, file), "utf8"))), []);
    });
  }

  it("accepts the example config of the pack README's Configuration section", () => {
    const readme = readFileSync(join(__dirname, "..", "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Configuration"), readme.indexOf("## What the pack expects"));
    const examples = [...section.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]) as unknown);
    assert.equal(examples.length, 1);
    assert.deepEqual(errors(examples[0]), []);
  });

  it("rejects a /0 among the networks allowed to reach a public EKS endpoint, and an instance family in upper case", () => {
    assert.ok(errors({ "eks-disallow-public-endpoint": { allowedPublicAccessCidrs: ["0.0.0.0/0"] } }).some((m) => m.includes("must match pattern")));
    assert.ok(errors({ "eks-disallow-public-endpoint": { allowedPublicAccessCidrs: ["::/0"] } }).some((m) => m.includes("must match pattern")));
    assert.ok(errors({ "ec2-configure-instance-families": { allowedInstanceFamilies: ["C5"] } }).some((m) => m.includes("must match pattern")));
    assert.ok(errors({ "ec2-configure-instance-families": { allowedInstanceFamilies: [] } }).some((m) => m.includes("must NOT have fewer than 1 items")));
    assert.deepEqual(errors({ "eks-disallow-public-endpoint": { allowedPublicAccessCidrs: ["203.0.113.0/24", "2001:db8::/32"] } }), []);
  });

  it("accepts each policy's configSchema defaults, as the engine fills them in", () => {
    for (const p of policies.filter((x) => x.configSchema)) {
      assert.deepEqual(errors({ [p.name]: policyConfig(p, {}) }), [], p.name);
    }
  });

  it("rejects a policy name the pack does not have (a misspelling would silently fall back to defaults)", () => {
    const e = errors({ all: "mandatory", "cloudwatch-configure-log-retention": { minRetentionDays: 90 } });
    assert.ok(e.some((m) => m.includes("must NOT have additional properties") && m.includes("cloudwatch-configure-log-retention")), e.join("\n"));
  });

  it("rejects a setting the policy's configSchema does not declare", () => {
    const e = errors({ "cloudwatch-configure-log-group-retention": { minRetentionDay: 90 } });
    assert.ok(e.some((m) => m.includes("minRetentionDay")), e.join("\n"));
  });

  it("rejects an enforcement level the engine does not know, for all and for one policy", () => {
    assert.ok(errors({ all: "blocking" }).some((m) => m.startsWith("/all must be equal to one of the allowed values")));
    assert.ok(errors({ "kms-enable-key-rotation": "warn" }).length > 0);
    assert.ok(errors({ "kms-enable-key-rotation": { enforcementLevel: "strict" } }).length > 0);
  });

  it("accepts every level the engine knows", () => {
    for (const level of ["advisory", "mandatory", "remediate", "disabled"]) assert.deepEqual(errors({ all: level, "kms-enable-key-rotation": { enforcementLevel: level } }), [], level);
  });

  it("rejects a setting of the wrong type or out of range", () => {
    assert.ok(errors({ "cloudwatch-configure-log-group-retention": { minRetentionDays: "90" } }).some((m) => m.includes("must be integer")));
    assert.ok(errors({ "cloudwatch-configure-log-group-retention": { minRetentionDays: 0 } }).some((m) => m.includes("must be >= 1")));
    assert.ok(errors({ "ec2-require-multi-az-subnets": { minAzCount: 1 } }).some((m) => m.includes("must be >= 2")));
  });
});
