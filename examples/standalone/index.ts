/**
 * Another team's program, built from the platform's components alone (components/index.ts) and none
 * of the platform's config: the orders team's network, database and buckets, and the alarms that
 * page its on-call. Each component gets only what this program must decide; every other setting is
 * the component's secure default (the prod preset): encrypted with the component's own rotating
 * keys, private, TLS-only, backed up, spread over three AZs.
 *
 *   npm run plan -- --program examples/standalone --stack dev
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { DEFAULT_ALARM_SETTINGS, Database, KeyRing, LOGGING_DEFAULTS, Monitoring, Network, Storage } from "../../components";

export = async () => {
  const config = new pulumi.Config();
  const region = new pulumi.Config("aws").require("region");
  // One provider carries the tags every resource needs (the policy pack's tags-require-tags).
  const provider = new aws.Provider("orders", {
    region: region as aws.Region,
    defaultTags: { tags: { Environment: pulumi.getStack(), Owner: config.require("owner"), CostCenter: config.require("costCenter") } },
  });
  const opts = { providers: { aws: provider } };

  // awsx takes AZ names as plain values, so the program asks the region for them first.
  const zones = await aws.getAvailabilityZones({ state: "available", filters: [{ name: "opt-in-status", values: ["opt-in-not-required"] }] }, { provider });
  const network = new Network("orders", { availabilityZoneNames: zones.names, region }, opts);

  const database = new Database("orders", { vpcId: network.vpcId, subnetIds: network.databaseSubnetIds }, opts);

  const storage = new Storage("orders", {
    buckets: [{ name: "documents", purpose: "documents" }, { name: "exports", purpose: "archive" }],
    // AWS Backup keeps daily and monthly recovery points of the database too.
    backupResourceArns: [database.arn],
  }, opts);

  // Every data store must page someone when it fails: the Monitoring component's alarms do, to a
  // topic on-call subscribes to. The application's own log group is encrypted with a key ring's key.
  const identity = await aws.getCallerIdentity({}, { provider });
  const partition = await aws.getPartition({}, { provider });
  const keys = new KeyRing("orders-keys", {}, opts);
  const oncall = { emails: [config.require("oncallEmail")], httpsUrls: [] };
  const monitoring = new Monitoring("orders", {
    system: "orders",
    stack: pulumi.getStack(),
    account: { accountId: identity.accountId, partition: partition.partition, region },
    targets: { database: database.monitoringTarget() },
    notifications: { critical: oncall, warning: oncall },
    alarms: DEFAULT_ALARM_SETTINGS,
    logs: { namespaces: ["orders"], retentionDays: LOGGING_DEFAULTS.retentionDays, kmsKeyArn: keys.keyArns.logs, archive: false },
    requestMetrics: false,
    keys: { deletionWindowDays: 30, protect: true },
  }, opts);

  return {
    vpcId: network.vpcId,
    databaseEndpoint: database.endpoint,
    databaseSecretArn: database.secretArn,
    bucketNames: Object.fromEntries(Object.entries(storage.buckets).map(([k, b]) => [k, b.name])),
    criticalTopicArn: monitoring.topicArns.critical,
  };
};
