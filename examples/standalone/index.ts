/**
 * Another team's program, built from the platform's components alone (components/index.ts) and none
 * of the platform's config: the orders team's network, database and buckets, and the monitoring that
 * pages its on-call. Each component gets only what this program must decide; every other setting is
 * the component's secure default (the prod preset): encrypted with the component's own rotating
 * keys, private, TLS-only, backed up, spread over three AZs, audited.
 *
 *   npm run plan -- --program examples/standalone --stack dev
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AccountContext, Database, Monitoring, Network, Storage } from "../../components";
// The trail's bucket statements are not in components/index.ts yet; these modules are public by path.
import { cloudTrailBucketStatements, trailArn } from "../../components/monitoring/auditPolicies";
import { monitoringNames, namePrefix } from "../../components/monitoring/naming";

export = async () => {
  const config = new pulumi.Config();
  const region = new pulumi.Config("aws").require("region");
  // One provider carries the tags every resource needs (the policy pack's tags-require-tags).
  const provider = new aws.Provider("orders", {
    region: region as aws.Region,
    defaultTags: { tags: { Environment: pulumi.getStack(), Owner: config.require("owner"), CostCenter: config.require("costCenter") } },
  });
  const opts = { providers: { aws: provider } };
  const identity = await aws.getCallerIdentity({}, { provider });
  const partition = await aws.getPartition({}, { provider });
  const account: AccountContext = { accountId: identity.accountId, partition: partition.partition, region };

  // awsx takes AZ names as plain values, so the program asks the region for them first.
  const zones = await aws.getAvailabilityZones({ state: "available", filters: [{ name: "opt-in-status", values: ["opt-in-not-required"] }] }, { provider });
  const network = new Network("orders", { availabilityZoneNames: zones.names, region }, opts);

  const database = new Database("orders", { vpcId: network.vpcId, subnetIds: network.databaseSubnetIds }, opts);

  // The log bucket's policy admits the audit trail Monitoring creates, named after it before it exists.
  const trail = trailArn(account, monitoringNames(namePrefix("orders", pulumi.getStack())).trail);
  const storage = new Storage("orders", {
    buckets: [{ name: "documents", purpose: "documents" }, { name: "exports", purpose: "archive" }],
    // AWS Backup keeps daily and monthly recovery points of the database too.
    backupResourceArns: [database.arn],
    logBucketStatements: (bucketArn) => cloudTrailBucketStatements({ bucketArn, accountId: account.accountId, trailArn: trail }),
  }, opts);

  // Alarms on the database page on-call; the trail records every API call and the documents' data events.
  const oncall = { emails: [config.require("oncallEmail")], httpsUrls: [] };
  const monitoring = new Monitoring("orders", {
    account,
    targets: {
      database: database.monitoringTarget(),
      buckets: {
        names: Object.fromEntries(Object.entries(storage.buckets).map(([k, b]) => [k, b.name])),
        documentsBucketArn: storage.buckets.documents.arn,
        logsBucket: { name: storage.logsBucket.name, arn: storage.logsBucket.arn },
      },
    },
    notifications: { critical: oncall, warning: oncall },
    cloudTrailDependsOn: [storage],
  }, opts);

  return {
    vpcId: network.vpcId,
    databaseEndpoint: database.endpoint,
    databaseSecretArn: database.secretArn,
    bucketNames: Object.fromEntries(Object.entries(storage.buckets).map(([k, b]) => [k, b.name])),
    criticalTopicArn: monitoring.topicArns.critical,
  };
};
