import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { policyDocument } from "../iam/policyDocument";
import { childName } from "../naming";
import type { AccountContext } from "../account";
import { storageTags } from "./bucket";
import { backupRules } from "./backupPlan";
import { VAULT_CLASSIFICATION, classificationTag } from "./classification";

export interface BackupArgs {
  dailyRetentionDays: number;
  monthlyRetentionDays: number;
  account: pulumi.Output<AccountContext>;
  /** Encrypts the vault's recovery points (FSBP Backup.1). */
  kmsKeyArn: pulumi.Input<string>;
  protect: boolean;
  /** What the plan protects; no selection is made while the list is empty. */
  resourceArns: pulumi.Input<string>[];
  /** A vault in the second region that receives a copy of every recovery point. */
  copyTo?: { provider: pulumi.ProviderResource; kmsKeyArn: pulumi.Input<string> };
}

export interface Backups {
  vaultName: pulumi.Output<string>;
  vaultArn: pulumi.Output<string>;
}

/** AWS's managed policies for the service role; they track every resource type AWS Backup adds. */
const MANAGED_POLICIES = ["AWSBackupServiceRolePolicyForBackup", "AWSBackupServiceRolePolicyForRestores"];

function serviceRole(parent: pulumi.Resource, name: string, account: pulumi.Output<AccountContext>): aws.iam.Role {
  const role = new aws.iam.Role(
    childName(name, "backup"),
    {
      // No aws:SourceAccount condition: AWS Backup's documented service-role trust has none.
      // https://docs.aws.amazon.com/aws-backup/latest/devguide/iam-service-roles.html
      assumeRolePolicy: JSON.stringify(policyDocument({ Sid: "TrustBackup", Effect: "Allow", Principal: { Service: "backup.amazonaws.com" }, Action: "sts:AssumeRole" })),
      tags: storageTags(),
    },
    { parent },
  );
  MANAGED_POLICIES.forEach((p, i) => {
    new aws.iam.RolePolicyAttachment(childName(name, "backup", i + 1), { role: role.name, policyArn: account.apply((a) => `arn:${a.partition}:iam::aws:policy/service-role/${p}`) }, { parent });
  });
  return role;
}

/**
 * A KMS-encrypted vault, a plan with a daily and a monthly rule (copied to the second region's vault
 * when there is one), and the selection of the protected resources.
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/cross-region-backup.html
 */
export function backups(parent: pulumi.Resource, name: string, a: BackupArgs): Backups {
  const vault = new aws.backup.Vault(childName(name, "vault"), { kmsKeyArn: a.kmsKeyArn, tags: storageTags(classificationTag(VAULT_CLASSIFICATION)) }, { parent, protect: a.protect });
  const copy = a.copyTo
    ? new aws.backup.Vault(childName(name, "vault-replica"), { kmsKeyArn: a.copyTo.kmsKeyArn, tags: storageTags(classificationTag(VAULT_CLASSIFICATION)) }, { parent, provider: a.copyTo.provider, protect: a.protect })
    : undefined;
  const plan = new aws.backup.Plan(childName(name, "plan"), { rules: backupRules(vault.name, a, copy?.arn), tags: storageTags() }, { parent });
  if (a.resourceArns.length > 0) {
    const role = serviceRole(parent, name, a.account);
    new aws.backup.Selection(childName(name, "selection"), { planId: plan.id, iamRoleArn: role.arn, resources: a.resourceArns }, { parent });
  }
  return { vaultName: vault.name, vaultArn: vault.arn };
}
