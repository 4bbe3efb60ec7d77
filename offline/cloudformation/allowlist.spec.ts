import { strict as assert } from "node:assert";
import { DATABASE_PRESETS } from "../../components/data/presets";
import { Database } from "../../components/data/database";
import { runComponent } from "../runStack";
import { ALLOWLIST, AllowEntry, allowEntryFor } from "./allowlist";
import type { Finding } from "./lint";
import { render } from "./renderer";

const finding = (f: Partial<Finding>): Finding => ({ rule: "W3010", level: "Warning", message: "m", region: "us-west-2", line: 1, ...f });

describe("cfn-lint allowlist", () => {
  it("keys every entry by rule and resource type, with no wildcard, and gives a one-line reason", () => {
    for (const e of ALLOWLIST) {
      assert.match(e.rule, /^[EWI]\d{4}$/, JSON.stringify(e));
      assert.match(e.resourceType, /^AWS::\w+::\w+$/, `${e.rule}: a resource type, not a pattern`);
      assert.ok(e.property === undefined || /^\w+$/.test(e.property), `${e.rule}: one property`);
      assert.ok(e.reason.length > 30 && !e.reason.includes("\n"), `${e.rule}: a one-line reason`);
    }
  });

  it("backs each reason with its evidence: a spec for a property the provider never sends, a link for a false positive", () => {
    const needs: Record<AllowEntry["kind"], RegExp | undefined> = { "provider-never-sends": /\.spec\.ts$/, "false-positive": /^https:\/\//, translation: undefined };
    for (const e of ALLOWLIST) if (needs[e.kind]) assert.match(e.evidence ?? "", needs[e.kind]!, `${e.rule} ${e.resourceType}`);
  });

  it("names the property where the rule points at one; only a rule that names none is matched on its message", () => {
    for (const e of ALLOWLIST) assert.ok(e.property !== undefined || e.message !== undefined, `${e.rule} ${e.resourceType} matches every finding of its type`);
  });

  it("accepts a finding only on the rule, type and property it names", () => {
    const zone = { resourceType: "AWS::EC2::Subnet", property: "AvailabilityZone" };
    assert.ok(allowEntryFor(finding(zone)));
    assert.equal(allowEntryFor(finding({ ...zone, rule: "W3011" })), undefined);
    assert.equal(allowEntryFor(finding({ ...zone, resourceType: "AWS::EC2::Instance" })), undefined);
    assert.equal(allowEntryFor(finding({ ...zone, property: "CidrBlock" })), undefined);
  });

  it("accepts W3691 for a bare major version only, not for a retired minor version", () => {
    const w3691 = (v: string) => finding({ rule: "W3691", resourceType: "AWS::RDS::DBInstance", message: `Engine version '${v}' for engine 'postgres' is deprecated and cannot be used to create new RDS DB instances` });
    assert.ok(allowEntryFor(w3691("17")));
    assert.equal(allowEntryFor(w3691("17.1")), undefined);
  });

  // E3020 on a replica's StorageEncrypted: the provider creates a replica with
  // CreateDBInstanceReadReplica, which has no StorageEncrypted; a replica is encrypted because its
  // source is (https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstanceReadReplica.html).
  it("E3020: a read replica's encryption comes from its encrypted source; storageEncrypted is there for the policy pack", async () => {
    const run = await runComponent(async () => {
      new Database("shop-database", {
        ...DATABASE_PRESETS.prod, readReplicas: 1, account: { accountId: "123456789012", partition: "aws", region: "us-west-2" },
        vpcId: "vpc-0", subnetIds: ["subnet-1", "subnet-2"], availabilityZones: ["us-west-2a", "us-west-2b"], clientSecurityGroupIds: ["sg-0"],
        keys: { data: "arn:aws:kms:us-west-2:123456789012:key/d", secrets: "arn:aws:kms:us-west-2:123456789012:key/s", logs: "arn:aws:kms:us-west-2:123456789012:key/l" },
      });
    });
    assert.equal(run.error, undefined, run.error?.message);
    const rendered = Object.entries(render(run.resources, "t", "us-west-2").templates["us-west-2"].Resources).filter(([, r]) => r.Type === "AWS::RDS::DBInstance");
    const [, replica] = rendered.find(([, r]) => r.Properties.SourceDBInstanceIdentifier)!;
    const [primaryId, primary] = rendered.find(([, r]) => !r.Properties.SourceDBInstanceIdentifier)!;
    assert.deepEqual(replica.Properties.SourceDBInstanceIdentifier, { "Fn::GetAtt": [primaryId, "DBInstanceArn"] }, "the replica is created from the primary");
    assert.deepEqual([primary.Properties.StorageEncrypted, primary.Properties.KmsKeyId], [true, { "Fn::Sub": "arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/d" }], "which is encrypted with the data key");
    assert.equal(replica.Properties.StorageEncrypted, true, "the program still states it, for rds-require-storage-encryption");
  });
});
