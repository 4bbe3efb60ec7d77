/**
 * The runner against @pulumi/policy's resource-policy API, with fixture policies in the typed style
 * CrossGuard documents, over a recorded program (test/policyRunnerFixture.ts). Each case fails on a
 * runner that does not implement the piece it names.
 */
import { strict as assert } from "node:assert";
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import type { ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import { runPolicies, UnsupportedPolicyError } from "./policyRunner";
import type { StackRun } from "./runStack";
import { named, runFixture } from "../test/policyRunnerFixture";

const MANDATORY = { all: "mandatory" as const };

describe("policy runner: resource policies", () => {
  let run: StackRun;
  let preview: StackRun;
  before(async () => {
    run = await runFixture();
    preview = await runFixture(true);
    assert.equal(run.error, undefined);
    assert.equal(preview.error, undefined);
  });

  const requireDataClass: ResourceValidationPolicy = {
    name: "s3-require-data-class",
    description: "Buckets carry a DataClass tag.",
    validateResource: validateResourceOfType(aws.s3.Bucket, (bucket, _args, reportViolation) => {
      if (!bucket.tags?.DataClass) reportViolation("Bucket has no DataClass tag.");
    }),
  };

  it("runs validateResourceOfType(aws.s3.Bucket, ...) on buckets: fires on the untagged one, silent on the tagged one", async () => {
    const vs = await runPolicies([requireDataClass], run.resources, MANDATORY);
    assert.deepEqual(vs, [{ policy: "s3-require-data-class", level: "mandatory", urn: named(run, "open", "aws:s3/bucket:Bucket").urn, message: "Bucket has no DataClass tag." }]);
  });

  it("calls a typed validation only for its type, and every resource (the stack, providers, components) for an untyped one", async () => {
    const typed: string[] = [];
    const untyped: string[] = [];
    const policy: ResourceValidationPolicy = {
      name: "record-types",
      description: "Records what it sees.",
      validateResource: [validateResourceOfType(aws.rds.Instance, (_db, args) => void typed.push(args.name)), (args) => void untyped.push(args.type)],
    };
    await runPolicies([policy], run.resources, MANDATORY);
    assert.deepEqual(typed, ["single-az", "multi-az"]);
    assert.deepEqual(untyped, run.resources.map((r) => r.type));
    assert.ok(untyped.includes("pulumi:pulumi:Stack") && untyped.includes("pulumi:providers:aws") && untyped.includes("fixture:index:Group"));
  });

  it("answers args.isType and args.asType by the class's type token", async () => {
    const seen: Record<string, unknown> = {};
    const policy: ResourceValidationPolicy = {
      name: "require-multi-az",
      description: "Databases run in two AZs.",
      validateResource: (args, reportViolation) => {
        const db = args.asType(aws.rds.Instance);
        seen[args.name] = [args.isType(aws.rds.Instance), args.isType(aws.s3.Bucket), db === undefined ? undefined : db.multiAz];
        if (db && !db.multiAz) reportViolation("Database runs in one AZ.");
      },
    };
    const vs = await runPolicies([policy], run.resources, MANDATORY);
    assert.deepEqual(vs.map((v) => v.urn), [named(run, "single-az", "aws:rds/instance:Instance").urn]);
    assert.deepEqual([seen["single-az"], seen["multi-az"], seen.open], [[true, false, false], [true, false, true], [false, true, undefined]]);
  });

  it("falls back to the class's isInstance when it has no __pulumiType, as the engine does", async () => {
    const Legacy = { isInstance: (o: unknown) => (o as { __pulumiType?: string }).__pulumiType === "aws:kms/key:Key" };
    const names: string[] = [];
    await runPolicies([{ name: "legacy", description: "d", validateResource: (args) => void (args.isType(Legacy as never) && names.push(args.name)) }], run.resources, MANDATORY);
    assert.deepEqual(names, ["key"]);
  });

  it("hands each policy its inputs, options and provider as the engine does", async () => {
    let key: ResourceValidationArgs | undefined;
    await runPolicies([{ name: "capture", description: "d", validateResource: validateResourceOfType(aws.kms.Key, (_k, args) => void (key = args)) }], run.resources, MANDATORY);
    const group = named(run, "app");
    assert.deepEqual({ ...key!.props }, { enableKeyRotation: true });
    assert.deepEqual(key!.opts, {
      protect: true, ignoreChanges: ["description"], aliases: [`urn:pulumi:fixture::runner::${group.urn.split("::")[2]}$aws:kms/key:Key::old-key`],
      customTimeouts: { createSeconds: 600, updateSeconds: 0, deleteSeconds: 5400 }, additionalSecretOutputs: ["arn"], deleteBeforeReplace: true, parent: group.urn,
    });
    assert.equal(key!.provider!.name, "tagged");
    assert.equal(key!.provider!.type, "pulumi:providers:aws");
    assert.deepEqual(JSON.parse(key!.provider!.props.defaultTags), { tags: { Owner: "platform-team" } });
  });

  it("gives a component no provider, and leaves deleteBeforeReplace and parent out when unset", async () => {
    const seen: Record<string, ResourceValidationArgs> = {};
    await runPolicies([{ name: "capture", description: "d", validateResource: (args) => void (seen[args.name] = args) }], run.resources, MANDATORY);
    assert.equal("provider" in seen.app, false);
    assert.equal("deleteBeforeReplace" in seen.open.opts, false);
    assert.equal("parent" in seen["runner-fixture"].opts, false);
  });

  it("unwraps secrets and replaces resource references by the id (custom) or URN (component) the engine sends", async () => {
    const seen: Record<string, Record<string, unknown>> = {};
    await runPolicies([{ name: "capture", description: "d", validateResource: (args) => void (seen[args.name] = { ...args.props }) }], run.resources, MANDATORY);
    assert.equal(seen.creds.secretString, "hunter2");
    assert.equal(seen["open-policy"].bucket, named(run, "open", "aws:s3/bucket:Bucket").id);
    assert.equal(seen["group-ref"].value, named(run, "app").urn);
  });

  it("reports an unknown value read during preview as an advisory 'can't run' at the resource, and goes on", async () => {
    const policy: ResourceValidationPolicy = {
      name: "require-key",
      description: "Databases name their key.",
      validateResource: validateResourceOfType(aws.rds.Instance, (db, _args, reportViolation) => {
        if (!db.kmsKeyId) reportViolation("no key");
      }),
    };
    const vs = await runPolicies([policy], preview.resources, MANDATORY);
    assert.deepEqual(vs, ["single-az", "multi-az"].map((n) => ({
      policy: "require-key", level: "advisory", urn: named(preview, n, "aws:rds/instance:Instance").urn,
      message: "can't run policy 'require-key' during preview: string value at .kmsKeyId can't be known during preview",
    })));
    assert.deepEqual(await runPolicies([policy], run.resources, MANDATORY), []);
  });

  it("sees a reference to a custom resource not yet created as its unknown id during preview", async () => {
    const policy: ResourceValidationPolicy = { name: "p", description: "d", validateResource: validateResourceOfType(aws.s3.BucketPolicy, (bp) => void bp.bucket) };
    const vs = await runPolicies([policy], preview.resources, MANDATORY);
    assert.deepEqual(vs.map((v) => v.message), ["can't run policy 'p' during preview: string value at .bucket can't be known during preview"]);
  });

  it("ends a validation silently on args.notApplicable(), and still runs the policy's other validations", async () => {
    const after: string[] = [];
    const policy: ResourceValidationPolicy = {
      name: "skip-then-check",
      description: "d",
      validateResource: [(args) => args.notApplicable("not this one"), (args, report) => { after.push(args.name); report("checked"); }],
    };
    const vs = await runPolicies([policy], run.resources, MANDATORY);
    assert.equal(vs.length, run.resources.length);
    assert.equal(after.length, run.resources.length);
  });

  it("fails the run, naming the policy, when a validation throws anything else", async () => {
    const policy: ResourceValidationPolicy = { name: "broken", description: "d", validateResource: () => { throw new TypeError("oops"); } };
    await assert.rejects(runPolicies([policy], run.resources, MANDATORY), /policy broken \(mandatory\) failed: oops/);
  });

  it("hands stackTags as a read-only map", async () => {
    let tags: ReadonlyMap<string, string> | undefined;
    await runPolicies([{ name: "t", description: "d", validateResource: (args) => void (tags = args.stackTags) }], run.resources, MANDATORY, { stackTags: new Map([["team", "platform"]]) });
    assert.equal(tags!.get("team"), "platform");
    assert.equal((tags as unknown as { set?: unknown }).set, undefined);
    assert.ok(Object.isFrozen(tags));
  });

  describe("remediation (out of scope offline)", () => {
    const remediating = (level?: "remediate" | "mandatory"): ResourceValidationPolicy => ({
      name: "tag-buckets",
      description: "d",
      enforcementLevel: level,
      validateResource: validateResourceOfType(aws.s3.Bucket, (b, _a, report) => void (b.tags ? undefined : report("untagged"))),
      remediateResource: () => { throw new Error("remediateResource must not run offline"); },
    });

    it("refuses a resource policy that would remediate, naming it", async () => {
      await assert.rejects(runPolicies([remediating("remediate")], run.resources, {}), (e: Error) => e instanceof UnsupportedPolicyError && /tag-buckets/.test(e.message) && /remediat/.test(e.message));
      await assert.rejects(runPolicies([remediating()], run.resources, { "tag-buckets": "remediate" }), UnsupportedPolicyError);
    });

    it("runs validateResource and never remediateResource at any other level, as the engine does", async () => {
      const vs = await runPolicies([remediating("mandatory")], run.resources, {});
      assert.deepEqual(vs.map((v) => [v.level, v.message]), [["mandatory", "untagged"]]);
    });

    it("runs a validate-only policy at the remediate level as mandatory", async () => {
      const vs = await runPolicies([requireDataClass], run.resources, { all: "remediate" });
      assert.deepEqual(vs.map((v) => v.level), ["mandatory"]);
    });
  });
});
