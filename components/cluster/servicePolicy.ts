/**
 * The permissions of one service's role: exactly the buckets, secrets and queues its config names,
 * each with the narrowest actions for the access asked. Pure; no Pulumi imports.
 *
 * A reference with no ARN in the maps the other tiers hand over is an error, never a silent
 * narrower or wider grant.
 */
import { ComponentArgsError } from "../errors";
import { PolicyDocument, PolicyStatement, policyDocument } from "../iam/policyDocument";

export type BucketAccess = "read" | "write" | "readwrite";

export interface ServiceGrants {
  name: string;
  buckets: Array<{ name: string; access: BucketAccess }>;
  secrets: string[];
  queues: string[];
}

export interface GrantContext {
  region: string;
  /** Bucket ARNs by bucket config name. */
  bucketArns: Record<string, string>;
  /** Secret ARNs by secret name ("database", "cache", "messaging"). */
  secretArns: Record<string, string>;
  /** Kafka topic or SQS queue ARNs by name. */
  queueArns: Record<string, string>;
  /** Keys the data lives under: S3 objects (data key) and Secrets Manager secrets (secrets key). */
  dataKeyArn: string;
  secretsKeyArn: string;
}

/** References a service makes that the maps cannot resolve, as readable phrases. */
export function missingReferences(s: ServiceGrants, known: { buckets: string[]; secrets: string[]; queues: string[] }): string[] {
  return [
    ...s.buckets.filter((b) => !known.buckets.includes(b.name)).map((b) => `bucket "${b.name}"`),
    ...s.secrets.filter((n) => !known.secrets.includes(n)).map((n) => `secret "${n}"`),
    ...s.queues.filter((n) => !known.queues.includes(n)).map((n) => `queue "${n}"`),
  ];
}

/** Throws naming the service and every unresolved reference. */
export function assertResolvable(s: ServiceGrants, known: { buckets: string[]; secrets: string[]; queues: string[] }): void {
  const missing = missingReferences(s, known);
  if (missing.length > 0) {
    throw new ComponentArgsError(`service ${s.name} references ${missing.join(", ")}, which no tier provides an ARN for; add it to that tier or remove it from platform:services`);
  }
}

const READ = ["s3:GetObject"];
const WRITE = ["s3:PutObject", "s3:DeleteObject"];

function bucketStatements(s: ServiceGrants, ctx: GrantContext): PolicyStatement[] {
  const out: PolicyStatement[] = [];
  s.buckets.forEach((b, i) => {
    const arn = ctx.bucketArns[b.name];
    const objects = [...(b.access !== "write" ? READ : []), ...(b.access !== "read" ? WRITE : [])];
    out.push({ Sid: `Objects${i}`, Effect: "Allow", Action: objects, Resource: `${arn}/*` });
    if (b.access !== "write") out.push({ Sid: `List${i}`, Effect: "Allow", Action: "s3:ListBucket", Resource: arn });
  });
  if (s.buckets.length > 0) {
    // SSE-KMS objects need the data key, but only through S3 in this region.
    const writes = s.buckets.some((b) => b.access !== "read");
    out.push({
      Sid: "BucketKey",
      Effect: "Allow",
      Action: writes ? ["kms:Decrypt", "kms:GenerateDataKey"] : ["kms:Decrypt"],
      Resource: ctx.dataKeyArn,
      Condition: { StringEquals: { "kms:ViaService": `s3.${ctx.region}.amazonaws.com` } },
    });
  }
  return out;
}

function secretStatements(s: ServiceGrants, ctx: GrantContext): PolicyStatement[] {
  if (s.secrets.length === 0) return [];
  return [
    { Sid: "ReadSecrets", Effect: "Allow", Action: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"], Resource: s.secrets.map((n) => ctx.secretArns[n]) },
    {
      Sid: "SecretsKey",
      Effect: "Allow",
      Action: "kms:Decrypt",
      Resource: ctx.secretsKeyArn,
      Condition: { StringEquals: { "kms:ViaService": `secretsmanager.${ctx.region}.amazonaws.com` } },
    },
  ];
}

/**
 * A Kafka topic ARN (arn:aws:kafka:<region>:<account>:topic/<cluster>/<uuid>/<topic>) grants
 * connect on its cluster, produce and consume on the topic, and consumer groups named after the
 * service; an SQS queue ARN grants send, receive and delete on the queue.
 * https://docs.aws.amazon.com/msk/latest/developerguide/iam-access-control.html
 */
function queueStatement(service: string, queue: string, arn: string, i: number): PolicyStatement[] {
  const kafka = /^arn:(aws[\w-]*):kafka:([\w-]+):(\d{12}):topic\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(arn);
  if (kafka) {
    const [, partition, region, account, cluster, uuid] = kafka;
    const base = `arn:${partition}:kafka:${region}:${account}`;
    return [
      { Sid: `KafkaConnect${i}`, Effect: "Allow", Action: ["kafka-cluster:Connect", "kafka-cluster:DescribeCluster"], Resource: `${base}:cluster/${cluster}/${uuid}` },
      { Sid: `KafkaTopic${i}`, Effect: "Allow", Action: ["kafka-cluster:DescribeTopic", "kafka-cluster:ReadData", "kafka-cluster:WriteData"], Resource: arn },
      { Sid: `KafkaGroup${i}`, Effect: "Allow", Action: ["kafka-cluster:AlterGroup", "kafka-cluster:DescribeGroup"], Resource: `${base}:group/${cluster}/${uuid}/${service}-*` },
    ];
  }
  if (/^arn:aws[\w-]*:sqs:[\w-]+:\d{12}:[\w.-]+$/.test(arn)) {
    return [{
      Sid: `Queue${i}`,
      Effect: "Allow",
      Action: ["sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes"],
      Resource: arn,
    }];
  }
  throw new ComponentArgsError(`service ${service}: queue "${queue}" has ARN ${arn}, which is neither a Kafka topic nor an SQS queue; IAM cannot scope access to it`);
}

/** The role policy of one service, or undefined when it touches nothing in AWS. */
export function servicePolicy(s: ServiceGrants, ctx: GrantContext): PolicyDocument | undefined {
  assertResolvable(s, { buckets: Object.keys(ctx.bucketArns), secrets: Object.keys(ctx.secretArns), queues: Object.keys(ctx.queueArns) });
  const statements = [
    ...bucketStatements(s, ctx),
    ...secretStatements(s, ctx),
    ...s.queues.flatMap((q, i) => queueStatement(s.name, q, ctx.queueArns[q], i)),
  ];
  return statements.length > 0 ? policyDocument(...statements) : undefined;
}
