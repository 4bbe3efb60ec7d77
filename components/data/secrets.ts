import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childName } from "../naming";
import { rotatedByTag, tierTags } from "../tags";

/**
 * A Secrets Manager secret holding a store's connection details as JSON, encrypted with the secrets
 * key. The value is marked secret, so state and every recorded output keep it encrypted. No
 * Secrets Manager rotation: that needs a Lambda function able to change the credential in the store,
 * which the platform does not deploy; the secret's RotatedBy tag says who changes it instead, and how.
 */
export function credentialSecret(
  parent: pulumi.ComponentResource,
  name: string,
  args: {
    description: string;
    kmsKeyArn: pulumi.Input<string>;
    /** Days a deleted secret can be restored, 7 to 30. */
    recoveryWindowDays: number;
    protect: boolean;
    /** Who rotates the credential and how, for the RotatedBy tag (AWS tag value characters, at most 256). */
    rotatedBy: string;
    value: Record<string, pulumi.Input<string | number | boolean>>;
  },
): pulumi.Output<string> {
  const secret = new aws.secretsmanager.Secret(
    childName(name, "secret"),
    { description: args.description, kmsKeyId: args.kmsKeyArn, recoveryWindowInDays: args.recoveryWindowDays, tags: tierTags("data", rotatedByTag(args.rotatedBy)) },
    { parent, protect: args.protect },
  );
  new aws.secretsmanager.SecretVersion(
    childName(name, "secret"),
    { secretId: secret.id, secretString: pulumi.secret(pulumi.jsonStringify(pulumi.output(args.value))) },
    { parent },
  );
  return secret.arn;
}
