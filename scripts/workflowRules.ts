/**
 * The deployment path's rules for our GitHub workflows, beyond the schema: what the schema cannot
 * know about this project. Pure; scripts/validate-workflows.ts runs it on every workflow file.
 *
 * - Node 22 wherever a job sets Node up (@pulumi/pulumi declares node >= 22).
 * - The Pulumi CLI pinned to the @pulumi/pulumi version of package-lock.json, and only that one,
 *   with its plugins cached under a key of the lock file wherever it is installed.
 * - A job with AWS credentials asks for an OIDC token and waits in a concurrency group.
 * - The Kubernetes step runs only on a stack's in-VPC runner (runs-on codebuild-<project>-...).
 * - Every job that changes or refreshes a stack shares that stack's group, infrastructure-<stack>.
 * - A scheduled drift check (preview --refresh --expect-no-changes) covers both steps of every
 *   stack the workflow deploys, and a drifted stack notifies its warning topic.
 */

export type Doc = Record<string, any>;

export interface Context {
  /** @pulumi/pulumi's version in package-lock.json. */
  pulumiSdkVersion: string;
  /** Local composite actions by the path a step `uses` them with (./.github/actions/<name>). */
  actions: Record<string, Doc>;
}

const steps = (job: Doc): Doc[] => (Array.isArray(job.steps) ? job.steps : []);
const runs = (job: Doc): string => steps(job).map((s) => String(s.run ?? "")).join("\n");
const uses = (step: Doc, action: string): boolean => typeof step.uses === "string" && step.uses.split("@")[0] === action;

/** Steps of a job with the steps of the local actions it uses spliced in. */
function allSteps(job: Doc, ctx: Context): Doc[] {
  return steps(job).flatMap((s) => (typeof s.uses === "string" && ctx.actions[s.uses] ? [s, ...(ctx.actions[s.uses].runs?.steps ?? [])] : [s]));
}

const getsAwsCredentials = (job: Doc, ctx: Context) => allSteps(job, ctx).some((s) => uses(s, "aws-actions/configure-aws-credentials"));

/** `npm run <script> -- --stack <name>` commands of a job: [script, stack, step, rest]. */
function wrapperCommands(job: Doc): Array<{ script: string; stack: string; step: string; line: string }> {
  return runs(job).split("\n").flatMap((line) => {
    const m = /npm run (up|preview|destroy) -- .*?--stack (\S+)/.exec(line);
    if (!m) return [];
    return [{ script: m[1], stack: m[2], step: /--step (kubernetes|aws)/.exec(line)?.[1] ?? (m[1] === "destroy" && !line.includes("--step") ? "both" : "aws"), line }];
  });
}

const isDriftCheck = (run: string) => /npm run preview -- .*--refresh/.test(run) && /--expect-no-changes/.test(run);

const changes = (c: { script: string; line: string }) => c.script === "up" || c.script === "destroy" || /--refresh/.test(c.line);

function nodeProblems(where: string, stepsOf: Doc[]): string[] {
  return stepsOf.filter((s) => uses(s, "actions/setup-node")).filter((s) => String(s.with?.["node-version"]) !== "22")
    .map((s) => `${where}: actions/setup-node with node-version ${JSON.stringify(s.with?.["node-version"])}; use 22 (@pulumi/pulumi declares node >= 22)`);
}

/**
 * Steps that install the Pulumi CLI also cache its provider plugins (a few hundred MB a run), keyed
 * by package-lock.json, which decides the plugins' versions.
 */
function pluginCacheProblems(where: string, stepsOf: Doc[]): string[] {
  if (!stepsOf.some((s) => uses(s, "pulumi/actions"))) return [];
  const cached = stepsOf.some((s) => uses(s, "actions/cache") && /\.pulumi\/plugins/.test(String(s.with?.path ?? "")) && String(s.with?.key ?? "").includes("hashFiles('package-lock.json')"));
  return cached ? [] : [`${where}: installs the Pulumi CLI without caching ~/.pulumi/plugins; add actions/cache with that path and a key of hashFiles('package-lock.json')`];
}

function pulumiVersionProblems(workflow: Doc, ctx: Context, jobs: [string, Doc][]): string[] {
  const out: string[] = [];
  const pinned = workflow.env?.PULUMI_VERSION;
  const installs = jobs.flatMap(([name, job]) => allSteps(job, ctx).filter((s) => uses(s, "pulumi/actions")).map((s) => [name, s] as const));
  const usesPulumi = jobs.some(([, job]) => /npm run (up|preview|destroy)\b|pulumi /.test(runs(job)));
  if (!usesPulumi) return out;
  if (String(pinned) !== ctx.pulumiSdkVersion) out.push(`env.PULUMI_VERSION is ${JSON.stringify(pinned)}; pin the Pulumi CLI to ${ctx.pulumiSdkVersion}, the @pulumi/pulumi version in package-lock.json`);
  for (const [job, s] of installs) {
    const v = String(s.with?.["pulumi-version"] ?? "");
    if (!/^\$\{\{ *(env\.PULUMI_VERSION|inputs\.pulumi-version) *\}\}$/.test(v)) out.push(`jobs.${job}: pulumi/actions installs ${v === "" ? "the latest CLI" : `CLI ${v}`}; pass pulumi-version: \${{ env.PULUMI_VERSION }}`);
  }
  for (const [name, job] of jobs) {
    const local = steps(job).find((s) => typeof s.uses === "string" && ctx.actions[s.uses] && allSteps({ steps: [s] }, ctx).some((x) => uses(x, "pulumi/actions")));
    if (local && !/^\$\{\{ *env\.PULUMI_VERSION *\}\}$/.test(String(local.with?.["pulumi-version"] ?? ""))) out.push(`jobs.${name}: ${local.uses} gets pulumi-version ${JSON.stringify(local.with?.["pulumi-version"])}; pass \${{ env.PULUMI_VERSION }}`);
  }
  return out;
}

