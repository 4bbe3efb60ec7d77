import { strict as assert } from "node:assert";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildCommand, parseArgs } from "./pulumi";
import { packConfigWithEstimate } from "./previewEstimate";

const ROOT = join(__dirname, "..");
const DEV_PACK = join(ROOT, "policy-pack", "config", "dev.json");

describe("preview/up wrapper: the estimate for the budget guard", () => {
  it("writes the profile's pack config with the stack's estimate in the budget policy's entry, and passes that file to pulumi", async function () {
    this.timeout(120000);
    const file = await packConfigWithEstimate(join(ROOT, "Pulumi.dev.yaml"), "dev", DEV_PACK);
    const written = JSON.parse(readFileSync(file, "utf8"));
    const original = JSON.parse(readFileSync(DEV_PACK, "utf8"));
    const entry = written["budgets-require-estimate-within-limit"];
    assert.equal(entry.enforcementLevel, "advisory");
    assert.ok(entry.estimate.monthlyUsd > 0 && entry.estimate.monthlyUsd <= 200);
    assert.equal(entry.estimate.largest.length, 3);
    assert.deepEqual({ ...written, "budgets-require-estimate-within-limit": original["budgets-require-estimate-within-limit"] }, original, "every other entry is the profile's");
    const command = buildCommand(parseArgs(["preview", "--stack", "dev"]), "dev", file);
    assert.equal(command[command.indexOf("--policy-pack-config") + 1], file);
  });

  it("falls back to the profile's config when the program cannot run offline, leaving the error to pulumi", async () => {
    const bad = join(mkdtempSync(join(tmpdir(), "stack-")), "Pulumi.bad.yaml");
    writeFileSync(bad, "config:\n  aws:region: us-west-2\n  platform:profile: dev\n");
    assert.equal(await packConfigWithEstimate(bad, "bad", DEV_PACK), DEV_PACK);
  });
});
