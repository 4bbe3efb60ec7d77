/**
 * The deployment documentation says what the code does: README lists outputs the stacks really
 * export, and docs/real-aws.md shows the sequence, the workflow's jobs and the teardown it documents.
 */
import { strict as assert } from "node:assert";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { parseDestroyArgs } from "../scripts/destroy";
import { parsePlanArgs } from "../scripts/plan";
import { parseArgs } from "../scripts/pulumi";
import { ROOT, planStackFile } from "./helpers";

const readme = readFileSync(join(ROOT, "README.md"), "utf8");
const realAws = readFileSync(join(ROOT, "docs", "real-aws.md"), "utf8");
const section = (text: string, title: string) => text.slice(text.indexOf(`## ${title}`), text.indexOf("\n## ", text.indexOf(`## ${title}`) + 3));

/** Whether `path` (dotted; `<x>` any key, `*` any rest) leads somewhere in `value`. */
function reaches(value: unknown, path: string[]): boolean {
  if (path.length === 0 || path[0] === "*") return value !== undefined;
  if (typeof value !== "object" || value === null) return false;
  const [head, ...rest] = path;
  const keys = /^<.+>$/.test(head) ? Object.keys(value) : [head];
  return keys.some((k) => reaches((value as Record<string, unknown>)[k], rest));
}

/** `npm run <script> -- <args>` lines of docs/real-aws.md's shell blocks (commented ones too), without trailing comments. */
function shellCommands(text: string): Array<{ script: string; args: string[]; line: string }> {
  const blocks = [...text.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]);
  return blocks.flatMap((b) => b.split("\n")).flatMap((raw) => {
    const line = raw.replace(/^#\s*/, "").replace(/\s{2,}[#(].*$/, "").trim();
    const m = /^npm run (\S+) -- (.*)$/.exec(line);
    return m ? [{ script: m[1], args: m[2].split(/\s+/), line }] : [];
  });
}

describe("deployment documentation", () => {
  it("README lists one line per application-team output, each exported by a planned stack", async () => {
    const outputs = [];
    for (const f of ["Pulumi.prod.yaml", "examples/Pulumi.billion.yaml", "examples/Pulumi.ecsai.yaml"]) outputs.push((await planStackFile(f)).outputs);
    const lines = section(readme, "Stack outputs").split("\n").filter((l) => l.startsWith("- "));
    assert.ok(lines.length >= 7, "cluster and OIDC, repositories, roles, endpoints, secrets, URL, name servers");
    for (const line of lines) {
      const paths = [...line.matchAll(/`([a-zA-Z]+(?:\.[^`\s]+)+)`/g)].map((m) => m[1]);
      assert.ok(paths.length > 0, line);
      for (const p of paths) assert.ok(outputs.some((o) => reaches(o, p.split("."))), `${p} is not an output of any planned stack`);
    }
    for (const topic of ["clusterName", "oidcProvider", "repositoryUrls", "serviceRoleArns", "secretArns", "edge.url", "nameServers"]) assert.ok(lines.join("\n").includes(topic), topic);
  });

  it("docs/real-aws.md draws the sequence in Mermaid and names every job of the workflow", () => {
    assert.match(realAws, /```mermaid\nsequenceDiagram/);
    const jobs = Object.keys((parse(readFileSync(join(ROOT, ".github", "workflows", "infrastructure.yml"), "utf8")) as { jobs: Record<string, unknown> }).jobs);
    const documented = (job: string) => realAws.includes(job) || realAws.includes(job.replace(/-(dev|prod)-/, "-<stack>-"));
    assert.deepEqual(jobs.filter((j) => !["test", "runners"].includes(j) && !j.startsWith("teardown-") && !documented(j)), []);
  });

  it("docs/real-aws.md's commands are ones the scripts accept, for stack files that exist, the AWS step before the Kubernetes step", () => {
    const commands = shellCommands(realAws);
    const parse = { up: (a: string[]) => parseArgs(["up", ...a]), preview: (a: string[]) => parseArgs(["preview", ...a]), destroy: parseDestroyArgs, plan: parsePlanArgs } as Record<string, (a: string[]) => { stack: string }>;
    assert.ok(commands.length >= 8, commands.map((c) => c.line).join("\n"));
    for (const c of commands) {
      assert.ok(parse[c.script], `${c.line}: no npm script ${c.script} documented here`);
      const { stack } = parse[c.script](c.args);
      assert.ok(existsSync(join(ROOT, `Pulumi.${stack}.yaml`)), c.line);
    }
    const at = (line: string) => commands.findIndex((c) => c.line === line);
    for (const [first, then] of [
      ["npm run up -- --stack prod", "npm run up -- --stack prod --step kubernetes"],
      ["npm run destroy -- --stack dev --step kubernetes", "npm run destroy -- --stack dev --step aws"],
    ]) assert.ok(at(first) >= 0 && at(first) < at(then), `${first} before ${then}`);
  });

  it("README says why engines stays >=20 while users and the workflow run Node 22, and docs/real-aws.md asks for Node 22", () => {
    assert.equal(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).engines.node, ">=20");
    assert.match(readme, /`engines` says `>=20` because our own CI\s+machines run Node 20\); users and the GitHub workflow run Node 22/);
    assert.match(realAws, /Node\.js 22 \(`@pulumi\/pulumi` declares `node >= 22`/);
  });

  it("docs/real-aws.md gives the teardown commands and what is left behind", () => {
    for (const text of ["npm run destroy -- --stack dev", "--confirm prod --confirm prod", "pulumi stack rm dev --yes --cwd stacks/kubernetes", "pending deletion", "final snapshot", "retained automated backups", "pulumi state move"]) {
      assert.ok(realAws.includes(text), text);
    }
  });
});
