/**
 * The data tier as the dev and prod stacks build it, asserted property by property.
 */
import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { isValidAuthToken } from "../../components/data/cacheEngine";
import { toPlanJson } from "../../scripts/planReport";
import { Planned, byUrn, mandatory, ofType, one, planStackFile } from "../helpers";
import type { RecordedResource } from "../../offline/recorder";

const RDS = "aws:rds/instance:Instance";
const RG = "aws:elasticache/replicationGroup:ReplicationGroup";
const SG = "aws:ec2/securityGroup:SecurityGroup";
const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";

/** The plain value inside Pulumi's secret envelope; fails when the value was not marked secret. */
function secretText(v: any): string {
  assert.equal(v?.[pulumi.runtime.specialSigKey], pulumi.runtime.specialSecretSig, "value is not marked secret");
  return v.value;
}

const key = (p: Planned, dataClass: string) => one(p, "aws:kms/key:Key", `medsearch-keys-${dataClass}`).outputs.arn;
const sgOf = (p: Planned, id: string) => ofType(p, SG).find((g) => g.outputs.id === id)!;

for (const stack of ["dev", "prod"] as const) {
  describe(`data tier (${stack})`, () => {
    let p: Planned;
    let primary: RecordedResource;
    before(async () => {
      p = await planStackFile(`Pulumi.${stack}.yaml`);
      assert.equal(p.error, undefined, p.error?.message);
      primary = one(p, RDS, "medsearch-database-primary");
    });

    it("plans with zero mandatory policy violations", () => {
      assert.deepEqual(mandatory(p), []);
    });

    it("runs PostgreSQL 17 on gp3 storage that autoscales, encrypted with the data key", () => {
      const i = primary.inputs;
      assert.deepEqual([i.engine, i.engineVersion, i.storageType, i.storageEncrypted, i.kmsKeyId], ["postgres", "17", "gp3", true, key(p, "data")]);
      assert.ok(i.maxAllocatedStorage >= Math.ceil((i.allocatedStorage * 11) / 10), "autoscaling ceiling at least 10% above the storage");
    });

    it("lets RDS manage the master password in Secrets Manager under the secrets key, rotated every 7 days, with no password in config or state", () => {
      const i = primary.inputs;
      assert.deepEqual([i.manageMasterUserPassword, i.masterUserSecretKmsKeyId, i.password, i.passwordWo], [true, key(p, "secrets"), undefined, undefined]);
      const secretArn = primary.outputs.masterUserSecrets[0].secretArn;
      const rotation = one(p, "aws:secretsmanager/secretRotation:SecretRotation", "medsearch-database-secret-rotation").inputs;
      assert.deepEqual([rotation.secretId, rotation.rotationRules.automaticallyAfterDays], [secretArn, 7]);
      assert.equal(p.outputs.data.secretArns.database, secretArn);
    });

    it("lives in the isolated database subnets, private, behind its own group that admits 5432 only from the cluster's nodes", () => {
      const subnets = one(p, "aws:rds/subnetGroup:SubnetGroup", "medsearch-database-subnets");
      assert.deepEqual(subnets.inputs.subnetIds, p.outputs.databaseSubnetIds);
      assert.equal(primary.inputs.dbSubnetGroupName, subnets.outputs.name);
      assert.equal(primary.inputs.publiclyAccessible, false);
      const sg = sgOf(p, primary.inputs.vpcSecurityGroupIds[0]);
      assert.deepEqual([primary.inputs.vpcSecurityGroupIds.length, sg.inputs.egress, sg.inputs.vpcId], [1, [], p.outputs.vpcId]);
      assert.deepEqual(sg.inputs.ingress.map((r: any) => [r.protocol, r.fromPort, r.toPort, r.securityGroups, r.cidrBlocks ?? []]), [["tcp", 5432, 5432, [p.outputs.cluster.nodeSecurityGroupId], []]]);
    });

    it("authenticates with IAM, forces TLS and logs slow queries through its own parameter group", () => {
      const params = one(p, "aws:rds/parameterGroup:ParameterGroup", "medsearch-database-params");
      assert.equal(primary.inputs.iamDatabaseAuthenticationEnabled, true);
      assert.equal(primary.inputs.parameterGroupName, params.outputs.name);
      assert.equal(params.inputs.family, "postgres17");
      assert.deepEqual(params.inputs.parameters, [{ name: "rds.force_ssl", value: "1" }, { name: "log_min_duration_statement", value: "1000" }]);
    });

    it("exports its logs to log groups created first, encrypted with the logs key and kept per the logging config", () => {
      assert.deepEqual(primary.inputs.enabledCloudwatchLogsExports, ["postgresql", "upgrade"]);
      for (const log of ["postgresql", "upgrade"]) {
        const group = ofType(p, LOG_GROUP).find((g) => g.inputs.name === `/aws/rds/instance/medsearch-database/${log}`)!;
        assert.deepEqual([group.inputs.kmsKeyId, group.inputs.retentionInDays], [key(p, "logs"), stack === "prod" ? 90 : 7]);
        assert.ok(primary.dependencies.includes(group.urn), `${log} group exists before the instance`);
      }
    });

    it("turns on Performance Insights (data key) and Enhanced Monitoring with a role only RDS monitoring of this account assumes", () => {
      const i = primary.inputs;
      assert.deepEqual([i.performanceInsightsEnabled, i.performanceInsightsKmsKeyId, i.performanceInsightsRetentionPeriod], [true, key(p, "data"), stack === "prod" ? 31 : 7]);
      const role = one(p, "aws:iam/role:Role", "medsearch-database-monitoring");
      assert.equal(i.monitoringRoleArn, role.outputs.arn);
      assert.equal(i.monitoringInterval, stack === "prod" ? 15 : 60);
      const trust = JSON.parse(role.inputs.assumeRolePolicy).Statement[0];
      assert.deepEqual([trust.Principal, trust.Condition.StringEquals], [{ Service: "monitoring.rds.amazonaws.com" }, { "aws:SourceAccount": "123456789012" }]);
      const policy = JSON.parse(one(p, "aws:iam/rolePolicy:RolePolicy", "medsearch-database-monitoring").inputs.policy);
      for (const s of policy.Statement) for (const r of [s.Resource].flat()) assert.match(r, /^arn:aws:logs:us-west-2:123456789012:log-group:RDSOSMetrics/);
    });

    it("keeps automated backups in the configured window, copies tags to snapshots and upgrades minor versions", () => {
      const i = primary.inputs;
      assert.deepEqual([i.backupRetentionPeriod, i.backupWindow, i.maintenanceWindow, i.copyTagsToSnapshot, i.autoMinorVersionUpgrade, i.deleteAutomatedBackups],
        [7, "03:00-04:00", "sun:04:30-sun:05:30", true, true, false]);
    });

    it("runs a cache with TLS required, encrypted at rest with the data key, and an AUTH token kept only in Secrets Manager", () => {
      const rg = one(p, RG).inputs;
      const token = secretText(one(p, "random:index/randomPassword:RandomPassword", "medsearch-cache-auth-token").outputs.result);
      assert.deepEqual([rg.engine, rg.engineVersion, rg.transitEncryptionEnabled, rg.transitEncryptionMode, rg.atRestEncryptionEnabled, rg.kmsKeyId],
        ["valkey", "8.2", true, "required", true, key(p, "data")]);
      assert.equal(secretText(rg.authToken), token);
      assert.ok(isValidAuthToken(token), "token uses only characters ElastiCache accepts");
      const secret = one(p, "aws:secretsmanager/secret:Secret", "medsearch-cache-secret");
      const version = JSON.parse(secretText(one(p, "aws:secretsmanager/secretVersion:SecretVersion", "medsearch-cache-secret").inputs.secretString));
      assert.deepEqual([secret.inputs.kmsKeyId, version.authToken, version.port, version.tls], [key(p, "secrets"), token, 6379, true]);
      assert.equal(p.outputs.data.secretArns.cache, secret.outputs.arn);
    });

    it("tags the cache secret with who rotates the token and how: an operator replacing the RandomPassword, as no rotation Lambda exists", () => {
      const secret = one(p, "aws:secretsmanager/secret:Secret", "medsearch-cache-secret");
      assert.equal(secret.inputs.tags.RotatedBy,
        "operator on demand: pulumi up --replace on random.RandomPassword medsearch-cache-auth-token - ElastiCache ROTATE keeps the previous token valid - components/data/README.md");
      assert.equal(ofType(p, "aws:secretsmanager/secretRotation:SecretRotation").filter((r) => r.inputs.secretId === secret.outputs.id).length, 0);
      assert.equal(one(p, RG).inputs.authTokenUpdateStrategy, undefined, "ElastiCache then applies ROTATE, which the tag promises");
    });

    it("never writes a secret in plain text into the plan JSON", () => {
      const token = secretText(one(p, "random:index/randomPassword:RandomPassword", "medsearch-cache-auth-token").outputs.result);
      const text = JSON.stringify(toPlanJson(p.stack, p.resources, p.outputs, p.violations));
      assert.ok(!text.includes(token));
      assert.ok(text.includes('"authToken":"[secret]"'));
    });

    it("gives the cache a custom parameter group, slow and engine logs in encrypted groups, and snapshots", () => {
      const rg = one(p, RG).inputs;
      const params = one(p, "aws:elasticache/parameterGroup:ParameterGroup", "medsearch-cache-params");
      assert.equal(rg.parameterGroupName, params.outputs.name);
      assert.deepEqual([params.inputs.family, params.inputs.parameters[0]], ["valkey8", { name: "cluster-enabled", value: "no" }]);
      assert.deepEqual(rg.logDeliveryConfigurations.map((l: any) => l.logType), ["slow-log", "engine-log"]);
      for (const l of rg.logDeliveryConfigurations) {
        const group = ofType(p, LOG_GROUP).find((g) => g.outputs.name === l.destination)!;
        assert.deepEqual([l.destinationType, group.inputs.kmsKeyId], ["cloudwatch-logs", key(p, "logs")]);
      }
      assert.equal(rg.snapshotRetentionLimit, stack === "prod" ? 7 : 1);
      assert.deepEqual(one(p, "aws:elasticache/subnetGroup:SubnetGroup", "medsearch-cache-subnets").inputs.subnetIds, p.outputs.privateSubnetIds);
      const sg = sgOf(p, rg.securityGroupIds[0]);
      assert.deepEqual(sg.inputs.egress, []);
      assert.deepEqual(sg.inputs.ingress.map((r: any) => [r.protocol, r.fromPort, r.toPort, r.securityGroups, r.cidrBlocks ?? []]), [["tcp", 6379, 6379, [p.outputs.cluster.nodeSecurityGroupId], []]]);
    });

    it("has no messaging, and hands the other tiers endpoints, ports, groups, secrets and identifiers", () => {
      const data = p.outputs.data;
      assert.equal(data.messaging, undefined);
      assert.deepEqual(Object.keys(data.secretArns).sort(), ["cache", "database"]);
      assert.deepEqual([data.database.port, data.database.address, data.database.securityGroupId], [5432, primary.outputs.address, primary.inputs.vpcSecurityGroupIds[0]]);
      assert.deepEqual([data.cache.port, data.cache.endpoint, data.cache.replicationGroupId], [6379, one(p, RG).outputs.primaryEndpointAddress, one(p, RG).outputs.replicationGroupId]);
    });

    it("parents every data resource to its component", () => {
      for (const r of p.resources.filter((x) => /^medsearch-(database|cache)-/.test(x.name))) {
        assert.match(byUrn(p, r.parent)?.type ?? "", /^platform:data:(Database|Cache)$/, r.name);
      }
    });
  });
}

