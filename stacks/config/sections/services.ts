/**
 * `platform:services`: the workloads of the system. One list drives the container registry and
 * identity per service (cluster tier, either engine), routing (edge tier) and tasks (ECS engine).
 * Unknown keys are rejected.
 */
import { z } from "zod";
import type { ConfigProblem } from "../problems";
import type { Profile } from "../values";

/** RFC 1123 label: Kubernetes object and namespace names, ECR path segments, DNS names in Cloud Map. */
const dnsLabel = (max: number) =>
  z.string().regex(new RegExp(`^[a-z]([a-z0-9-]{0,${max - 2}}[a-z0-9])?$`), `a lowercase DNS label: a-z, 0-9 and '-', starting with a letter, at most ${max} characters`);

export const BUCKET_ACCESS = ["read", "write", "readwrite"] as const;

export const serviceSchema = z.strictObject({
  name: dnsLabel(32).describe("Service name, unique in the system; names its repository, role and service account."),
  namespace: dnsLabel(63).describe("Workload group: the Kubernetes namespace on EKS; on ECS it groups the services' application log groups."),
  port: z.number().int().min(1).max(65535).describe("Container port the service listens on."),
  replicas: z.strictObject({
    min: z.number().int().min(1).max(100).describe("Fewest replicas (tasks or pods); the autoscaler never goes below it."),
    max: z.number().int().min(1).max(100).describe("Most replicas; must be at least min."),
  }),
  cpu: z.number().int().min(128).max(16384).describe("CPU units (1024 = 1 vCPU); becomes the pod request or the task size."),
  memory: z.number().int().min(128).max(122880).describe("Memory in MiB; becomes the pod request and limit or the task size."),
  routePath: z.string().regex(/^\/[A-Za-z0-9._~\-/*]*$/, "a path pattern starting with '/', such as / or /api/*").optional()
    .describe("Path pattern the load balancer routes to this service (e.g. /api/*). Omit for internal-only services."),
  healthCheckPath: z.string().regex(/^\/[A-Za-z0-9._~\-/]*$/, "a path starting with '/'").optional()
    .describe("HTTP path the load balancer health check requests. Default: /."),
  image: z.string().regex(/^[a-z0-9]([a-z0-9._/:-]{0,254})(@sha256:[a-f0-9]{64})?$/, "an image reference such as redis:7.4-alpine or public.ecr.aws/docker/library/redis:7.4")
    .optional().describe("ECS engine: a third-party image to run (e.g. redis, qdrant). Default: the service's own ECR repository at platform:cluster.ecs.imageTag."),
  gpu: z.boolean().optional().describe("Schedule on the GPU node group (EKS) or GPU instances (ECS)."),
  volumes: z.array(z.strictObject({
    name: dnsLabel(63).describe("Volume name."),
    mountPath: z.string().regex(/^\/[^\s]*$/, "an absolute path").describe("Where the volume is mounted in the container."),
    source: z.enum(["efs"]).describe("Backing store: efs, the storage tier's file system (through an access point)."),
  })).describe("Persistent volumes the service mounts."),
  buckets: z.array(z.strictObject({
    name: dnsLabel(32).describe("Name of a bucket in platform:storage.buckets."),
    access: z.enum(BUCKET_ACCESS).describe("read: get and list; write: put and delete; readwrite: both."),
  })).describe("Buckets the service may touch, and how; its role names exactly these."),
  secrets: z.array(dnsLabel(63)).describe("Secrets the service may read: database, cache or messaging credentials of the data tier, by name."),
  queues: z.array(z.string().regex(/^[A-Za-z0-9._-]{1,249}$/, "a Kafka topic or RabbitMQ queue name")).describe("Topics or queues of the messaging tier the service may use."),
  environment: z.record(z.string().regex(/^[A-Z_][A-Z0-9_]*$/, "an environment variable name"), z.string()).optional()
    .describe("Plain, non-secret environment variables. Secrets go in `secrets`, never here."),
});

export const servicesSchema = z.array(serviceSchema).describe("The system's workloads: one list drives the EKS workloads or the ECS services (platform:cluster.engine), the edge's routes and the monitoring tier's log groups.");
export type ServiceConfig = z.infer<typeof serviceSchema>;

/** Services belong to the system, not the environment: no profile brings any. */
export const SERVICES_DEFAULTS: Record<Profile, ServiceConfig[]> = { dev: [], staging: [], prod: [] };

/** Namespaces Kubernetes, EKS and the cluster tier's add-ons own; workloads get their own. */
export const RESERVED_NAMESPACES = ["default", "kube-system", "kube-public", "kube-node-lease", "amazon-cloudwatch", "karpenter"];

/**
 * Environment variable names that hold a credential: the three FSBP ECS.8 names, and names with one of
 * these words standing whole between underscores (the last word also plural). The same defaults as
 * the policy pack's ecs-disallow-plaintext-secrets, which checks the task definitions themselves; here
 * the value would also sit in plain text in the stack file.
 * https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-8
 */
const CREDENTIAL_NAMES = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "ECS_ENGINE_AUTH_DATA"];
const CREDENTIAL_WORDS = ["PASSWORD", "SECRET", "TOKEN", "API_KEY", "PRIVATE_KEY", "CREDENTIAL"];

function isCredentialName(name: string): boolean {
  const parts = name.split("_");
  const has = (word: string[]) => parts.some((_, i) => word.every((w, j) => parts[i + j] === w || (j === word.length - 1 && parts[i + j] === `${w}S`)));
  return CREDENTIAL_NAMES.includes(name) || CREDENTIAL_WORDS.some((w) => has(w.split("_")));
}

/** Plain environment variables that look like credentials; a value that is an ARN only points at one. */
function credentialProblems(key: string, environment: Record<string, string> = {}): ConfigProblem[] {
  return Object.entries(environment)
    .filter(([name, value]) => isCredentialName(name) && !value.startsWith("arn:"))
    .map(([name]) => ({
      key: `${key}.environment.${name}`,
      value: "(withheld)",
      allowed: `no credential in plain config, where it would sit in the stack file (names with ${CREDENTIAL_WORDS.join(", ")} are credentials); keep it in Secrets Manager: list it in platform:appSecrets and name it in ${key}.secrets (the data tier's credentials are named there too)`,
    }));
}

export function servicesRules(c: { services?: ServiceConfig[] }): ConfigProblem[] {
  const services = c.services ?? [];
  const problems: ConfigProblem[] = [];
  const seen = new Map<string, number>();
  const routes = new Map<string, string>();
  problems.push(...routeShadowProblems(services));
  services.forEach((s, i) => {
    const key = `platform:services[${i}]`;
    if (seen.has(s.name)) problems.push({ key: `${key}.name`, value: s.name, allowed: `a name not already used by services[${seen.get(s.name)}]` });
    seen.set(s.name, i);
    if (RESERVED_NAMESPACES.includes(s.namespace)) {
      problems.push({ key: `${key}.namespace`, value: s.namespace, allowed: `a namespace of its own, not one of ${RESERVED_NAMESPACES.join(", ")} (reserved for the cluster and its add-ons)` });
    }
    if (s.replicas.min > s.replicas.max) {
      problems.push({ key: `${key}.replicas`, value: s.replicas, allowed: "min ≤ max" });
    }
    problems.push(...credentialProblems(key, s.environment));
    if (s.routePath) {
      const other = routes.get(s.routePath);
      if (other) problems.push({ key: `${key}.routePath`, value: s.routePath, allowed: `a path not already routed to service ${other}` });
      routes.set(s.routePath, s.name);
    }
  });
  return problems;
}

/**
 * Whether every path `pattern` matches is also matched by `by`. ALB path patterns have `*` (any
 * characters) and `?` (one character); we decide the cases that matter for routing order: equal
 * patterns, and a pattern whose only wildcard is a trailing `*` covering a longer pattern with the
 * same prefix. https://docs.aws.amazon.com/elasticloadbalancing/latest/application/rule-condition-types.html#path-conditions
 */
export function routeCovers(by: string, pattern: string): boolean {
  if (by === pattern) return true;
  const body = by.slice(0, -1);
  return by.endsWith("*") && !/[*?]/.test(body) && pattern.startsWith(body);
}

/**
 * Listener rules are evaluated in priority order, which is the services' list order: a route that
 * an earlier route already covers would never receive a request.
 */
function routeShadowProblems(services: readonly ServiceConfig[]): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  services.forEach((s, i) => {
    if (!s.routePath) return;
    const earlier = services.slice(0, i).find((e) => e.routePath && e.routePath !== s.routePath && routeCovers(e.routePath, s.routePath!));
    if (earlier) {
      out.push({ key: `platform:services[${i}].routePath`, value: s.routePath, allowed: `a path not already covered by ${earlier.routePath} of service ${earlier.name}, which comes first and would take every request; list ${s.name} before ${earlier.name}` });
    }
  });
  return out;
}
