/**
 * Config to the deploy tier: the in-VPC runner that runs the Kubernetes step, when the stack asks
 * for one. It is built before the cluster, whose private endpoint admits its security group.
 */
import type * as pulumi from "@pulumi/pulumi";
import { Runner } from "../../components/deploy/runner";
import { runnerProjectName } from "../../components/deploy/settings";
import type { Network } from "../../components/network/network";
import type { AccountContext } from "../../components/account";
import type { KeyRing } from "../../components/security/keyRing";
import type { PlatformConfig } from "../config/schema";

export interface RunnerDeps {
  account: AccountContext;
  network: Network;
  /** Its build logs are encrypted with the logs key. */
  keys: KeyRing;
}

export function buildRunner(config: PlatformConfig, { account, network, keys }: RunnerDeps, opts: pulumi.ComponentResourceOptions): Runner | undefined {
  const r = config.deploy.runner;
  // Validated config guarantees both with enabled (platform:deploy rules).
  if (!r.enabled || r.repository === undefined || r.connectionArn === undefined) return undefined;
  return new Runner(
    `${config.name}-runner`,
    {
      projectName: runnerProjectName(config.name, config.stack),
      account,
      vpcId: network.vpcId,
      privateSubnetIds: network.privateSubnetIds,
      github: { repository: r.repository, connectionArn: r.connectionArn, workflowName: r.workflowName },
      computeType: r.computeType,
      timeoutMinutes: r.timeoutMinutes,
      logs: { retentionDays: config.logging.retentionDays, kmsKeyArn: keys.keyArns.logs },
    },
    opts,
  );
}
