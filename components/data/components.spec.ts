/**
 * The data components on their own, with client security groups wired in (as the cluster tier will
 * be), and with the longest system name the config allows.
 */
import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { policies } from "../../policy-pack/policies";
import { readPackConfig, runPolicies } from "../../offline/policyRunner";
import { StackRun, runComponent } from "../../offline/runStack";
import { ROOT } from "../../test/helpers";
import { ROTATED_BY_VALUE } from "../tags";
import { Cache, cacheTokenRotatedBy } from "./cache";
import type { DataStoreNetworkArgs } from "./common";
import { Database } from "./database";
import { Messaging } from "./messaging";
import { CACHE_PRESETS, DATABASE_PRESETS, KAFKA_PRESETS, RABBITMQ_PRESETS } from "./presets";
import { RABBITMQ_PASSWORD_ROTATED_BY } from "./rabbitmq";

const azs = ["us-west-2a", "us-west-2b", "us-west-2c"];
const network: DataStoreNetworkArgs & { availabilityZones: string[] } = {
  vpcId: "vpc-0123456789abcdef0",
  subnetIds: ["subnet-p1", "subnet-p2", "subnet-p3"],
  availabilityZones: azs,
  clientSecurityGroupIds: ["sg-0nodes000000000000", pulumi.output("sg-0pods0000000000000")],
};
const keys = {
  data: "arn:aws:kms:us-west-2:123456789012:key/data",
  secrets: "arn:aws:kms:us-west-2:123456789012:key/secrets",
  logs: "arn:aws:kms:us-west-2:123456789012:key/logs",
};
const account = { accountId: "123456789012", partition: "aws", region: "us-west-2" };

/** Every store of the prod profile, named after the longest system name the schema accepts (16). */
function buildAll(system: string): Promise<StackRun> {
  return runComponent(async () => {
    new Database(`${system}-database`, { ...network, keys, ...DATABASE_PRESETS.prod, subnetIds: ["subnet-d1", "subnet-d2", "subnet-d3"], readReplicas: 2, account });
    new Cache(`${system}-cache`, { ...network, keys, ...CACHE_PRESETS.prod, clusterMode: true, shards: 3 });
    new Messaging(`${system}-kafka`, { ...network, keys, engine: "kafka", kafka: KAFKA_PRESETS.prod });
    new Messaging(`${system}-rabbit`, { ...network, keys, engine: "rabbitmq", rabbitmq: RABBITMQ_PRESETS.prod });
  });
}

describe("data components", () => {
  let run: StackRun;
  before(async () => {
    run = await buildAll("abcdefghijklmnop");
    assert.equal(run.error, undefined, run.error?.message);
  });

  it("admit each store's port only from the client security groups, and open nothing else", () => {
    const groups = run.resources.filter((r) => r.type === "aws:ec2/securityGroup:SecurityGroup");
    const ports = Object.fromEntries(groups.map((g) => [g.name, g.inputs.ingress.map((r: any) => [r.protocol, r.fromPort, r.toPort, r.securityGroups, r.cidrBlocks])]));
    const fromClients = (port: number) => [["tcp", port, port, ["sg-0nodes000000000000", "sg-0pods0000000000000"], undefined]];
    assert.deepEqual(ports, {
      "abcdefghijklmnop-database-sg": fromClients(5432),
      "abcdefghijklmnop-cache-sg": fromClients(6379),
      "abcdefghijklmnop-kafka-sg": fromClients(9098),
      "abcdefghijklmnop-rabbit-sg": fromClients(5671),
    });
    for (const g of groups) assert.deepEqual([g.inputs.egress, g.inputs.vpcId], [[], network.vpcId]);
  });

  it("fit AWS's name limits with the longest system name (the mock cloud rejects names over them)", () => {
    const rg = run.resources.find((r) => r.type === "aws:elasticache/replicationGroup:ReplicationGroup")!;
    const broker = run.resources.find((r) => r.type === "aws:mq/broker:Broker")!;
    const msk = run.resources.find((r) => r.type === "aws:msk/cluster:Cluster")!;
    assert.ok(rg.outputs.replicationGroupId.length <= 40);
    assert.ok(broker.outputs.brokerName.length <= 50);
    assert.ok(msk.outputs.clusterName.length <= 64);
    for (const db of run.resources.filter((r) => r.type === "aws:rds/instance:Instance")) assert.ok(db.inputs.identifier.length <= 63, db.inputs.identifier);
  });

  it("tag the cache and broker secrets with who rotates them, within AWS's tag value rules at the longest name", () => {
    const rotatedBy = Object.fromEntries(run.resources.filter((r) => r.type === "aws:secretsmanager/secret:Secret").map((r) => [r.name, r.inputs.tags.RotatedBy]));
    assert.deepEqual(rotatedBy, {
      "abcdefghijklmnop-cache-secret": cacheTokenRotatedBy("abcdefghijklmnop-cache-auth-token"),
      "abcdefghijklmnop-rabbit-secret": RABBITMQ_PASSWORD_ROTATED_BY,
    });
    for (const v of Object.values(rotatedBy)) assert.ok(ROTATED_BY_VALUE.test(v), v);
  });

  it("pass every mandatory prod policy, the data-store reachability and secret rotation policies included", async () => {
    const violations = await runPolicies(policies, run.resources, readPackConfig(`${ROOT}/policy-pack/config/prod.json`));
    assert.deepEqual(violations.filter((v) => v.policy.startsWith("rds-") || v.policy.startsWith("elasticache-") || v.policy.startsWith("msk-") || v.policy.startsWith("mq-") || v.policy.startsWith("secretsmanager-") || v.policy === "ec2-disallow-public-data-stores"), []);
  });

  it("spread two replicas over the AZs after the first", () => {
    const replicas = run.resources.filter((r) => r.type === "aws:rds/instance:Instance" && r.inputs.replicateSourceDb);
    assert.deepEqual(replicas.map((r) => r.inputs.availabilityZone), ["us-west-2b", "us-west-2c"]);
  });
});
