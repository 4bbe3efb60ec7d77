import { strict as assert } from "node:assert";
import { resourceViolations } from "../../test/clusterFixtures";
import { T } from "../../lib/types";
import { requireSecretsEncryption as policy } from "./requireSecretsEncryption";

const KEY = "arn:aws:kms:us-west-2:123456789012:key/data";
const component = { encryptionConfigKeyArn: KEY };
const cluster = { encryptionConfig: { provider: { keyArn: KEY }, resources: ["secrets"] } };

describe("eks-require-secrets-encryption", () => {
  it("passes a component cluster with a key and a low-level cluster encrypting secrets", async () => {
    assert.deepEqual(await resourceViolations(policy, { type: T.eksComponentCluster, props: component }), []);
    assert.deepEqual(await resourceViolations(policy, { type: T.eksCluster, props: cluster }), []);
  });

  it("fails a component cluster without encryptionConfigKeyArn", async () => {
    assert.match((await resourceViolations(policy, { type: T.eksComponentCluster, props: {} }))[0], /no encryptionConfigKeyArn/);
  });

  it("fails a low-level cluster whose encryption config leaves out secrets", async () => {
    const props = { encryptionConfig: { ...cluster.encryptionConfig, resources: [] } };
    assert.match((await resourceViolations(policy, { type: T.eksCluster, props }))[0], /does not encrypt secrets/);
  });

  it("fails a low-level cluster with no key", async () => {
    const props = { encryptionConfig: { ...cluster.encryptionConfig, provider: {} } };
    assert.equal((await resourceViolations(policy, { type: T.eksCluster, props })).length, 1);
  });
});
