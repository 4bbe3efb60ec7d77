import { strict as assert } from "node:assert";
import { DAILY_SCHEDULE, MONTHLY_SCHEDULE, backupRules } from "./backupPlan";

describe("backup plan rules", () => {
  it("back up daily and monthly into the vault, each kept for its retention", () => {
    const rules = backupRules("vault", { dailyRetentionDays: 35, monthlyRetentionDays: 365 });
    assert.deepEqual(rules.map((r) => [r.ruleName, r.schedule, r.targetVaultName, r.lifecycle.deleteAfter]), [
      ["daily", DAILY_SCHEDULE, "vault", 35],
      ["monthly", MONTHLY_SCHEDULE, "vault", 365],
    ]);
    for (const r of rules) assert.equal("copyActions" in r, false);
  });

  it("copy every recovery point to the second region's vault with the same retention", () => {
    const rules = backupRules("vault", { dailyRetentionDays: 7, monthlyRetentionDays: 30 }, "arn:aws:backup:us-east-2:1:backup-vault:dr");
    assert.deepEqual(rules.map((r) => r.copyActions), [
      [{ destinationVaultArn: "arn:aws:backup:us-east-2:1:backup-vault:dr", lifecycle: { deleteAfter: 7 } }],
      [{ destinationVaultArn: "arn:aws:backup:us-east-2:1:backup-vault:dr", lifecycle: { deleteAfter: 30 } }],
    ]);
  });
});
