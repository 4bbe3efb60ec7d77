import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childName } from "../naming";
import { APP_SECRET_ROTATED_BY, rotatedByTag, tierTags } from "../tags";

export interface ApplicationSecretsArgs {
  /**
   * The secrets, by the name services use; each description says what it holds and who sets it, and
   * `rotatedBy` who rotates it and how (APP_SECRET_ROTATED_BY when absent), for its RotatedBy tag.
   */
  secrets: ReadonlyArray<{ name: string; description: string; rotatedBy?: string }>;
  /** The key ring's secrets key: every secret is encrypted with it, never the AWS-managed key. */
  kmsKeyArn: pulumi.Input<string>;
  /**
   * Days a deleted secret can be restored, 7 to 30.
   * https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_DeleteSecret.html
   */
  recoveryWindowDays: number;
  /** Pulumi `protect` on every secret (prod). */
  protect: boolean;
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
    for (const s of args.secrets) {
      this.secretArns[s.name] = new aws.secretsmanager.Secret(
        childName(name, s.name),
        { description: s.description, kmsKeyId: args.kmsKeyArn, recoveryWindowInDays: args.recoveryWindowDays, tags: tierTags("security", { Secret: s.name, ...rotatedByTag(s.rotatedBy ?? APP_SECRET_ROTATED_BY) }) },
        { parent: this, protect: args.protect },
      ).arn;
    }
    this.registerOutputs({ secretArns: this.secretArns });
  }
}
