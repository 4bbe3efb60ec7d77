import { strict as assert } from "node:assert";
import { ROTATED_BY_TAG, ROTATED_BY_VALUE, TAG_VALUE, rotatedByTag, tierTags } from "./tags";

describe("component tags", () => {
  it("puts the tier first and keeps extra tags", () => {
    assert.deepEqual(tierTags("data", rotatedByTag("operator: pulumi up --replace")), { Tier: "data", [ROTATED_BY_TAG]: "operator: pulumi up --replace" });
  });

  it("accepts the tag values AWS accepts: letters, digits, spaces and _ . : / = + - @, up to 256", () => {
    for (const ok of ["issuer: rotated at the source then put-secret-value", "team@example.com", "a/b=c+d_e.f", "Müller 2", "x".repeat(256)]) assert.ok(TAG_VALUE.test(ok), ok);
    for (const bad of ["x".repeat(257), "rotated (monthly)", "a, b", "a;b", "aws:owned", "AWS:owned"]) assert.ok(!TAG_VALUE.test(bad), bad);
  });

  it("refuses a RotatedBy value that says nothing or that AWS would refuse", () => {
    for (const bad of ["", "   ", "rotated (monthly)", "x".repeat(257), "aws:team"]) {
      assert.ok(!ROTATED_BY_VALUE.test(bad), bad);
      assert.throws(() => rotatedByTag(bad), /RotatedBy tag value .* must name who rotates the secret/);
    }
    assert.ok(ROTATED_BY_VALUE.test(" issuer "));
  });
});
