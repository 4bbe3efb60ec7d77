import { Container, TASK_TYPES, hasWord, isPlain, listOf, taskOf } from "../../lib/ecs";
import { fsbp, type PackResourcePolicy } from "../../lib/metadata";
import { Unknown, undecidable } from "../../lib/unknowns";

export interface PlaintextSecretsConfig {
  /** Environment variable names that always hold a credential (compared case-insensitively). */
  secretNames: string[];
  /** Words that mark a name as a credential's, wherever they stand in it as whole words. */
  secretNameWords: string[];
  /** Whether a secret may also come from an SSM Parameter Store parameter (by ARN). */
  allowSsmParameters: boolean;
}

/** The names FSBP ECS.8 checks (fixed in Security Hub). */
const ECS8_NAMES = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "ECS_ENGINE_AUTH_DATA"];
const CREDENTIAL_WORDS = ["PASSWORD", "SECRET", "TOKEN", "API_KEY", "PRIVATE_KEY", "CREDENTIAL"];

/**
 * valueFrom as ECS reads it: a Secrets Manager secret's full ARN, optionally followed by
 * :json-key:version-stage:version-id; or an SSM parameter's ARN.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar-secrets-manager.html
 */
const SECRETS_MANAGER_ARN = /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:\S+$/;
const SSM_PARAMETER_ARN = /^arn:aws[a-z-]*:ssm:[a-z0-9-]+:\d{12}:parameter\/\S+$/;

interface Findings {
  plaintext: string[];
  badReferences: string[];
  pending: Unknown[];
}

/** Credential-like names among the container's plain environment variables. A value that is an ARN points at a secret and holds none. */
function plaintextNames(c: Container, isSecretName: (name: string) => boolean, f: Findings): void {
  const env = c.def.environment;
  if (env instanceof Unknown) return void f.pending.push(env);
  for (const e of listOf(env)) {
    if (e instanceof Unknown) f.pending.push(e);
    if (!isPlain(e)) continue;
    if (e.name instanceof Unknown) f.pending.push(e.name);
    if (typeof e.name !== "string" || !isSecretName(e.name)) continue;
    if (e.value instanceof Unknown) f.pending.push(e.value);
    else if (!(typeof e.value === "string" && e.value.startsWith("arn:"))) f.plaintext.push(`${c.name}: ${e.name}`);
  }
}

/** secrets[] and the log driver's secretOptions[] must name a secret by ARN. */
function secretReferences(c: Container, allowSsm: boolean, f: Findings): void {
  const log = c.def.logConfiguration;
  for (const list of [c.def.secrets, isPlain(log) ? log.secretOptions : undefined]) {
    if (list instanceof Unknown) f.pending.push(list);
    for (const s of listOf(list)) {
      if (s instanceof Unknown) f.pending.push(s);
      if (!isPlain(s)) continue;
      const from = s.valueFrom;
      if (from instanceof Unknown) f.pending.push(from);
      else if (!(typeof from === "string" && (SECRETS_MANAGER_ARN.test(from) || (allowSsm && SSM_PARAMETER_ARN.test(from))))) {
        f.badReferences.push(`${c.name}: ${String(s.name)} from ${JSON.stringify(from ?? null)}`);
      }
    }
  }
}

/**
 * Secrets reach containers through `secrets`, which ECS resolves at start from Secrets Manager, never
 * as plain environment variables, which anyone who can describe the task definition reads (FSBP
 * ECS.8, AWS Config rule ecs-no-environment-secrets). Only Secrets Manager by default: a task
 * definition cannot tell an SSM SecureString from a plain String parameter, while every Secrets
 * Manager secret is encrypted with KMS and can rotate; allowSsmParameters admits parameter ARNs too.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html
 */
export const disallowPlaintextSecrets: PackResourcePolicy = {
  name: "ecs-disallow-plaintext-secrets",
  resourceTypes: TASK_TYPES,
  description: "ECS containers take credentials from Secrets Manager through secrets (valueFrom a secret's ARN), never from plain environment variables with credential-like names.",
  severity: "high",
  framework: fsbp("ECS.8"),
  remediationSteps: "Store the value in AWS Secrets Manager and list it under the container's secrets as { name, valueFrom: <secret ARN> }; grant the task execution role secretsmanager:GetSecretValue on that secret only.",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: {
      secretNames: {
        type: "array",
        items: { type: "string", minLength: 1 },
        default: ECS8_NAMES,
        description: "Environment variable names that always hold a credential (case-insensitive).",
      },
      secretNameWords: {
        type: "array",
        items: { type: "string", minLength: 1 },
        default: CREDENTIAL_WORDS,
        description: "Words that mark an environment variable's name as a credential's wherever they stand in it as whole words (case-insensitive, plural too).",
      },
      allowSsmParameters: { type: "boolean", default: false, description: "Accept SSM Parameter Store parameter ARNs as well as Secrets Manager secret ARNs in valueFrom." },
    },
  },
  validateResource: (args, reportViolation) => {
    const task = taskOf(args.type, args.props);
    if (!task) return;
    const { secretNames, secretNameWords, allowSsmParameters } = args.getConfig<PlaintextSecretsConfig>();
    const exact = new Set(secretNames.map((n) => n.toUpperCase()));
    const isSecretName = (name: string) => exact.has(name.toUpperCase()) || secretNameWords.some((w) => hasWord(name, w));
    const f: Findings = { plaintext: [], badReferences: [], pending: [...task.hidden] };
    for (const c of task.containers) {
      plaintextNames(c, isSecretName, f);
      secretReferences(c, allowSsmParameters, f);
    }
    const expected = allowSsmParameters ? "a Secrets Manager secret or SSM parameter ARN" : "a Secrets Manager secret ARN";
    if (f.plaintext.length > 0) {
      reportViolation(`Task definition passes credentials as plain environment variables (${f.plaintext.join("; ")}); move each to secrets with valueFrom ${expected}.`);
    }
    if (f.badReferences.length > 0) {
      reportViolation(`Task definition takes secrets from something other than ${expected} (${f.badReferences.join("; ")}); set valueFrom to the secret's full ARN.`);
    }
    if (f.pending.length > 0) undecidable(args.props, f.pending[0]);
  },
};
