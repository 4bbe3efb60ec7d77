import { strict as assert } from "node:assert";
import { resourceViolations } from "../../test/clusterFixtures";
import { T } from "../../lib/types";
import { requireLaunchTemplateEncryption as policy } from "./requireLaunchTemplateEncryption";

const KEY = "arn:aws:kms:us-west-2:123456789012:key/data";
const root = { deviceName: "/dev/xvda", ebs: { volumeSize: 50, volumeType: "gp3", encrypted: "true", kmsKeyId: KEY } };
const nodeClassRoot = { deviceName: "/dev/xvda", ebs: { volumeSize: "50Gi", volumeType: "gp3", encrypted: true, kmsKeyID: KEY } };

describe("ec2-require-launch-template-encryption", () => {
  it("passes an encrypted launch template, node class and node groups with templates", async () => {
    assert.deepEqual(await resourceViolations(policy, { type: T.launchTemplate, props: { blockDeviceMappings: [root] } }), []);
    assert.deepEqual(await resourceViolations(policy, { type: T.karpenterNodeClass, props: { spec: { blockDeviceMappings: [nodeClassRoot] } } }), []);
    for (const type of [T.eksComponentManagedNodeGroup, T.eksNodeGroup]) {
      assert.deepEqual(await resourceViolations(policy, { type, props: { launchTemplate: { id: "lt-1", version: "1" } } }), []);
    }
  });

  it("fails an unencrypted root volume, naming the device", async () => {
    const [v] = await resourceViolations(policy, { type: T.launchTemplate, props: { blockDeviceMappings: [{ ...root, ebs: { ...root.ebs, encrypted: "false" } }] } });
    assert.match(v, /maps \/dev\/xvda to an unencrypted EBS volume/);
  });

  it("fails a launch template that declares no block devices", async () => {
    assert.match((await resourceViolations(policy, { type: T.launchTemplate, props: {} }))[0], /declares no block devices/);
  });

  it("fails a node class with an unencrypted volume", async () => {
    const props = { spec: { blockDeviceMappings: [{ ...nodeClassRoot, ebs: { ...nodeClassRoot.ebs, encrypted: false } }] } };
    assert.equal((await resourceViolations(policy, { type: T.karpenterNodeClass, props })).length, 1);
  });

  it("fails node groups without a launch template", async () => {
    for (const type of [T.eksComponentManagedNodeGroup, T.eksNodeGroup]) {
      assert.match((await resourceViolations(policy, { type, props: { diskSize: 50 } }))[0], /no launch template/);
    }
  });
});
