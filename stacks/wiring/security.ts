/**
 * Config to the security tier: the key ring every other tier encrypts with, and the application's
 * own secrets.
 */
import type * as pulumi from "@pulumi/pulumi";
import { ApplicationSecrets } from "../../components/security/appSecrets";
import { KeyRing } from "../../components/security/keyRing";
import type { AccountContext } from "../../components/account";
import type { PlatformConfig } from "../config/schema";

export const hasStaticAssets = (config: PlatformConfig) => config.storage.buckets.some((b) => b.purpose === "static-assets");

export function buildKeyRing(config: PlatformConfig, deps: { account: AccountContext }, opts: pulumi.ComponentResourceOptions): KeyRing {
  return new KeyRing(
    `${config.name}-keys`,
    {
      account: deps.account,
      deletionWindowDays: config.keys.deletionWindowDays,
      protect: config.keys.protect,
      // CloudFront must decrypt the static assets with the data key once the distribution exists.
      lateStatements: config.edge.enabled && hasStaticAssets(config) ? ["data"] : [],
    },
    opts,
  );
}

/** The application's own secrets (platform:appSecrets), empty in Secrets Manager until set out of band; ARNs by name. */
export function buildAppSecrets(config: PlatformConfig, deps: { keys: KeyRing }, opts: pulumi.ComponentResourceOptions): Record<string, pulumi.Output<string>> {
  const a = config.appSecrets;
  if (a.secrets.length === 0) return {};
  return new ApplicationSecrets(
    `${config.name}-app-secrets`,
    { secrets: a.secrets, keys: { secrets: deps.keys.keyArns.secrets }, recoveryWindowDays: a.recoveryWindowDays, protect: a.protect },
    opts,
  ).secretArns;
}