describe("data tier: dev is cost first", () => {
  let p: Planned;
  before(async () => {
    p = await planStackFile("Pulumi.dev.yaml");
  });

  it("runs one small Single-AZ instance in the first AZ, unprotected, with no final snapshot and no replicas", () => {
    const i = one(p, RDS).inputs;
    assert.deepEqual([i.instanceClass, i.multiAz, i.availabilityZone, i.deletionProtection, i.skipFinalSnapshot, i.finalSnapshotIdentifier],
      ["db.t4g.micro", false, "us-west-2a", false, true, undefined]);
    assert.equal(one(p, RDS).protect, false);
    assert.deepEqual(p.outputs.data.database.instanceIdentifiers, ["medsearch-database"]);
  });

  it("runs a single cache node without failover", () => {
    const rg = one(p, RG).inputs;
    assert.deepEqual([rg.nodeType, rg.clusterMode, rg.numCacheClusters, rg.automaticFailoverEnabled, rg.multiAzEnabled], ["cache.t4g.micro", "disabled", 1, false, false]);
  });
});

describe("data tier: prod survives the loss of an AZ and keeps its data", () => {
  let p: Planned;
  before(async () => {
    p = await planStackFile("Pulumi.prod.yaml");
  });

  it("runs a Multi-AZ primary (AZ chosen by RDS) with deletion protection, a named final snapshot and protect", () => {
    const primary = one(p, RDS, "medsearch-database-primary");
    const i = primary.inputs;
    assert.deepEqual([i.instanceClass, i.multiAz, i.availabilityZone, i.deletionProtection, i.skipFinalSnapshot, i.finalSnapshotIdentifier],
      ["db.r6g.large", true, undefined, true, false, "medsearch-database-final"]);
    assert.equal(primary.protect, true);
  });

  it("adds one encrypted read replica of the primary in another AZ, protected, taking no final snapshot", () => {
    const primary = one(p, RDS, "medsearch-database-primary");
    const replica = one(p, RDS, "medsearch-database-replica-1");
    const i = replica.inputs;
    assert.deepEqual([i.identifier, i.replicateSourceDb, i.availabilityZone, i.multiAz, i.storageEncrypted, i.kmsKeyId],
      ["medsearch-database-replica-1", primary.outputs.arn, "us-west-2b", false, true, undefined]);
    assert.deepEqual([i.deletionProtection, i.skipFinalSnapshot, i.publiclyAccessible, i.iamDatabaseAuthenticationEnabled, replica.protect], [true, true, false, true, true]);
    assert.deepEqual([i.vpcSecurityGroupIds, i.parameterGroupName, i.dbSubnetGroupName], [primary.inputs.vpcSecurityGroupIds, primary.inputs.parameterGroupName, primary.inputs.dbSubnetGroupName]);
    assert.deepEqual(p.outputs.data.database.instanceIdentifiers, ["medsearch-database", "medsearch-database-replica-1"]);
    assert.deepEqual(p.outputs.data.database.replicaAddresses, [replica.outputs.address]);
  });

  it("runs a cache primary and a replica in different AZs with automatic failover, Multi-AZ, a final snapshot and protect", () => {
    const rg = one(p, RG);
    const i = rg.inputs;
    assert.deepEqual([i.nodeType, i.numCacheClusters, i.preferredCacheClusterAzs, i.automaticFailoverEnabled, i.multiAzEnabled, i.finalSnapshotIdentifier],
      ["cache.r7g.large", 2, ["us-west-2a", "us-west-2b"], true, true, "medsearch-cache-final"]);
    assert.equal(rg.protect, true);
    assert.equal(p.outputs.data.cache.readerEndpoint, rg.outputs.readerEndpointAddress);
  });
});
