import { strict as assert } from "node:assert";
import { changed, mskCluster, violations } from "../../test/dataFixtures";
import { requireBrokersAcrossAzs } from "./requireBrokersAcrossAzs";

describe("msk-require-brokers-across-azs", () => {
  it("passes brokers over 3 AZs", async () => {
    assert.deepEqual(await violations(requireBrokersAcrossAzs, [mskCluster]), []);
  });

  it("fails brokers over 2 AZs", async () => {
    assert.deepEqual(await violations(requireBrokersAcrossAzs, [changed(mskCluster, "brokerNodeGroupInfo.clientSubnets", ["subnet-a", "subnet-b"])]), [
      "MSK brokers span 2 AZs; spread them over at least 3 AZs.",
    ]);
  });

  it("takes the minimum from the pack config", async () => {
    assert.deepEqual(await violations(requireBrokersAcrossAzs, [changed(mskCluster, "brokerNodeGroupInfo.clientSubnets", ["subnet-a", "subnet-b"])], { minAzCount: 2 }), []);
  });
});
