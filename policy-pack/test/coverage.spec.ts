import { strict as assert } from "node:assert";
import { CONTROL_NOTES, TARGET_CONTROLS } from "../lib/coverage";
import { controlsOf } from "../lib/metadata";
import { policies } from "../policies";

const named = new Set(policies.flatMap(controlsOf));

describe("FSBP coverage map", () => {
  it("answers for every target control: a policy enforces it, or a note says why none does", () => {
    const unanswered = TARGET_CONTROLS.filter((c) => !named.has(c) && !CONTROL_NOTES[c]);
    assert.deepEqual(unanswered, [], "enforce each in a policy (framework or relatedControls) or explain it in CONTROL_NOTES");
  });

  it("lists each target control once, as <Service>.<n>", () => {
    assert.equal(new Set(TARGET_CONTROLS).size, TARGET_CONTROLS.length);
    for (const c of TARGET_CONTROLS) assert.match(c, /^[A-Z][A-Za-z0-9]*\.\d+$/);
  });

  it("keeps notes only for controls the map shows, each a sentence or more", () => {
    for (const [c, note] of Object.entries(CONTROL_NOTES)) {
      assert.ok(TARGET_CONTROLS.includes(c) || named.has(c), `${c} is neither a target nor enforced`);
      assert.match(note, /^[A-Z].{40,}\.$/s, c);
    }
  });

  it("leaves out of the pack only S3.1 (the account baseline owns it) and SNS.1 (no longer an FSBP control)", () => {
    assert.deepEqual(TARGET_CONTROLS.filter((c) => !named.has(c)).sort(), ["S3.1", "SNS.1"]);
  });
});
