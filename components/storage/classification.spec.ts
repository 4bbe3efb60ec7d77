import { strict as assert } from "node:assert";
import { BUCKET_PURPOSES } from "./lifecycle";
import { BUCKET_CLASSIFICATION, FILE_SYSTEM_CLASSIFICATION, VAULT_CLASSIFICATION } from "./classification";

describe("storage data classification", () => {
  const expected: Array<[string, string]> = [
    ["documents", "PHI"], ["backups", "PHI"], ["archive", "PHI"],
    ["ml-artifacts", "Confidential"], ["logs", "Confidential"], ["static-assets", "Public"],
  ];
  for (const [purpose, classification] of expected) {
    it(`classifies ${purpose} buckets ${classification}`, () => assert.equal(BUCKET_CLASSIFICATION[purpose as keyof typeof BUCKET_CLASSIFICATION], classification));
  }

  it("classifies every bucket purpose (the pack rejects an unclassified bucket)", () => {
    assert.deepEqual(Object.keys(BUCKET_CLASSIFICATION).sort(), [...BUCKET_PURPOSES].sort());
  });

  it("classifies backup vaults and the file system PHI: they hold copies of patient records and documents", () => {
    assert.equal(VAULT_CLASSIFICATION, "PHI");
    assert.equal(FILE_SYSTEM_CLASSIFICATION, "PHI");
  });
});
