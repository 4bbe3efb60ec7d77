import { strict as assert } from "node:assert";
import { resourceViolations } from "../../test/clusterFixtures";
import { T } from "../../lib/types";
import { disallowPublicEndpoint as policy } from "./disallowPublicEndpoint";

const privateComponent = { endpointPrivateAccess: true, endpointPublicAccess: false };
const privateCluster = { vpcConfig: { endpointPrivateAccess: true, endpointPublicAccess: false } };
const restricted = { allowRestrictedPublicAccess: true };

describe("eks-disallow-public-endpoint", () => {
  it("passes private-only endpoints on both types", async () => {
    assert.deepEqual(await resourceViolations(policy, { type: T.eksComponentCluster, props: privateComponent }), []);
    assert.deepEqual(await resourceViolations(policy, { type: T.eksCluster, props: privateCluster }), []);
  });

  it("fails a public endpoint where none is allowed (prod)", async () => {
    const [v] = await resourceViolations(policy, { type: T.eksComponentCluster, props: { ...privateComponent, endpointPublicAccess: true, publicAccessCidrs: ["203.0.113.0/24"] } });
    assert.match(v, /endpoint is public/);
  });

  it("fails an endpoint left at the default, which is public", async () => {
    assert.equal((await resourceViolations(policy, { type: T.eksCluster, props: { vpcConfig: {} } })).length, 1);
  });

  it("passes a public endpoint limited to listed networks where the profile allows it (dev)", async () => {
    const props = { vpcConfig: { endpointPublicAccess: true, publicAccessCidrs: ["203.0.113.0/24"] } };
    assert.deepEqual(await resourceViolations(policy, { type: T.eksCluster, props }, restricted), []);
  });

  it("fails a public endpoint open to 0.0.0.0/0 even where restricted access is allowed", async () => {
    const props = { ...privateComponent, endpointPublicAccess: true, publicAccessCidrs: ["0.0.0.0/0"] };
    assert.match((await resourceViolations(policy, { type: T.eksComponentCluster, props }, restricted))[0], /whole internet/);
  });

  it("fails a public endpoint with no CIDRs, which EKS opens to everyone", async () => {
    const props = { vpcConfig: { endpointPublicAccess: true } };
    assert.match((await resourceViolations(policy, { type: T.eksCluster, props }, restricted))[0], /whole internet/);
  });
});
