import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AccountContext, accountContext } from "../account";
import { childName } from "../naming";
import { APP_SECRET_ROTATED_BY, rotatedByTag, tierTags } from "../tags";
import { KeyArns, keysFor } from "./ownKeys";
import { ApplicationSecretsSettings, resolveApplicationSecretsArgs } from "./presets";

/** Recovery window and protection are documented on ApplicationSecretsSettings (presets.ts). */
export interface ApplicationSecretsArgs extends Partial<ApplicationSecretsSettings> {
  /**
   * The secrets, by the name services use; each description says what it holds and who sets it, and
   * `rotatedBy` who rotates it and how (APP_SECRET_ROTATED_BY when absent), for its RotatedBy tag.
   */
  secrets: ReadonlyArray<{ name: string; description: string; rotatedBy?: string }>;
  /**
   * The `secrets` key encrypts every secret, never the AWS-managed key.
   * @default the component's own customer-managed key, rotation on
   */
  keys?: KeyArns;
  /**
   * Account, partition and region, for the policy of the component's own key.
   * @default what the component's provider answers
   */
  account?: AccountContext;
}

/**
 * Secrets the application owns (third-party API keys, an external database's URI), created empty:
 * their values are put out of band, so they never pass through config or Pulumi state. Rotation
 * belongs to whoever issues them, and each secret's RotatedBy tag says so (the policy pack's
 * secretsmanager-enable-rotation accepts that instead of a SecretRotation).
 */
export class ApplicationSecrets extends pulumi.ComponentResource {
  /** Secret ARN by name. */
  readonly secretArns: Record<string, pulumi.Output<string>> = {};

  constructor(name: string, args: ApplicationSecretsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("platform:security:ApplicationSecrets", name, {}, opts);
    const s = resolveApplicationSecretsArgs(name, args);
    // No secret, no key: the component makes its own only when it has something to encrypt.
    const keys = keysFor(this, name, args.secrets.length > 0 ? ["secrets"] : [], args.keys, { account: () => accountContext(this, args.account), protect: s.protect, kind: "ApplicationSecrets" });
    for (const secret of args.secrets) {
      this.secretArns[secret.name] = new aws.secretsmanager.Secret(
        childName(name, secret.name),
        { description: secret.description, kmsKeyId: keys.secrets, recoveryWindowInDays: s.recoveryWindowDays, tags: tierTags("security", { Secret: secret.name, ...rotatedByTag(secret.rotatedBy ?? APP_SECRET_ROTATED_BY) }) },
        { parent: this, protect: s.protect },
      ).arn;
    }
    this.registerOutputs({ secretArns: this.secretArns });
  }
}
