/**
 * The deployment rules on the real workflow, and each rule's failing case: the real workflow with one
 * careless edit.
 */
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { DEFAULT_WORKFLOW_DIR, projectContext, validateActions } from "./validate-workflows";
import { Doc, actionProblems, workflowProblems } from "./workflowRules";

const ctx = projectContext();
const real = (): Doc => parse(readFileSync(join(DEFAULT_WORKFLOW_DIR, "infrastructure.yml"), "utf8")) as Doc;
const edited = (edit: (w: Doc) => void): string[] => {
  const w = real();
  edit(w);
  return workflowProblems(w, ctx);
};
const runStep = (job: Doc) => job.steps.find((s: Doc) => typeof s.run === "string" && s.run.startsWith("npm run"));

describe("workflow deployment rules", () => {
  it("hold for the real workflow and its composite action", () => {
    assert.deepEqual(workflowProblems(real(), ctx), []);
    assert.deepEqual(validateActions().flatMap((r) => r.errors), []);
  });

  it("pin the Pulumi CLI to the locked @pulumi/pulumi version", () => {
    assert.match(ctx.pulumiSdkVersion, /^\d+\.\d+\.\d+$/);
    assert.deepEqual(edited((w) => (w.env.PULUMI_VERSION = "latest")), [`env.PULUMI_VERSION is "latest"; pin the Pulumi CLI to ${ctx.pulumiSdkVersion}, the @pulumi/pulumi version in package-lock.json`]);
    const loose = edited((w) => (w.jobs["deploy-dev-aws"].steps[1].with["pulumi-version"] = "3.x"));
    assert.deepEqual(loose, ['jobs.deploy-dev-aws: ./.github/actions/pulumi gets pulumi-version "3.x"; pass ${{ env.PULUMI_VERSION }}']);
  });

  it("cache the Pulumi CLI's plugins wherever it is installed, keyed by the lock file", () => {
    const action = () => structuredClone(ctx.actions["./.github/actions/pulumi"]);
    const problem = "action.yml: installs the Pulumi CLI without caching ~/.pulumi/plugins; add actions/cache with that path and a key of hashFiles('package-lock.json')";
    const uncached = action();
    uncached.runs.steps = uncached.runs.steps.filter((s: Doc) => !String(s.uses).startsWith("actions/cache"));
    assert.deepEqual(actionProblems("action.yml", uncached), [problem]);
    const unkeyed = action();
    unkeyed.runs.steps.find((s: Doc) => String(s.uses).startsWith("actions/cache")).with.key = "pulumi-plugins";
    assert.deepEqual(actionProblems("action.yml", unkeyed), [problem]);
    const inline = edited((w) => w.jobs["preview-dev-aws"].steps.push({ uses: "pulumi/actions@v6", with: { "pulumi-version": "${{ env.PULUMI_VERSION }}" } }));
    assert.deepEqual(inline, ["jobs.preview-dev-aws: installs the Pulumi CLI without caching ~/.pulumi/plugins; add actions/cache with that path and a key of hashFiles('package-lock.json')"]);
  });

  it("want Node 22 in every job and action", () => {
    assert.deepEqual(edited((w) => (w.jobs.test.steps[1].with["node-version"] = 20)), ["jobs.test: actions/setup-node with node-version 20; use 22 (@pulumi/pulumi declares node >= 22)"]);
    const action = structuredClone(ctx.actions["./.github/actions/pulumi"]);
    action.runs.steps[0].with["node-version"] = "20.x";
    assert.deepEqual(actionProblems("action.yml", action), ['action.yml: actions/setup-node with node-version "20.x"; use 22 (@pulumi/pulumi declares node >= 22)']);
  });

  it("run the Kubernetes step only on the stack's runner inside the VPC", () => {
    assert.deepEqual(edited((w) => (w.jobs["deploy-dev-kubernetes"]["runs-on"] = "ubuntu-latest")), [
      'jobs.deploy-dev-kubernetes: runs the Kubernetes step of dev on "ubuntu-latest"; only the stack\'s runner inside the VPC reaches the private API (runs-on: codebuild-<project>-${{ github.run_id }}-${{ github.run_attempt }})',
    ]);
  });

  it("keep every job that changes or refreshes a stack in that stack's one concurrency group, waiting", () => {
    assert.deepEqual(edited((w) => (w.jobs["deploy-prod-kubernetes"].concurrency.group = "infrastructure-deploy-prod-k8s")), [
      'jobs.deploy-prod-kubernetes: changes or refreshes stack prod in concurrency group "infrastructure-deploy-prod-k8s"; use infrastructure-prod, the one group of that stack',
    ]);
    assert.deepEqual(edited((w) => (w.jobs["drift-dev-aws"].concurrency["cancel-in-progress"] = true)), [
      "jobs.drift-dev-aws: assumes an AWS role outside a concurrency group with cancel-in-progress: false; a cancelled Pulumi run can leave a stack locked",
    ]);
  });

  it("take AWS credentials only through OIDC", () => {
    assert.deepEqual(edited((w) => delete w.jobs["preview-dev-aws"].permissions["id-token"]), ["jobs.preview-dev-aws: assumes an AWS role without permissions: { id-token: write }; OIDC is the only way in"]);
  });

  it("drift-check both steps of every deployed stack on a schedule", () => {
    assert.deepEqual(edited((w) => delete w.on.schedule), ["on: no schedule; a scheduled drift check (npm run preview -- --stack <name> -- --refresh --expect-no-changes) must run for every deployed stack"]);
    assert.deepEqual(edited((w) => (runStep(w.jobs["drift-prod-kubernetes"]).run = "npm run preview -- --stack prod --step kubernetes -- --refresh")), [
      "stack prod, kubernetes step is deployed but never drift-checked (preview --refresh --expect-no-changes)",
    ]);
  });

  it("notify the stack's warning topic when a drift check fails", () => {
    const notice = "jobs.drift-prod-aws: its drift check notifies no one; add a later step with if: failure() that publishes to the stack's warning topic (aws sns publish, monitoring.topicArns.warning)";
    const drift = (w: Doc) => w.jobs["drift-prod-aws"].steps as Doc[];
    const publish = (w: Doc) => drift(w).find((s) => String(s.run ?? "").includes("aws sns publish"))!;
    assert.deepEqual(edited((w) => (w.jobs["drift-prod-aws"].steps = drift(w).filter((s) => s !== publish(w)))), [notice]);
    assert.deepEqual(edited((w) => delete publish(w).if), [notice]);
    assert.deepEqual(edited((w) => (publish(w).run = String(publish(w).run).replace("topicArns.warning", "topicArns.critical"))), [notice]);
  });
});
