/**
 * A small program recorded under the mock cloud for the policy runner's specs: one of each thing a
 * policy can see (a component with children, an explicit provider with default tags, resource
 * options, a secret, resource references, compliant and non-compliant buckets and databases).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { RecordedResource } from "../offline/recorder";
import { StackRun, runStack } from "../offline/runStack";

class Group extends pulumi.ComponentResource {
  constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
    super("fixture:index:Group", name, {}, opts);
    this.registerOutputs({ purpose: "fixture" });
  }
}

const database = (name: string, multiAz: boolean, key: aws.kms.Key, opts: pulumi.CustomResourceOptions) =>
  new aws.rds.Instance(name, {
    identifier: name, engine: "postgres", instanceClass: "db.t4g.micro", allocatedStorage: 20, username: "app",
    manageMasterUserPassword: true, multiAz, storageEncrypted: true, kmsKeyId: key.arn, skipFinalSnapshot: true,
  }, opts);

async function program(): Promise<void> {
  const provider = new aws.Provider("tagged", { region: "us-west-2", defaultTags: { tags: { Owner: "platform-team" } } });
  const group = new Group("app", { providers: [provider] });
  const key = new aws.kms.Key("key", { enableKeyRotation: true }, {
    parent: group, provider, protect: true, ignoreChanges: ["description"], customTimeouts: { create: "10m", delete: "1h30m" },
    aliases: [{ name: "old-key" }], deleteBeforeReplace: true, additionalSecretOutputs: ["arn"],
  });
  const open = new aws.s3.Bucket("open", {}, { parent: group, provider });
  new aws.s3.Bucket("tagged", { tags: { DataClass: "phi" } }, { parent: group, provider });
  // The SDK sends a resource passed as an input as a reference; the engine gives analyzers its id (a
  // custom resource) or its URN (a component). Typed as strings here, as users pass them by mistake.
  new aws.s3.BucketPolicy("open-policy", { bucket: open as unknown as string, policy: "{}" }, { parent: group, provider });
  new aws.ssm.Parameter("group-ref", { type: "String", value: group as unknown as string }, { parent: group, provider });
  const secret = new aws.secretsmanager.Secret("creds", { kmsKeyId: key.arn }, { parent: group, provider });
  new aws.secretsmanager.SecretVersion("creds", { secretId: secret.id, secretString: pulumi.secret("hunter2") }, { parent: group, provider });
  database("single-az", false, key, { parent: group, provider });
  database("multi-az", true, key, { parent: group, provider, dependsOn: [secret] });
}

/** The fixture program's run: a full plan, or `pulumi preview` of a new stack. */
export const runFixture = (preview = false): Promise<StackRun> =>
  runStack({ stack: "fixture", config: { "aws:region": "us-west-2" }, project: "runner", preview, program });

export function named(run: StackRun, name: string, type?: string): RecordedResource {
  const found = run.resources.filter((r) => r.name === name && (type === undefined || r.type === type));
  if (found.length !== 1) throw new Error(`expected one resource named ${name}${type ? ` of ${type}` : ""}, found ${found.length}`);
  return found[0];
}
