/**
 * IAM statements that let a service read exactly the data-tier secrets its config names. The
 * cluster tier attaches them to each service's role. Pure; no Pulumi imports.
 */
import { ComponentArgsError } from "../errors";
import type { PolicyStatement } from "../iam/policyDocument";
import type { DataSecretName } from "./outputs";

/** The ARNs of the secrets a service names. Config validation guarantees each exists. */
export function secretArnsFor<T>(names: readonly string[], available: Partial<Record<DataSecretName, T>>): T[] {
  return names.map((n) => {
    const arn = available[n as DataSecretName];
    if (arn === undefined) throw new ComponentArgsError(`the data tier has no "${n}" secret`);
    return arn;
  });
}

/**
 * Read the named secrets, and decrypt with the secrets key only when Secrets Manager asks for it
 * (kms:ViaService), so the grant is useless outside Secrets Manager.
 * https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html
 */
export function secretReadStatements(secretArns: string[], secretsKeyArn: string, region: string): PolicyStatement[] {
  if (secretArns.length === 0) return [];
  return [
    { Sid: "ReadDataSecrets", Effect: "Allow", Action: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"], Resource: secretArns },
    {
      Sid: "DecryptDataSecrets",
      Effect: "Allow",
      Action: "kms:Decrypt",
      Resource: secretsKeyArn,
      Condition: { StringEquals: { "kms:ViaService": `secretsmanager.${region}.amazonaws.com` } },
    },
  ];
}
