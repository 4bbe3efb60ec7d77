/**
 * The deployment documentation says what the code does: README lists outputs the stacks really
 * export, and docs/real-aws.md shows the sequence, the workflow's jobs and the teardown it documents.
 */
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
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

  it("docs/real-aws.md gives the teardown commands and what is left behind", () => {
    for (const text of ["npm run destroy -- --stack dev", "--confirm prod --confirm prod", "pulumi stack rm dev --yes --cwd stacks/kubernetes", "pending deletion", "final snapshot", "retained automated backups", "pulumi state move"]) {
      assert.ok(realAws.includes(text), text);
    }
  });
});
