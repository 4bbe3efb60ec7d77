/**
 * The IAM reference check over the whole program: in every stack the repository ships, every
 * property holding an IAM policy document is one the check reads, and every action, condition key
 * and AWS managed policy in them is real (AWS's reference data says so, not our own list).
 */
import { strict as assert } from "node:assert";
import { readPackConfig, runPolicies } from "../offline/policyRunner";
import type { RecordedResource } from "../offline/recorder";
import { documentsOf } from "../policy-pack/lib/policyDocuments";
import { awsManagedPolicyOf } from "../policy-pack/lib/managedPolicies";
import { requireExistingManagedPolicies } from "../policy-pack/policies/iam/requireExistingManagedPolicies";
import { requireKnownActions } from "../policy-pack/policies/iam/requireKnownActions";
import { PROD_PACK_CONFIG } from "./mutations/harness";
import { planStackFile } from "./helpers";

const STACKS = ["Pulumi.dev.yaml", "Pulumi.prod.yaml", "examples/Pulumi.billion.yaml", "examples/Pulumi.elearning.yaml", "examples/Pulumi.ecsai.yaml"];

const isDocument = (v: unknown): boolean => {
  let doc = v;
  if (typeof v === "string" && v.includes("Statement")) {
    try {
      doc = JSON.parse(v);
    } catch {
      return false;
    }
  }
  return typeof doc === "object" && doc !== null && "Statement" in doc;
};

/** "<type> <path>" of every value in `props` that is an IAM policy document, list indexes as []. */
function documentPaths(type: string, props: unknown, path: string[] = []): string[] {
  if (isDocument(props)) return [`${type} ${path.join(".")}`];
  if (Array.isArray(props)) return props.flatMap((v) => documentPaths(type, v, [...path, "[]"]));
  if (typeof props === "object" && props !== null) return Object.entries(props).flatMap(([k, v]) => documentPaths(type, v, [...path, k]));
  return [];
}

const located = (r: RecordedResource) => documentsOf(r.type, r.name, r.outputs).map((d) => `${r.type} ${d.path.map((p) => (/^\d+$/.test(p) ? "[]" : p)).join(".")}`);

for (const file of STACKS) {
  describe(`IAM reference data over ${file}`, () => {
    let resources: RecordedResource[];
    before(async () => {
      resources = (await planStackFile(file)).resources;
    });

    it("reads every IAM policy document the plan holds, on every resource type", () => {
      const custom = resources.filter((r) => r.custom);
      const present = new Set(custom.flatMap((r) => documentPaths(r.type, r.outputs)));
      const read = new Set(custom.flatMap(located));
      assert.ok(present.size >= 5, `only ${[...present].join(", ")}`);
      assert.deepEqual([...present].filter((p) => !read.has(p)).sort(), [], "documents the check does not read");
    });

    it("finds every action, condition key and attached AWS managed policy real", async () => {
      const documents = resources.flatMap((r) => documentsOf(r.type, r.name, r.outputs));
      const managed = resources.flatMap((r) => [r.inputs.policyArn, ...(r.inputs.managedPolicyArns ?? [])]).filter((a) => typeof a === "string" && awsManagedPolicyOf(a));
      assert.ok(documents.length >= 20 && managed.length >= 2, `${documents.length} documents, ${managed.length} managed policies`);
      assert.deepEqual(await runPolicies([requireKnownActions, requireExistingManagedPolicies], resources, readPackConfig(PROD_PACK_CONFIG)), []);
    });
  });
}
