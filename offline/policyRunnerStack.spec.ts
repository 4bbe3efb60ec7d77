/**
 * The runner against @pulumi/policy's stack-policy API (validateStack, validateStackResourcesOfType,
 * PolicyResource) and policy config, with typed-style fixture policies over a recorded program.
 */
import { strict as assert } from "node:assert";
import * as aws from "@pulumi/aws";
import { validateStackResourcesOfType } from "@pulumi/policy";
import type { PolicyResource, ResourceValidationPolicy, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { PolicyConfigError } from "./policyConfig";
import { runPolicies } from "./policyRunner";
import type { StackRun } from "./runStack";
import { named, runFixture } from "../test/policyRunnerFixture";

const MANDATORY = { all: "mandatory" as const };

/** Databases run in at least `minAzs` AZs (1 or 2); the typed style, with a configSchema. */
const databasesAcrossAzs: StackValidationPolicy = {
  name: "rds-require-azs",
  description: "Databases span the AZs the config asks for.",
  configSchema: { properties: { minAzs: { type: "integer", minimum: 1, maximum: 2, default: 2 } } },
  validateStack: validateStackResourcesOfType(aws.rds.Instance, (dbs, args, reportViolation) => {
    const { minAzs } = args.getConfig<{ minAzs: number }>();
    dbs.forEach((db, i) => {
      if ((db.multiAz ? 2 : 1) < minAzs) reportViolation(`Database ${db.identifier} spans fewer than ${minAzs} AZs.`, args.resources[i].urn);
    });
  }),
};

describe("policy runner: stack policies and config", () => {
  let run: StackRun;
  let preview: StackRun;
  before(async () => {
    run = await runFixture();
    preview = await runFixture(true);
  });
  const capture = async (r: StackRun = run): Promise<StackValidationArgs> => {
    let seen: StackValidationArgs | undefined;
    await runPolicies([{ name: "capture", description: "d", validateStack: (args) => void (seen = args) }], r.resources, MANDATORY);
    return seen!;
  };
  const byName = (resources: PolicyResource[], name: string) => resources.find((r) => r.name === name)!;

  it("runs validateStackResourcesOfType(aws.rds.Instance, ...) over the databases only: fires on the single-AZ one, at its URN", async () => {
    const vs = await runPolicies([databasesAcrossAzs], run.resources, MANDATORY);
    assert.deepEqual(vs, [{ policy: "rds-require-azs", level: "mandatory", urn: named(run, "single-az", "aws:rds/instance:Instance").urn, message: "Database single-az spans fewer than 2 AZs." }]);
  });

  it("reads its setting through getConfig: the configSchema default, overridden by the config file", async () => {
    assert.deepEqual(await runPolicies([databasesAcrossAzs], run.resources, { all: "mandatory", "rds-require-azs": { minAzs: 1 } }), []);
  });

  it("fails the run before analysis when a setting breaks the configSchema, naming policy and setting", async () => {
    await assert.rejects(runPolicies([databasesAcrossAzs], run.resources, { "rds-require-azs": { minAzs: 3 } }), (e: Error) => e instanceof PolicyConfigError && /rds-require-azs: minAzs must be <= 2/.test(e.message));
    await assert.rejects(runPolicies([databasesAcrossAzs], run.resources, { "rds-require-azs": { minAzs: "two" } }), /rds-require-azs: minAzs must be integer/);
    const required = { ...databasesAcrossAzs, configSchema: { properties: { owner: { type: "string" as const } }, required: ["owner"] } };
    await assert.rejects(runPolicies([required], run.resources, {}), /rds-require-azs: must have required property 'owner'/);
  });

  it("is not applicable, and not even called, when the stack has no resource of its type", async () => {
    let called = false;
    const policy: StackValidationPolicy = { name: "no-tables", description: "d", validateStack: validateStackResourcesOfType(aws.dynamodb.Table, () => void (called = true)) };
    assert.deepEqual(await runPolicies([policy], run.resources, MANDATORY), []);
    assert.equal(called, false);
  });

  it("shows every resource, the stack and providers included, with outputs, isType and asType", async () => {
    const args = await capture();
    assert.deepEqual(args.resources.map((r) => r.urn), run.resources.map((r) => r.urn));
    const db = byName(args.resources, "single-az");
    assert.equal(db.isType(aws.rds.Instance), true);
    assert.equal(db.isType(aws.s3.Bucket), false);
    assert.equal(db.asType(aws.rds.Instance)!.arn, named(run, "single-az", "aws:rds/instance:Instance").outputs.arn);
    assert.equal(db.asType(aws.s3.Bucket), undefined);
  });

  it("links parent, dependencies and property dependencies as resource objects", async () => {
    const args = await capture();
    const [db, group, secret, key] = ["multi-az", "app", "creds", "key"].map((n) => byName(args.resources, n));
    assert.equal(db.parent, group);
    assert.equal(db.opts.parent, group.urn);
    assert.ok(db.dependencies.includes(secret) && db.dependencies.includes(key));
    assert.deepEqual(db.propertyDependencies.kmsKeyId, [key]);
    assert.equal("multiAz" in db.propertyDependencies, false, "properties with no dependencies are left out, as the engine leaves them");
    assert.equal(byName(args.resources, "runner-fixture").parent, undefined);
  });

  it("gives custom resources their provider with its inputs, components none", async () => {
    const args = await capture();
    assert.deepEqual(JSON.parse(byName(args.resources, "key").provider!.props.defaultTags), { tags: { Owner: "platform-team" } });
    assert.equal("provider" in byName(args.resources, "app"), false);
  });

  it("puts a stack violation that names no resource, or one outside the stack, at the stack", async () => {
    const policy: StackValidationPolicy = { name: "s", description: "d", validateStack: (_a, report) => { report("none"); report("elsewhere", "urn:pulumi:other::x::t::n"); } };
    const stack = named(run, "runner-fixture").urn;
    assert.deepEqual((await runPolicies([policy], run.resources, MANDATORY)).map((v) => v.urn), [stack, stack]);
  });

  it("keeps violations reported before an unknown read, then says it can't run during preview, at the stack", async () => {
    const policy: StackValidationPolicy = {
      name: "key-arns",
      description: "d",
      validateStack: (args, report) => {
        report("first");
        for (const r of args.resources) if (r.isType(aws.kms.Key)) void r.props.arn;
      },
    };
    const vs = await runPolicies([policy], preview.resources, MANDATORY);
    assert.deepEqual(vs.map((v) => [v.level, v.message]), [["mandatory", "first"], ["advisory", "can't run policy 'key-arns' during preview: string value at .arn can't be known during preview"]]);
    assert.equal(vs[1].urn, named(preview, "runner-fixture").urn);
  });

  it("builds the resource graph once per run for every stack policy, each with its own list", async () => {
    const seen: PolicyResource[][] = [];
    const sorter: StackValidationPolicy = { name: "sorter", description: "d", validateStack: (args) => void seen.push(args.resources.sort((a, b) => a.name.localeCompare(b.name))) };
    const reader: StackValidationPolicy = { name: "reader", description: "d", validateStack: (args) => void seen.push(args.resources) };
    await runPolicies([sorter, reader], run.resources, MANDATORY);
    assert.deepEqual(seen[1].map((r) => r.urn), run.resources.map((r) => r.urn), "a policy sorting its list in place does not reorder the next one's");
    assert.equal(byName(seen[0], "key"), byName(seen[1], "key"));
  });

  it("runs a policy with both validateResource and validateStack as both", async () => {
    const both: ResourceValidationPolicy & StackValidationPolicy = {
      name: "both",
      description: "d",
      validateResource: (args, report) => void (args.type === "pulumi:pulumi:Stack" && report("resource")),
      validateStack: (_args, report) => report("stack"),
    };
    assert.deepEqual((await runPolicies([both], run.resources, MANDATORY)).map((v) => v.message), ["resource", "stack"]);
  });

  it("skips a disabled policy, and applies `all`, then the policy's own entry, over the pack's level", async () => {
    const policy = { ...databasesAcrossAzs, enforcementLevel: "advisory" as const };
    assert.deepEqual(await runPolicies([policy], run.resources, { all: "disabled" }), []);
    assert.deepEqual((await runPolicies([policy], run.resources, {})).map((v) => v.level), ["advisory"]);
    assert.deepEqual((await runPolicies([policy], run.resources, { all: "mandatory" })).map((v) => v.level), ["mandatory"]);
    assert.deepEqual((await runPolicies([policy], run.resources, { all: "disabled", "rds-require-azs": "advisory" })).map((v) => v.level), ["advisory"]);
    assert.deepEqual((await runPolicies([databasesAcrossAzs], run.resources, {}, { packEnforcementLevel: "mandatory" })).map((v) => v.level), ["mandatory"]);
  });

  it("applies the pack's initial config before the config file, whose `all` overrides it", async () => {
    const initialConfig = { "rds-require-azs": { enforcementLevel: "disabled" as const, minAzs: 1 } };
    assert.deepEqual(await runPolicies([databasesAcrossAzs], run.resources, {}, { initialConfig }), []);
    assert.deepEqual(await runPolicies([databasesAcrossAzs], run.resources, { all: "mandatory" }, { initialConfig }), [], "minAzs 1 from the initial config stands");
    assert.equal((await runPolicies([databasesAcrossAzs], run.resources, { all: "mandatory", "rds-require-azs": { minAzs: 2 } }, { initialConfig })).length, 1);
  });
});