function jobProblems(name: string, job: Doc, ctx: Context): string[] {
  const out: string[] = [];
  const where = `jobs.${name}`;
  out.push(...nodeProblems(where, allSteps(job, ctx)), ...pluginCacheProblems(where, steps(job)));
  if (getsAwsCredentials(job, ctx)) {
    if (job.permissions?.["id-token"] !== "write") out.push(`${where}: assumes an AWS role without permissions: { id-token: write }; OIDC is the only way in`);
    if (!job.concurrency?.group || job.concurrency["cancel-in-progress"] !== false) out.push(`${where}: assumes an AWS role outside a concurrency group with cancel-in-progress: false; a cancelled Pulumi run can leave a stack locked`);
  }
  for (const c of wrapperCommands(job)) {
    if (c.step === "kubernetes" && !/^codebuild-\$\{\{.*\}\}-\$\{\{ github\.run_id \}\}-\$\{\{ github\.run_attempt \}\}$/.test(String(job["runs-on"]))) {
      out.push(`${where}: runs the Kubernetes step of ${c.stack} on ${JSON.stringify(job["runs-on"])}; only the stack's runner inside the VPC reaches the private API (runs-on: codebuild-<project>-\${{ github.run_id }}-\${{ github.run_attempt }})`);
    }
    if (changes(c) && job.concurrency?.group !== `infrastructure-${c.stack}`) {
      out.push(`${where}: changes or refreshes stack ${c.stack} in concurrency group ${JSON.stringify(job.concurrency?.group)}; use infrastructure-${c.stack}, the one group of that stack`);
    }
  }
  return out;
}

function driftProblems(workflow: Doc, jobs: [string, Doc][]): string[] {
  const deployed = new Set(jobs.flatMap(([, job]) => wrapperCommands(job).filter((c) => c.script === "up").map((c) => `${c.stack} ${c.step}`)));
  if (deployed.size === 0) return [];
  const on = workflow.on ?? workflow[true as unknown as string];
  if (!on?.schedule) return ["on: no schedule; a scheduled drift check (npm run preview -- --stack <name> -- --refresh --expect-no-changes) must run for every deployed stack"];
  const checked = new Set(jobs.flatMap(([, job]) => wrapperCommands(job).filter((c) => c.script === "preview" && /--refresh/.test(c.line) && /--expect-no-changes/.test(c.line)).map((c) => `${c.stack} ${c.step}`)));
  return [...deployed].filter((d) => !checked.has(d)).map((d) => `stack ${d.replace(" ", ", ")} step is deployed but never drift-checked (preview --refresh --expect-no-changes)`);
}

/**
 * A drift check fails its job when the stack drifted; a later step run on that failure publishes to
 * the stack's warning topic, so a scheduled run nobody watches still reaches the people on it.
 */
function driftNoticeProblems(name: string, job: Doc): string[] {
  const all = steps(job);
  const at = all.findIndex((s) => isDriftCheck(String(s.run ?? "")));
  if (at < 0) return [];
  const notifies = all.slice(at + 1).some((s) => /\bfailure\(\)/.test(String(s.if ?? "")) && /aws sns publish/.test(String(s.run ?? "")) && /topicArns\.warning/.test(String(s.run ?? "")));
  return notifies ? [] : [`jobs.${name}: its drift check notifies no one; add a later step with if: failure() that publishes to the stack's warning topic (aws sns publish, monitoring.topicArns.warning)`];
}

/** Every problem of one workflow, each naming where it is and what to do. */
export function workflowProblems(workflow: Doc, ctx: Context): string[] {
  const jobs = Object.entries((workflow.jobs ?? {}) as Record<string, Doc>);
  return [...pulumiVersionProblems(workflow, ctx, jobs), ...jobs.flatMap(([n, j]) => jobProblems(n, j, ctx)), ...driftProblems(workflow, jobs), ...jobs.flatMap(([n, j]) => driftNoticeProblems(n, j))];
}

/** A local action's own problems: Node 22. */
export function actionProblems(path: string, action: Doc): string[] {
  const stepsOf = action.runs?.steps ?? [];
  return [...nodeProblems(path, stepsOf), ...pluginCacheProblems(path, stepsOf)];
}
