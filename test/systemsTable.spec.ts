import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SYSTEMS, TIERS, loadSystem, summarize, systemsTable } from "../scripts/systemsTable";
import { ROOT } from "./helpers";

describe("README systems table", () => {
  it("is the table generated from the stack files (run npm run docs:systems after changing one)", () => {
    assert.ok(readFileSync(join(ROOT, "README.md"), "utf8").includes(systemsTable()), "README systems table is stale: run npm run docs:systems");
  });

  it("has one row per reference system, the medical platform counted in dev and prod", () => {
    assert.deepEqual(SYSTEMS.map((s) => s.file).sort(), ["Pulumi.dev.yaml", "Pulumi.prod.yaml", "examples/Pulumi.billion.yaml", "examples/Pulumi.ecsai.yaml", "examples/Pulumi.elearning.yaml"]);
    assert.equal(systemsTable().split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| System")).length, SYSTEMS.length);
  });

  it("says what each file configures, tier by tier", () => {
    const cells = Object.fromEntries(SYSTEMS.map((s) => [s.file, summarize(loadSystem(s.file))]));
    assert.match(cells["Pulumi.prod.yaml"].cluster, /^EKS 1\.35: t3\.large × 3–10, cluster-autoscaler; 7 services$/);
    assert.match(cells["Pulumi.prod.yaml"].data, /PostgreSQL 17 db\.r6g\.large Multi-AZ \+ 1 replica/);
    assert.match(cells["examples/Pulumi.ecsai.yaml"].cluster, /^ECS on EC2: m6i\.large × 1–5, capacity target 100%; 5 services$/);
    assert.equal(cells["examples/Pulumi.ecsai.yaml"].data, "4 application secrets");
    assert.match(cells["examples/Pulumi.billion.yaml"].data, /MSK 3 × kafka\.m5\.large/);
    assert.match(cells["examples/Pulumi.billion.yaml"].data, /Redis OSS .* cluster mode 3 shards/);
    assert.match(cells["examples/Pulumi.elearning.yaml"].data, /Amazon MQ RabbitMQ/);
    for (const s of SYSTEMS) for (const t of TIERS) assert.ok(cells[s.file][t].length > 0, `${s.file} ${t}`);
  });
});
