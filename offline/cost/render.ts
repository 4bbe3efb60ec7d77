/**
 * The cost section of the plan's text output: total, per tier, the ten largest items, what is
 * unpriced and the assumptions. Last in the plan, after the violations and the stack outputs.
 */
import type { CostReport } from "./types";

const money = (usd: number) => `$${usd.toFixed(2)}`;
const pad = (s: string, n: number) => (s.length >= n ? s : s + " ".repeat(n - s.length));

/** `key=value` pairs of the usage assumptions, wrapped to lines of about `width` characters. */
function assumptionLines(a: Record<string, unknown>, width = 100): string[] {
  const pairs = Object.entries(a).filter(([k]) => k !== "pricing").map(([k, v]) => `${k}=${v}`);
  const out: string[] = [];
  let cur = "";
  for (const p of pairs) {
    if (cur && cur.length + p.length + 2 > width) {
      out.push(cur);
      cur = "";
    }
    cur = cur ? `${cur}, ${p}` : p;
  }
  if (cur) out.push(cur);
  return out.map((l) => `    ${l}`);
}

export function renderCost(report: CostReport, top = 10): string[] {
  const lines = [
    `Estimated monthly cost: ${money(report.monthlyTotal)} ${report.currency} (on-demand list prices, 730 h/month; stack region ${report.region}).`,
    "  By tier:",
    ...Object.entries(report.byTier).map(([tier, usd]) => `    ${pad(tier, 12)}${money(usd).padStart(11)}`),
    `  Largest ${Math.min(top, report.items.length)} items:`,
    ...report.items.slice(0, top).map((i) => `    ${money(i.monthly).padStart(10)}  ${i.name} (${i.type}) [${i.region}] — ${i.basis}`),
  ];
  if (report.unpriced.length > 0) {
    lines.push("  Unpriced (not counted):", ...report.unpriced.map((u) => `    ${u.count} x ${u.type}: ${u.reason}`));
  }
  lines.push("  Assumptions (platform:cost):", ...assumptionLines(report.assumptions));
  return lines;
}
