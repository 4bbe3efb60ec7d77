import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AccountContext, accountContext } from "../account";
import type { PolicyStatement } from "../iam/policyDocument";
import { childName } from "../naming";
import { tierTags } from "../tags";
import { DATA_CLASSES, DataClass, keyPolicy } from "./keyPolicy";
import { KeyRingSettings, resolveKeyRingArgs } from "./presets";

/** Deletion window and protection are documented on KeyRingSettings (presets.ts). */
export interface KeyRingArgs extends Partial<KeyRingSettings> {
  /**
   * Account, partition and region the key policies name.
   * @default what the component's provider answers (caller identity, partition, region)
   */
  account?: AccountContext;
  /**
   * Classes whose key policy another tier extends once its own resources exist (CloudFront's OAC
   * decrypt on the data key, which encrypts the static assets). Such a key is created with AWS's
   * default key policy, which is exactly our account statement, and gets its full policy from a
   * separate aws.kms.KeyPolicy (`extendPolicy`): putting the late statement in the key itself would
   * make the key wait for the distribution, which waits for the bucket, which waits for the key.
   * https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html
   * @default [] (every key gets its full policy at once)
   */
  lateStatements?: DataClass[];
}

/** How one class key is made, by the key ring and by a component that makes its own. */
export interface ClassKeyArgs extends KeyRingSettings {
  account: pulumi.Output<AccountContext>;
  /** Created with AWS's default policy, completed later by an aws.kms.KeyPolicy. */
  late?: boolean;
  /** What the key is for, in its description. @default the ring's name */
  purpose?: string;
  /** Give the key the alias `alias/<ring>-<class>`. @default true */
  alias?: boolean;
}

/**
 * A customer-managed key for one data class, named `<ring>-<class>`, with yearly rotation on (FSBP
 * KMS.4), the class's key policy and (unless told otherwise) an alias `alias/<ring>-<class>`.
 */
export function classKey(parent: pulumi.Resource, ring: string, dataClass: DataClass, a: ClassKeyArgs): aws.kms.Key {
  const key = new aws.kms.Key(
    childName(ring, dataClass),
    {
      description: `${a.purpose ?? ring}: ${dataClass} encryption key`,
      enableKeyRotation: true,
      deletionWindowInDays: a.deletionWindowDays,
      ...(a.late ? {} : { policy: a.account.apply((account) => JSON.stringify(keyPolicy(dataClass, account))) }),
      tags: tierTags("security", { DataClass: dataClass }),
    },
    { parent, protect: a.protect },
  );
  if (a.alias ?? true) new aws.kms.Alias(childName(ring, `${dataClass}-alias`), { name: `alias/${ring}-${dataClass}`, targetKeyId: key.keyId }, { parent });
  return key;
}

/**
 * One customer-managed KMS key per data class, with yearly rotation always on (FSBP KMS.4) and an
 * alias `alias/<name>-<class>`. Rotation is not a knob: no stack may turn it off.
 */
export class KeyRing extends pulumi.ComponentResource {
  /** Key ARN per data class. */
  readonly keyArns: Record<DataClass, pulumi.Output<string>>;
  private readonly keys = new Map<DataClass, aws.kms.Key>();
  private readonly account: pulumi.Output<AccountContext>;
  private readonly ringName: string;

  constructor(name: string, args: KeyRingArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    super("platform:security:KeyRing", name, {}, opts);
    const settings = resolveKeyRingArgs(name, args);
    for (const dataClass of args.lateStatements ?? []) {
      if (!isAccountStatementOnly(dataClass)) throw new Error(`${name}: the ${dataClass} key's policy is more than AWS's default, so it cannot be extended late`);
    }
    this.account = accountContext(this, args.account);
    this.ringName = name;
    const arns = {} as Record<DataClass, pulumi.Output<string>>;
    for (const dataClass of DATA_CLASSES) {
      const key = classKey(this, name, dataClass, { ...settings, account: this.account, late: args.lateStatements?.includes(dataClass) });
      arns[dataClass] = key.arn;
      this.keys.set(dataClass, key);
    }
    this.keyArns = arns;
    this.registerOutputs({ keyArns: arns });
  }

  /** Sets a late class's full key policy: our statements for the class plus `statements`. */
  extendPolicy(dataClass: DataClass, statements: pulumi.Input<PolicyStatement[]>): aws.kms.KeyPolicy {
    return new aws.kms.KeyPolicy(
      childName(this.ringName, `${dataClass}-policy`),
      {
        keyId: this.keys.get(dataClass)!.keyId,
        policy: pulumi.all([this.account, statements]).apply(([account, extra]) => {
          const base = keyPolicy(dataClass, account);
          return JSON.stringify({ ...base, Statement: [...base.Statement, ...extra] });
        }),
      },
      { parent: this },
    );
  }
}

/** The statements of a class's policy do not depend on the account; any context shows them. */
const ANY_ACCOUNT: AccountContext = { accountId: "000000000000", partition: "aws", region: "us-east-1" };

/** True when our policy for the class is AWS's default key policy (the account statement alone). */
function isAccountStatementOnly(dataClass: DataClass): boolean {
  const doc = keyPolicy(dataClass, ANY_ACCOUNT);
  return doc.Statement.length === 1 && doc.Statement[0].Sid === "EnableIamPolicies";
}
