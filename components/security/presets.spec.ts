import { strict as assert } from "node:assert";
import { formatProblem } from "../settings";
import {
  APPLICATION_SECRETS_DEFAULTS, APPLICATION_SECRETS_PRESETS, KEY_RING_DEFAULTS, KEY_RING_PRESETS,
  checkApplicationSecrets, checkKeyRingSettings, resolveKeyRingArgs,
} from "./presets";

describe("security presets", () => {
  it("give a direct caller the prod presets: keys wait 30 days and everything is protected", () => {
    assert.deepEqual(KEY_RING_DEFAULTS, KEY_RING_PRESETS.prod);
    assert.deepEqual(KEY_RING_DEFAULTS, { deletionWindowDays: 30, protect: true });
    assert.deepEqual(APPLICATION_SECRETS_DEFAULTS, APPLICATION_SECRETS_PRESETS.prod);
    assert.deepEqual(APPLICATION_SECRETS_DEFAULTS, { recoveryWindowDays: 30, protect: true });
  });

  const windows: Array<[number, boolean]> = [[6, false], [7, true], [30, true], [31, false], [7.5, false]];
  for (const [days, ok] of windows) {
    it(`${ok ? "accepts" : "refuses"} a key deletion window and a secret recovery window of ${days} days (KMS and Secrets Manager: 7 to 30)`, () => {
      assert.equal(checkKeyRingSettings({ deletionWindowDays: days, protect: true }).length === 0, ok);
      assert.equal(checkApplicationSecrets({ recoveryWindowDays: days, protect: true }, []).length === 0, ok);
    });
  }

  it("refuses two secrets of one name and a description Secrets Manager would refuse", () => {
    const problems = checkApplicationSecrets(APPLICATION_SECRETS_DEFAULTS, [
      { name: "api-key", description: "x" }, { name: "api-key", description: "" }, { name: "b", description: "d".repeat(2049) },
    ]);
    assert.deepEqual(problems.map(formatProblem), [
      'secrets[1].name: got "api-key"; allowed: a name no other secret of the component uses',
      'secrets[1].description: got "0 characters"; allowed: 1 to 2048 characters (Secrets Manager CreateSecret)',
      'secrets[2].description: got "2049 characters"; allowed: 1 to 2048 characters (Secrets Manager CreateSecret)',
    ]);
  });

  it("throws before any key with the component's name and every problem", () => {
    assert.throws(() => resolveKeyRingArgs("keys", { deletionWindowDays: 3 }), /^ComponentArgsError: keys: deletionWindowDays: got 3; allowed: an integer from 7 to 30 \(KMS ScheduleKeyDeletion\)$/);
    assert.deepEqual(resolveKeyRingArgs("keys", { protect: false }), { deletionWindowDays: 30, protect: false });
  });
});
