/**
 * Fixtures for the Secrets Manager policy specs, as the data tier records them: a secret (ARN as
 * its id) and the SecretRotation that names it by property dependency and by value, plus an
 * RDS-managed secret's rotation, whose secret is no resource of the stack.
 */
import { T } from "../lib/types";
import { type RecordedResource, dependsOn, fixture } from "./fixtures";

const ARN = "arn:aws:secretsmanager:us-west-2:123456789012:secret";

/** A secret the stack creates, with its tags. */
export function secret(name: string, tags: Record<string, string> = { Tier: "data" }): RecordedResource {
  const arn = `${ARN}:${name}-a1b2c3`;
  const props = { arn, id: arn, name, kmsKeyId: "arn:aws:kms:us-west-2:123456789012:key/secrets", tags };
  return fixture(T.secret, name, { id: arn, inputs: props, outputs: props });
}

/** A rotation of `of`: secretId is the secret's ARN, an output of it (so a property dependency). */
export function rotation(of: RecordedResource, rules: Record<string, unknown> = { automaticallyAfterDays: 30 }): RecordedResource {
  const props = { secretId: of.outputs.arn, rotationLambdaArn: "arn:aws:lambda:us-west-2:123456789012:function:rotate", rotationRules: rules };
  return fixture(T.secretRotation, `${of.name}-rotation`, { inputs: props, outputs: { ...props, id: of.outputs.arn, rotationEnabled: true }, ...dependsOn({ secretId: [of.urn] }) });
}

/** The rotation of an RDS-managed master secret: secretId is the instance's output, no Secret of the stack. */
export function rdsRotation(days = 7): RecordedResource {
  const secretId = `${ARN}:rds!db-66129e19-2e92-4a0f-a937-512f413de7f4-633e83`;
  const props = { secretId, rotationRules: { automaticallyAfterDays: days } };
  return fixture(T.secretRotation, "database-secret-rotation", {
    inputs: props, outputs: { ...props, id: secretId, rotationEnabled: true }, ...dependsOn({ secretId: ["urn:pulumi:test::platform::aws:rds/instance:Instance::database-primary"] }),
  });
}
