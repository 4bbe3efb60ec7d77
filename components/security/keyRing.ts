import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childName } from "../naming";
import { tierTags } from "../tags";
import type { PolicyStatement } from "../iam/policyDocument";
import type { AccountContext } from "../account";
import { DATA_CLASSES, DataClass, keyPolicy } from "./keyPolicy";

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
  /**
   * Classes whose key policy another tier extends once its own resources exist (CloudFront's OAC
   * decrypt on the data key, which encrypts the static assets). Such a key is created with AWS's
   * default key policy, which is exactly our account statement, and gets its full policy from a
   * separate aws.kms.KeyPolicy (`extendPolicy`): putting the late statement in the key itself would
   * make the key wait for the distribution, which waits for the bucket, which waits for the key.
   * https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html
   */
  lateStatements?: DataClass[];
}

/**
 * One customer-managed KMS key per data class, with yearly rotation always on (FSBP KMS.4) and an
 * alias `alias/<name>-<class>`. Rotation is not a knob: no stack may turn it off.
 */
export class KeyRing extends pulumi.ComponentResource {
  /** Key ARN per data class. */
  readonly keyArns: Record<DataClass, pulumi.Output<string>>;
  private readonly keys = new Map<DataClass, aws.kms.Key>();
  private readonly account: AccountContext;
  private readonly ringName: string;

  constructor(name: string, args: KeyRingArgs, opts?: pulumi.ComponentResourceOptions) {
    super("platform:security:KeyRing", name, {}, opts);
    this.account = args.account;
    this.ringName = name;
    const arns = {} as Record<DataClass, pulumi.Output<string>>;
    for (const dataClass of DATA_CLASSES) {
      const late = args.lateStatements?.includes(dataClass) ?? false;
      if (late && !isAccountStatementOnly(dataClass, args.account)) {
        throw new Error(`${name}: the ${dataClass} key's policy is more than AWS's default, so it cannot be extended late`);
      }
      const key = new aws.kms.Key(
        childName(name, dataClass),
        {
          description: `${name}: ${dataClass} encryption key`,
          enableKeyRotation: true,
          deletionWindowInDays: args.deletionWindowDays,
          ...(late ? {} : { policy: JSON.stringify(keyPolicy(dataClass, args.account)) }),
          tags: tierTags("security", { DataClass: dataClass }),
        },
        { parent: this, protect: args.protect },
      );
      new aws.kms.Alias(childName(name, `${dataClass}-alias`), { name: `alias/${name}-${dataClass}`, targetKeyId: key.keyId }, { parent: this });
      arns[dataClass] = key.arn;
      this.keys.set(dataClass, key);
    }
    this.keyArns = arns;
    this.registerOutputs({ keyArns: arns });
  }

  /** Sets a late class's full key policy: our statements for the class plus `statements`. */
  extendPolicy(dataClass: DataClass, statements: pulumi.Input<PolicyStatement[]>): aws.kms.KeyPolicy {
    const base = keyPolicy(dataClass, this.account);
    return new aws.kms.KeyPolicy(
      childName(this.ringName, `${dataClass}-policy`),
      { keyId: this.keys.get(dataClass)!.keyId, policy: pulumi.output(statements).apply((extra) => JSON.stringify({ ...base, Statement: [...base.Statement, ...extra] })) },
      { parent: this },
    );
  }
}

/** True when our policy for the class is AWS's default key policy (the account statement alone). */
function isAccountStatementOnly(dataClass: DataClass, account: AccountContext): boolean {
  const doc = keyPolicy(dataClass, account);
  return doc.Statement.length === 1 && doc.Statement[0].Sid === "EnableIamPolicies";
}
