/**
 * Config to the network tier: the VPC every other tier lives in.
 */
import type * as pulumi from "@pulumi/pulumi";
import { Network } from "../../components/network/network";
import type { AccountContext } from "../../components/account";
import type { KeyRing } from "../../components/security/keyRing";
import type { PlatformConfig } from "../config/schema";

export interface NetworkDeps {
  account: AccountContext;
  azs: string[];
  /** The flow-log group is encrypted with the logs key. */
  keys: KeyRing;
}

export function buildNetwork(config: PlatformConfig, deps: NetworkDeps, opts: pulumi.ComponentResourceOptions): Network {
  return new Network(
    `${config.name}-network`,
    {
      ...config.network,
      availabilityZoneNames: deps.azs,
      region: config.region,
      account: deps.account,
      // Flow logs are audit records: they follow the audit retention.
      flowLogs: { ...config.network.flowLogs, retentionDays: config.logging.auditRetentionDays },
      keys: { logs: deps.keys.keyArns.logs },
    },
    opts,
  );
}
