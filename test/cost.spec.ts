/**
 * The estimate on the real stacks: every stack file prints one in the documented shape, every
 * instance type or size a stack uses has a price in its region (issue 17: "A test fails when a type
 * or size used by any stack has no price in its region"), the README's cost table shows the
 * estimates the plans print, and dev stays within the $200 a month issue 17 asks for.
 */
import { strict as assert } from "node:assert";
import { estimateStack } from "../offline/cost/stackCost";
import type { CostReport } from "../offline/cost/types";
import { readStackFile } from "../offline/stackFile";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, planStackFile } from "./helpers";

const STACKS: Array<[string, string]> = [
  ["dev", "Pulumi.dev.yaml"],
  ["prod", "Pulumi.prod.yaml"],
  ["billion", "examples/Pulumi.billion.yaml"],
  ["ecsai", "examples/Pulumi.ecsai.yaml"],
  ["elearning", "examples/Pulumi.elearning.yaml"],
];

/** Price keys of sized things: an instance type, DB class, cache node, broker. */
const SIZED = /^no (\S+) price for ((?:ec2|rds\.postgres|elasticache\.redis|msk|mq)\.\S+)$/;

/**
 * Sizes a stack uses that no source gave a price for, as "<stack>: <region> <key>". They are listed
 * in the plan as unpriced, never counted as zero, and docs/cost.md says what was tried. Issue 17
 * stays open while this list is not empty; it only shrinks: the test fails when a stack uses a new
 * unpriced size, and when a listed one gets its price or is no longer used.
 */
const PRICES_STILL_MISSING: string[] = [];

const reports = new Map<string, Promise<CostReport>>();
const report = (stack: string, file: string) => {
  if (!reports.has(stack)) {
    reports.set(stack, planStackFile(file, stack).then((p) => {
      assert.equal(p.error, undefined, p.error?.message);
      return estimateStack(p.resources, readStackFile(join(ROOT, file)), stack);
    }));
  }
  return reports.get(stack)!;
};

describe("cost estimate of every stack file", () => {
  it("has a price for every instance type and size the stacks use, in its region (save the one listed gap)", async () => {
    const missing: string[] = [];
    for (const [stack, file] of STACKS) {
      for (const u of (await report(stack, file)).unpriced) {
        const m = SIZED.exec(u.reason.replace(/^part not priced: /, ""));
        if (m) missing.push(`${stack}: ${m[1]} ${m[2]}`);
      }
    }
    assert.deepEqual(missing.filter((k) => !PRICES_STILL_MISSING.includes(k)), [], "a stack uses a size with no price: add it to offline/cost/prices/<region>.json with its source");
    assert.deepEqual(PRICES_STILL_MISSING.filter((k) => !missing.includes(k)), [], "priced or no longer used: take it off PRICES_STILL_MISSING");
  });

  it("prices every stack's fixed monthly costs in the JSON shape issue 17 gives, each item with a source", async () => {
    for (const [stack, file] of STACKS) {
      const r = await report(stack, file);
      assert.deepEqual(Object.keys(r), ["currency", "region", "monthlyTotal", "byTier", "items", "unpriced", "assumptions"], stack);
      assert.ok(r.monthlyTotal > 0 && r.items.length > 10, stack);
      for (const i of r.items) {
        assert.deepEqual(Object.keys(i).filter((k) => ["urn", "type", "region", "monthly", "basis", "source"].includes(k)).length, 6, `${stack} ${i.name}`);
        assert.match(i.source, /^https?:\/\/\S+ \(read \d{4}-\d{2}-\d{2}\)/, `${stack} ${i.name}`);
      }
      assert.ok(r.items.some((i) => i.type === "aws:eks/cluster:Cluster" || i.type === "aws:autoscaling/group:Group"), `${stack}: the container tier's compute is priced`);
    }
  });

  it("prices the edge's CloudFront web ACL in us-east-1 and the rest in the stack's region", async () => {
    const r = await report("dev", "Pulumi.dev.yaml");
    assert.equal(r.items.find((i) => i.name === "medsearch-edge-cf-waf")?.region, "us-east-1");
    assert.equal(r.items.find((i) => i.type === "aws:rds/instance:Instance")?.region, "us-west-2");
  });

  it("is what the README's cost table shows for every stack, to the cent", async () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const shown = new Map([...readme.matchAll(/^\| (\w+)(?: \(example\))? \| ([\d,]+\.\d{2}) \|/gm)].map((m) => [m[1], m[2]]));
    for (const [stack, file] of STACKS) {
      const usd = (await report(stack, file)).monthlyTotal.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      assert.equal(shown.get(stack), usd, `README cost table, ${stack}: the plan estimates $${usd}`);
    }
  });

  it("keeps dev, with every tier of its stack file on EKS, at $200 a month or less", async () => {
    const r = await report("dev", "Pulumi.dev.yaml");
    assert.deepEqual(Object.keys(r.byTier).sort(), ["cluster", "data", "edge", "monitoring", "network", "security"]);
    assert.ok(r.monthlyTotal <= 200, `dev is estimated at $${r.monthlyTotal}`);
  });
});
