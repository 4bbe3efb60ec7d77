/**
 * ECS workloads as policies see them, wherever they are declared. A real run shows the aws:ecs/*
 * resources, a task definition's containers as one JSON string; the offline plan shows only the
 * arguments of the awsx components (awsx is a remote component: under mocks it registers no
 * children), where a service carries its task definition in taskDefinitionArgs. Pure; values unknown
 * during preview come back as Unknown markers (lib/unknowns.ts) for the policy to set aside.
 */
import { T } from "./types";
import { Unknown, resolve } from "./unknowns";

type Plain = Record<string, unknown>;

export const AWSX_SERVICE_TYPES: readonly string[] = [T.awsxEc2Service, T.awsxFargateService];
export const AWSX_TASK_DEFINITION_TYPES: readonly string[] = [T.awsxEc2TaskDefinition, T.awsxFargateTaskDefinition];
/** Every type that declares containers: task definitions, and awsx services through taskDefinitionArgs. */
export const TASK_TYPES: readonly string[] = [T.ecsTaskDefinition, ...AWSX_TASK_DEFINITION_TYPES, ...AWSX_SERVICE_TYPES];
/** Every type that runs tasks as a long-lived service. */
export const SERVICE_TYPES: readonly string[] = [T.ecsService, ...AWSX_SERVICE_TYPES];

export const isPlain = (v: unknown): v is Plain => typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Unknown);

/** `v` as a list: a list as is, anything else (absent, unknown, malformed) as empty. */
export const listOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export interface Container {
  name: string;
  /** The container definition, in the ECS API's field names (both awsx and the JSON use them). */
  def: Plain;
}

export interface Task {
  /** The containers that are known. */
  containers: Container[];
  /** Unknown values that hide containers: during preview, a real run's whole containerDefinitions JSON. */
  hidden: Unknown[];
  networkMode: unknown;
  pidMode: unknown;
  ipcMode: unknown;
  /**
   * Whether a container without a logConfiguration still gets one: awsx gives it awslogs to the task's
   * log group unless logGroup.skip is set (awsx/ecs/containers.ts, computeContainerDefinition). A real
   * run's JSON is final, so never for aws:ecs/taskDefinition:TaskDefinition.
   * https://github.com/pulumi/pulumi-awsx/blob/master/awsx/ecs/containers.ts
   */
  defaultLogs: boolean | Unknown;
}

function jsonContainers(props: Record<string, any>): Pick<Task, "containers" | "hidden"> {
  const text = resolve(props, "containerDefinitions");
  if (text instanceof Unknown) return { containers: [], hidden: [text] };
  let parsed: unknown;
  try {
    parsed = typeof text === "string" ? JSON.parse(text) : text;
  } catch {
    // The provider rejects malformed JSON before anything is created; there are no containers to judge.
    return { containers: [], hidden: [] };
  }
  const defs = listOf(parsed).filter(isPlain);
  return { containers: defs.map((def, i) => ({ name: typeof def.name === "string" ? def.name : `#${i + 1}`, def })), hidden: [] };
}

/**
 * awsx takes `container`, named by its own name (or "container" without one), or a `containers` map
 * whose keys become the names (awsx/ecs/containers.ts, normalizeTaskDefinitionContainers).
 * https://github.com/pulumi/pulumi-awsx/blob/master/awsx/ecs/containers.ts
 */
function awsxContainers(args: Plain): Pick<Task, "containers" | "hidden"> {
  const containers: Container[] = [];
  const hidden: Unknown[] = [];
  const add = (name: string, def: unknown) => {
    if (def instanceof Unknown) hidden.push(def);
    else if (isPlain(def)) containers.push({ name, def });
  };
  const single = isPlain(args.container) ? args.container.name : undefined;
  add(typeof single === "string" ? single : "container", args.container);
  if (args.containers instanceof Unknown) hidden.push(args.containers);
  else if (isPlain(args.containers)) for (const [name, def] of Object.entries(args.containers)) add(name, def);
  return { containers, hidden };
}

/** The task an ECS resource declares, or undefined when it declares none (a service naming a task definition declared elsewhere). */
export function taskOf(type: string, props: Record<string, any>): Task | undefined {
  if (type === T.ecsTaskDefinition) {
    const modes = { networkMode: resolve(props, "networkMode"), pidMode: resolve(props, "pidMode"), ipcMode: resolve(props, "ipcMode") };
    return { ...jsonContainers(props), ...modes, defaultLogs: false };
  }
  let args: unknown;
  if (AWSX_SERVICE_TYPES.includes(type)) args = resolve(props, "taskDefinitionArgs");
  else if (AWSX_TASK_DEFINITION_TYPES.includes(type)) args = Object.fromEntries(Object.keys(props).map((k) => [k, resolve(props, k)]));
  else return undefined;
  if (args instanceof Unknown) return { containers: [], hidden: [args], networkMode: args, pidMode: args, ipcMode: args, defaultLogs: args };
  if (!isPlain(args)) return undefined;
  const logGroup = args.logGroup;
  const skip = isPlain(logGroup) ? logGroup.skip : logGroup;
  const defaultLogs = skip instanceof Unknown ? skip : skip !== true;
  return { ...awsxContainers(args), networkMode: args.networkMode, pidMode: args.pidMode, ipcMode: args.ipcMode, defaultLogs };
}

const FARGATE_PROVIDERS = ["FARGATE", "FARGATE_SPOT"];

/**
 * Whether a service's tasks run on Fargate, where ECS places tasks itself and placement strategies
 * do not apply. An aws:ecs/service:Service runs on Fargate with launchType FARGATE, or with a
 * capacity provider strategy made only of the FARGATE and FARGATE_SPOT providers.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html
 */
export function runsOnFargate(type: string, props: Record<string, any>): boolean | Unknown {
  if (type === T.awsxFargateService) return true;
  if (type !== T.ecsService) return false;
  const launchType = resolve(props, "launchType");
  if (launchType !== undefined) return launchType instanceof Unknown ? launchType : launchType === "FARGATE";
  const strategies = resolve(props, "capacityProviderStrategies");
  if (strategies instanceof Unknown) return strategies;
  const providers = listOf(strategies).map((s) => (isPlain(s) ? s.capacityProvider : undefined));
  const unknown = providers.find((p): p is Unknown => p instanceof Unknown);
  if (unknown) return unknown;
  return providers.length > 0 && providers.every((p) => FARGATE_PROVIDERS.includes(p as string));
}

/** A name's words: split at underscores and other separators, and where camelCase turns upper. */
const wordsOf = (name: string): string[] => name.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase().split(/[^A-Z0-9]+/).filter(Boolean);

/**
 * Whether `word` (itself one or more words, such as API_KEY) stands in `name` as whole words, its last
 * also in the plural: DB_PASSWORD, OPENAI_API_KEY, githubToken and AWS_CREDENTIALS match;
 * TOKENIZERS_PARALLELISM and PASSWORDLESS_LOGIN do not.
 */
export function hasWord(name: string, word: string): boolean {
  const n = wordsOf(name);
  const w = wordsOf(word);
  for (let i = 0; i + w.length <= n.length; i++) {
    if (w.every((part, j) => n[i + j] === part || (j === w.length - 1 && n[i + j] === `${part}S`))) return true;
  }
  return false;
}
