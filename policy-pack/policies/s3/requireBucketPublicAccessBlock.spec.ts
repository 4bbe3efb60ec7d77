import { strict as assert } from "node:assert";
import { change, compliantBuckets, messages } from "../../test/storageFixtures";
import { requireBucketPublicAccessBlock } from "./requireBucketPublicAccessBlock";

describe("s3-require-bucket-public-access-block", () => {
  it("passes a block with all four settings on", async () => {
    assert.deepEqual(await messages(requireBucketPublicAccessBlock, compliantBuckets()), []);
  });

  for (const flag of ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"]) {
    it(`fails a block with ${flag} off`, async () => {
      const ms = await messages(requireBucketPublicAccessBlock, change(compliantBuckets(), "documents-public-access", { [flag]: false }));
      assert.deepEqual(ms, [`Public access block leaves ${flag} off; set all four settings to true.`]);
    });
  }
});
