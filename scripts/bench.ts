/**
 * The performance benchmark (issue 16), on this machine as it is (its load is printed too):
 *
 *   npm run bench [-- --rounds 3] [--no-tests]
 *
 *   1. The offline prod plan against the bare SDK load: `npm run plan -- --stack prod` and
 *      `node -e "require(<the six SDK packages>)"`, timed in pairs, the median of the pairs' ratios.
 *   2. Wall time of `npm test` and of the full suite, `npm run test:all` (--no-tests skips them).
 *   3. The plan of generated prod stacks with 7, 35 and 70 services (scripts/benchStacks.ts): the
 *      plan's own time (the program, the pack, the estimate and the report, as its timing line
 *      counts it, without start-up), its CPU time and the process's peak memory, the median of the
 *      rounds; and the milliseconds per resource at 70 services against 7.
 *
 * Every plan starts from a warm compile cache: one untimed plan runs first.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { scaledStack } from "./benchStacks";
import { parsePlanArgs, plan } from "./plan";
import { ROOT, flagValue } from "./stackArgs";

/** What the issue compares the plan with: loading the six SDK packages the program and the pack use. */
export const BARE_SDK_LOAD = ["@pulumi/pulumi", "@pulumi/aws", "@pulumi/awsx", "@pulumi/eks", "@pulumi/kubernetes", "@pulumi/policy"].map((p) => `require('${p}')`).join(";");

export const SCALES = [7, 35, 70] as const;
/** Milliseconds per resource at the largest scale may be at most this many times that at the smallest. */
export const MAX_SCALING = 1.3;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Runs a command in the repository; its wall time in seconds, and its output. */
function timed(command: string, args: string[]): { seconds: number; status: number | null; stdout: string } {
  const start = performance.now();
  const r = spawnSync(command, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - start) / 1000;
  if (r.error) throw r.error;
  return { seconds, status: r.status, stdout: `${r.stdout}${r.stderr}` };
}

const npm = (...args: string[]) => timed("npm", ["run", "--silent", ...args]);
const bare = () => timed(process.execPath, ["-e", BARE_SDK_LOAD]);

export interface PlanRatio {
  pairs: { plan: number; bare: number; ratio: number }[];
  median: number;
}

/** `rounds` pairs of the prod plan and the bare load, in alternating order so neither always runs first. */
export function planRatio(rounds: number): PlanRatio {
  const pairs = Array.from({ length: rounds }, (_, i) => {
    const first = i % 2 === 0 ? bare() : undefined;
    const p = npm("plan", "--", "--stack", "prod");
    if (p.status !== 0) throw new Error(`npm run plan -- --stack prod exited ${p.status}:\n${p.stdout.slice(-2000)}`);
    const b = first ?? bare();
    return { plan: p.seconds, bare: b.seconds, ratio: p.seconds / b.seconds };
  });
  return { pairs, median: median(pairs.map((x) => x.ratio)) };
}

export interface SuiteTime {
  script: string;
  seconds: number;
  summary: string;
  ok: boolean;
}

function suite(script: string): SuiteTime {
  const r = npm(script, "--", "--reporter", "dot");
  const counts = ["passing", "pending", "failing"].map((w) => r.stdout.match(new RegExp(`(\\d+) ${w}`))?.[0]).filter(Boolean);
  return { script, seconds: r.seconds, summary: counts.join(", "), ok: r.status === 0 };
}

export interface ScaleRow {
  services: number;
  resources: number;
  planMs: number;
  cpuMs: number;
  peakMb: number;
  msPerResource: number;
}

/** One plan of a stack file in a fresh process (this script with --measure), as the plan's own numbers. */
function measureOnce(file: string): Omit<ScaleRow, "services" | "msPerResource"> {
  const r = timed(process.execPath, ["-r", "./scripts/register.cjs", "scripts/bench.ts", "--measure", file]);
  const line = r.stdout.split("\n").find((l) => l.startsWith("{"));
  if (r.status !== 0 || !line) throw new Error(`planning ${file} failed:\n${r.stdout.slice(-2000)}`);
  return JSON.parse(line);
}

