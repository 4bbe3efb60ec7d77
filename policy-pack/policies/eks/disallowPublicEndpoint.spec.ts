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

describe("eks-disallow-public-endpoint with allowedPublicAccessCidrs", () => {
  const allowed = { allowedPublicAccessCidrs: ["203.0.113.0/24", "2001:db8::/32"] };
  const component = (publicAccessCidrs?: string[]) => ({ type: T.eksComponentCluster, props: { ...privateComponent, endpointPublicAccess: true, publicAccessCidrs } });
  const cluster = (publicAccessCidrs?: string[]) => ({ type: T.eksCluster, props: { vpcConfig: { endpointPublicAccess: true, publicAccessCidrs } } });

  it("passes a public endpoint whose every CIDR equals or lies within an allowed network, on both types", async () => {
    for (const cidrs of [["203.0.113.0/24"], ["203.0.113.128/25", "203.0.113.7/32"], ["2001:db8:1::/48"]]) {
      assert.deepEqual(await resourceViolations(policy, component(cidrs), allowed), [], cidrs.join());
      assert.deepEqual(await resourceViolations(policy, cluster(cidrs), allowed), [], cidrs.join());
    }
  });

  it("fails a public endpoint admitting one network outside the allowed ones, naming it", async () => {
    const [v] = await resourceViolations(policy, cluster(["203.0.113.0/24", "198.51.100.0/24"]), allowed);
    assert.equal(v, "EKS API endpoint admits 198.51.100.0/24, outside the networks the policy allows (203.0.113.0/24, 2001:db8::/32); list only networks within them in publicAccessCidrs.");
  });

  it("fails a block wider than the allowed network that holds it", async () => {
    assert.match((await resourceViolations(policy, component(["203.0.112.0/23"]), allowed))[0], /admits 203\.0\.112\.0\/23, outside/);
  });

  it("fails 0.0.0.0/0, ::/0 and an empty list (EKS's 0.0.0.0/0) whatever the allowed networks", async () => {
    for (const cidrs of [["0.0.0.0/0"], ["203.0.113.0/24", "::/0"], [], undefined]) {
      assert.match((await resourceViolations(policy, cluster(cidrs), allowed))[0], /whole internet/, JSON.stringify(cidrs));
    }
  });

  it("ignores a /0 among the allowed networks: a public endpoint is then not allowed at all", async () => {
    const [v] = await resourceViolations(policy, component(["203.0.113.0/24"]), { allowedPublicAccessCidrs: ["0.0.0.0/0"] });
    assert.match(v, /endpoint is public; set endpointPublicAccess: false/);
  });

  it("holds the allowed networks over allowRestrictedPublicAccess when both are set", async () => {
    const [v] = await resourceViolations(policy, component(["198.51.100.0/24"]), { ...allowed, ...restricted });
    assert.match(v, /admits 198\.51\.100\.0\/24, outside the networks the policy allows/);
  });

  it("passes a private endpoint whatever the allowed networks", async () => {
    assert.deepEqual(await resourceViolations(policy, { type: T.eksComponentCluster, props: privateComponent }, allowed), []);
  });
});
