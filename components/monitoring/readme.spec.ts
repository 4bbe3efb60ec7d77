import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ALARMS } from "./catalogue";

const readme = readFileSync(join(__dirname, "README.md"), "utf8");
const UNIT: Record<string, string> = { percent: " %", seconds: " s", count: "", mebibytes: " MiB", ratio: "×" };

describe("monitoring README", () => {
  it("lists every alarm with its default condition, datapoints, missing-data treatment and severity", () => {
    for (const a of ALARMS) {
      const row = readme.split("\n").find((l) => l.startsWith(`| \`${a.tier}.${a.name}\` |`));
      assert.ok(row, `no README row for ${a.tier}.${a.name}`);
      const d = a.defaults;
      const cells = row.split("|").map((c) => c.trim());
      assert.equal(cells[4], `${a.comparison === "GreaterThanThreshold" ? ">" : "<"} ${d.threshold}${UNIT[a.unit]}`, a.name);
      assert.equal(cells[5], `${d.datapointsToAlarm} of ${d.evaluationPeriods} × ${d.periodSeconds / 60} min`, a.name);
      assert.deepEqual([cells[6], cells[7]], [a.treatMissingData, a.severity], a.name);
    }
  });
});