export function scaling(rounds: number): ScaleRow[] {
  const dir = mkdtempSync(join(tmpdir(), "aws-platform-bench-"));
  try {
    return SCALES.map((services) => {
      const file = join(dir, `Pulumi.scale-${services}.yaml`);
      writeFileSync(file, scaledStack(services));
      const runs = Array.from({ length: rounds }, () => measureOnce(file));
      const planMs = median(runs.map((r) => r.planMs));
      const resources = runs[0].resources;
      return { services, resources, planMs, cpuMs: median(runs.map((r) => r.cpuMs)), peakMb: Math.max(...runs.map((r) => r.peakMb)), msPerResource: planMs / resources };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The child of `measureOnce`: plans the file quietly and prints its numbers as one JSON line. */
async function measure(file: string): Promise<void> {
  const lines: string[] = [];
  const cpu = process.cpuUsage();
  const start = performance.now();
  const code = await plan(parsePlanArgs(["--config", file]), (l) => lines.push(l));
  const planMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const resources = Number(lines.join("\n").match(/^(\d+) resources;/m)?.[1]);
  if (code !== 0) throw new Error(`the plan exited ${code}:\n${lines.join("\n").slice(-2000)}`);
  const row = { resources, planMs, cpuMs: (used.user + used.system) / 1000, peakMb: process.resourceUsage().maxRSS / 1024 };
  process.stdout.write(`${JSON.stringify(row)}\n`, () => process.exit(0));
}

const f = (x: number, digits = 2) => x.toFixed(digits);

export function report(ratio: PlanRatio, suites: SuiteTime[], rows: ScaleRow[]): string[] {
  const [small, large] = [rows[0], rows[rows.length - 1]];
  const growth = large.msPerResource / small.msPerResource;
  const load = loadavg().map((l) => f(l)).join(", ");
  return [
    `Benchmark ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ${cpus().length} CPUs, load average ${load}`,
    "",
    `Offline prod plan / bare SDK load, paired (${ratio.pairs.length} rounds): median ratio ${f(ratio.median)} (target <= 2.0)`,
    ...ratio.pairs.map((p, i) => `  round ${i + 1}: npm run plan ${f(p.plan)} s, bare load ${f(p.bare)} s, ratio ${f(p.ratio)}`),
    "",
    ...(suites.length ? ["Test suites (wall):", ...suites.map((s) => `  npm ${s.script === "test" ? "test" : `run ${s.script}`}: ${f(s.seconds, 1)} s (${s.summary}${s.ok ? "" : "; FAILED"})`), ""] : []),
    "Generated prod stacks (plan time: the plan's own, without start-up; median of the rounds):",
    "  services  resources  plan ms  CPU ms  ms/resource  peak MB",
    ...rows.map((r) => `  ${String(r.services).padStart(8)}  ${String(r.resources).padStart(9)}  ${f(r.planMs, 0).padStart(7)}  ${f(r.cpuMs, 0).padStart(6)}  ${f(r.msPerResource).padStart(11)}  ${f(r.peakMb, 0).padStart(7)}`),
    `  ms/resource at ${large.services} services is ${f(growth)}x that at ${small.services} (target <= ${MAX_SCALING})`,
  ];
}

async function main(argv: string[]): Promise<void> {
  const measured = flagValue(argv, "--measure");
  if (measured) return measure(measured);
  const rounds = Number(flagValue(argv, "--rounds") ?? 3);
  // Warm the compile cache (and every other cache a plan fills) before anything is timed.
  npm("plan", "--", "--stack", "prod");
  const ratio = planRatio(rounds);
  const suites = argv.includes("--no-tests") ? [] : [suite("test"), suite("test:all")];
  const rows = scaling(rounds);
  report(ratio, suites, rows).forEach((l) => console.log(l));
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
