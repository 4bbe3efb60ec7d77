import { strict as assert } from "node:assert";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { assertOneViolation, withOutputs } from "../../test/fixtures";
import { check, hostedZone, queryLog } from "../../test/edgeFixtures";
import { enableQueryLogging as policy } from "./enableQueryLogging";

const FAILURE = /^Public hosted zone medsearch\.example\.com does not log DNS queries; add an aws\.route53\.QueryLog whose zoneId is this zone, logging to a log group in us-east-1\.$/;

describe("route53-enable-query-logging (FSBP Route53.2)", () => {
  const zone = hostedZone();

  it("passes a public zone whose query logging configuration depends on it", async () => {
    assert.deepEqual(await check(policy, [zone, queryLog(zone)]), []);
  });

  it("passes a public zone whose query logging configuration names its id, with no dependency", async () => {
    assert.deepEqual(await check(policy, [zone, queryLog(zone, true)]), []);
  });

  it("fails a public zone with no query logging configuration, at the zone", async () => {
    const v = assertOneViolation(await check(policy, [zone]), policy, [FAILURE]);
    assert.equal(v.urn, zone.urn);
  });

  it("fails a public zone whose only query logging configuration names another zone's id", async () => {
    assertOneViolation(await check(policy, [zone, withOutputs(queryLog(zone, true), { zoneId: "Z9999999999OTHERZONE0" })]), policy, [FAILURE]);
  });

  it("reports each unlogged public zone once, at that zone", async () => {
    const logged = hostedZone({ name: "logged.example.com" }, "logged-zone", "Z1111111111LOGGED0000");
    const found = await check(policy, [zone, logged, queryLog(logged)]);
    assert.deepEqual(found.map((v) => v.urn), [zone.urn]);
  });

  it("treats an empty vpcs list as public", async () => {
    assertOneViolation(await check(policy, [withOutputs(zone, { vpcs: [] })]), policy, [FAILURE]);
  });

  it("leaves a private zone (associated with a VPC) alone: Route 53 logs queries of public zones only", async () => {
    assert.deepEqual(await check(policy, [withOutputs(zone, { vpcs: [{ vpcId: "vpc-1", vpcRegion: "us-west-2" }] })]), []);
  });

  it("passes a stack without hosted zones", async () => {
    assert.deepEqual(await check(policy, []), []);
  });

  describe("during preview, when ids are unknown", () => {
    const previewZone = withOutputs(zone, { id: unknownValue, zoneId: unknownValue, arn: unknownValue });
    const linked = withOutputs(queryLog(previewZone), { zoneId: unknownValue, cloudwatchLogGroupArn: unknownValue });

    it("links the configuration to its zone by dependency and passes", async () => {
      assert.deepEqual(await check(policy, [previewZone, linked]), []);
    });

    it("still fails a public zone no configuration can name, as mandatory", async () => {
      assertOneViolation(await check(policy, [previewZone]), policy, [FAILURE]);
    });

    it("treats a private zone whose VPC id is unknown as private", async () => {
      assert.deepEqual(await check(policy, [withOutputs(previewZone, { vpcs: [{ vpcId: unknownValue }] })]), []);
    });

    it("says it can't decide when an unlinked configuration's zoneId is unknown", async () => {
      const vs = await check(policy, [previewZone, { ...linked, dependencies: [], propertyDependencies: {} }]);
      assert.equal(vs.length, 1);
      assert.match(vs[0].message, /can't run policy 'route53-enable-query-logging' during preview/);
      assert.equal(vs[0].level, "advisory");
    });

    it("says it can't decide when the zone's vpcs are unknown and no configuration names it", async () => {
      const vs = await check(policy, [withOutputs(previewZone, { vpcs: unknownValue })]);
      assert.equal(vs.length, 1);
      assert.match(vs[0].message, /can't run policy 'route53-enable-query-logging' during preview: .*\.vpcs/);
    });
  });
});
