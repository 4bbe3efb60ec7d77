import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childName } from "../naming";
import { tierTags } from "../tags";
import { AccountContext, DATA_CLASSES, DataClass, keyPolicy } from "./keyPolicy";

export interface KeyRingArgs {
  /**
   * Account, partition and region the key policies name. From the caller-identity, partition and
   * region of the stack's provider.
   */
  account: AccountContext;
  /**
   * Days a deleted key waits before AWS destroys it, 7 to 30.
   * https://docs.aws.amazon.com/kms/latest/APIReference/API_ScheduleKeyDeletion.html
   */
  deletionWindowDays: number;
  /**
   * Pulumi `protect` on every key (prod). A protected key cannot be scheduled for deletion by
   * `pulumi destroy`. https://www.pulumi.com/docs/iac/concepts/options/protect/
   */
  protect: boolean;
}

/**
 * One customer-managed KMS key per data class, with yearly rotation always on (FSBP KMS.4) and an
 * alias `alias/<name>-<class>`. Rotation is not a knob: no stack may turn it off.
 */
export class KeyRing extends pulumi.ComponentResource {
  /** Key ARN per data class. */
  readonly keyArns: Record<DataClass, pulumi.Output<string>>;

  constructor(name: string, args: KeyRingArgs, opts?: pulumi.ComponentResourceOptions) {
    super("platform:security:KeyRing", name, {}, opts);
    const arns = {} as Record<DataClass, pulumi.Output<string>>;
    for (const dataClass of DATA_CLASSES) {
      const key = new aws.kms.Key(
        childName(name, dataClass),
        {
          description: `${name}: ${dataClass} encryption key`,
          enableKeyRotation: true,
          deletionWindowInDays: args.deletionWindowDays,
          policy: JSON.stringify(keyPolicy(dataClass, args.account)),
          tags: tierTags("security", { DataClass: dataClass }),
        },
        { parent: this, protect: args.protect },
      );
      new aws.kms.Alias(childName(name, `${dataClass}-alias`), { name: `alias/${name}-${dataClass}`, targetKeyId: key.keyId }, { parent: this });
      arns[dataClass] = key.arn;
    }
    this.keyArns = arns;
    this.registerOutputs({ keyArns: arns });
  }
}
