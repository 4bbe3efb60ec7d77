/**
 * Config to the data tier: a database, a cache and messaging, each only when the stack has it.
 */
import type * as pulumi from "@pulumi/pulumi";
import { Cache } from "../../components/data/cache";
import { Database } from "../../components/data/database";
import { Messaging } from "../../components/data/messaging";
import type { DataTierOutputs } from "../../components/data/outputs";
import type { Network } from "../../components/network/network";
import type { AccountContext } from "../../components/account";
import type { KeyRing } from "../../components/security/keyRing";
import type { PlatformConfig } from "../config/schema";

export interface DataDeps {
  account: AccountContext;
  azs: string[];
  network: Network;
  keys: KeyRing;
  /** The container tier's security groups: the only clients the stores admit. */
  clientSecurityGroupIds: pulumi.Input<string>[];
}

export function buildData(config: PlatformConfig, deps: DataDeps, opts: pulumi.ComponentResourceOptions): DataTierOutputs {
  const { account, network: n } = deps;
  const common = { vpcId: n.vpcId, availabilityZones: deps.azs, clientSecurityGroupIds: deps.clientSecurityGroupIds, keys: deps.keys.keyArns, account };
  const out: DataTierOutputs = { secretArns: {} };
  const logRetentionDays = config.logging.retentionDays;
  // Secrets wait as long as keys do before they are destroyed (both 7 to 30 days).
  const secretRecoveryWindowDays = config.keys.deletionWindowDays;

  const { enabled: dbOn, ...db } = config.database;
  if (dbOn) {
    const d = new Database(`${config.name}-database`, { ...common, ...db, subnetIds: n.databaseSubnetIds, logRetentionDays }, opts);
    out.database = {
      arn: d.arn, endpoint: d.endpoint, address: d.address, replicaAddresses: d.replicaAddresses, port: d.port,
      securityGroupId: d.securityGroupId, instanceIdentifiers: d.instanceIdentifiers,
    };
    out.secretArns.database = d.secretArn;
  }

  const { enabled: cacheOn, ...cache } = config.cache;
  if (cacheOn) {
    const c = new Cache(`${config.name}-cache`, { ...common, ...cache, subnetIds: n.privateSubnetIds, logRetentionDays, secretRecoveryWindowDays }, opts);
    out.cache = { endpoint: c.endpoint, readerEndpoint: c.readerEndpoint, port: c.port, securityGroupId: c.securityGroupId, replicationGroupId: c.replicationGroupId };
    out.secretArns.cache = c.secretArn;
  }

  const { engine, kafka, rabbitmq } = config.messaging;
  if (engine !== "none") {
    // Only the chosen engine's settings reach the component.
    const choice = engine === "kafka" ? { engine, kafka } : { engine, rabbitmq };
    const m = new Messaging(`${config.name}-messaging`, { ...common, ...choice, subnetIds: n.privateSubnetIds, logRetentionDays, secretRecoveryWindowDays }, opts);
    out.messaging = { engine, endpoint: m.endpoint, port: m.port, securityGroupId: m.securityGroupId, kafka: m.kafka, rabbitmq: m.rabbitmq };
    if (m.secretArn) out.secretArns.messaging = m.secretArn;
  }
  return out;
}
