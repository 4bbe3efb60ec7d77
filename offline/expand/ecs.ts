/**
 * awsx:ecs:EC2Service and awsx:ecs:FargateService (@pulumi/awsx v3, awsx/ecs/*Service.ts and
 * *TaskDefinition.ts): from taskDefinitionArgs, a task definition (networkMode awsvpc unless given,
 * requiresCompatibilities the launch type, the containers as JSON), a log group unless skipped or
 * existing, task and execution roles unless given; then the ECS service. awsx sets the launch type
 * only without a capacity provider strategy, since ECS refuses both
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html).
 */
import type { ExpandContext, SynthesizedResource } from "../expand";
import { child } from "../expand";
import { hex } from "../ids";
import type { RecordedResource } from "../recorder";

type LaunchType = "EC2" | "FARGATE";

const EXECUTION_POLICY = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy";
const TASKS_TRUST = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" }] });

/** Arguments of the component that shape it but are not aws.ecs.Service / TaskDefinition inputs. */
const SERVICE_ONLY = ["taskDefinitionArgs", "taskDefinition", "continueBeforeSteadyState", "assignPublicIp", "useClusterDefaultCapacityProviderStrategy"];
const TASK_ONLY = ["container", "containers", "logGroup", "taskRole", "executionRole"];

const omit = (o: Record<string, any>, keys: string[]) => Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));

/** The containers as awsx writes them into the definition: keyed by name, target groups resolved away. */
export function containerDefinitions(args: Record<string, any>): Record<string, any>[] {
  const containers: Record<string, Record<string, any>> = args.container
    ? { [args.container.name ?? "container"]: args.container }
    : (args.containers ?? {});
  return Object.entries(containers).map(([name, c]) => ({
    ...c,
    name,
    portMappings: (c.portMappings ?? []).map((p: Record<string, any>) => omit(p, ["targetGroup"])),
  }));
}

/** A role awsx creates when the argument names none; undefined when it names one. */
function role(s: RecordedResource, ctx: ExpandContext, suffix: string, given: Record<string, any> | undefined, policies: string[]): { arn?: string; resources: SynthesizedResource[] } {
  if (given?.roleArn) return { arn: given.roleArn, resources: [] };
  if (given?.skip) return { resources: [] };
  const name = `${s.name}-${suffix}`;
  const roleName = `${name}-${hex(`role:${name}`, 7)}`;
  const arn = `arn:aws:iam::${ctx.account}:role/${roleName}`;
  return {
    arn,
    resources: [
      child(s, ctx.region, "aws:iam/role:Role", name, { name: roleName, assumeRolePolicy: TASKS_TRUST, ...(given?.args ?? {}) }, { id: roleName, arn, name: roleName }),
      ...policies.map((policyArn, i) => child(s, ctx.region, "aws:iam/rolePolicyAttachment:RolePolicyAttachment", `${name}-${i}`, { role: roleName, policyArn })),
    ],
  };
}

function taskDefinition(s: RecordedResource, ctx: ExpandContext, launchType: LaunchType): { arn: string; resources: SynthesizedResource[] } {
  const args: Record<string, any> = s.inputs.taskDefinitionArgs ?? {};
  const out: SynthesizedResource[] = [];
  if (!args.logGroup?.skip && !args.logGroup?.existing) {
    out.push(child(s, ctx.region, "aws:cloudwatch/logGroup:LogGroup", s.name, { ...(args.logGroup?.args ?? {}) }));
  }
  const task = role(s, ctx, "task", args.taskRole, []);
  const execution = role(s, ctx, "execution", args.executionRole, [EXECUTION_POLICY]);
  const definitions = containerDefinitions(args);
  const family = args.family ?? `${s.name}-${hex(JSON.stringify(definitions), 7)}`;
  const arn = `arn:aws:ecs:${ctx.region}:${ctx.account}:task-definition/${family}:1`;
  out.push(...task.resources, ...execution.resources);
  out.push(child(s, ctx.region, "aws:ecs/taskDefinition:TaskDefinition", s.name, {
    networkMode: "awsvpc",
    ...omit(args, TASK_ONLY),
    requiresCompatibilities: [launchType],
    taskRoleArn: task.arn,
    executionRoleArn: execution.arn,
    family,
    containerDefinitions: JSON.stringify(definitions),
  }, { id: arn, arn, family }));
  return { arn, resources: out };
}

function expandService(s: RecordedResource, ctx: ExpandContext, launchType: LaunchType): SynthesizedResource[] {
  const a = s.inputs;
  const task = a.taskDefinitionArgs ? taskDefinition(s, ctx, launchType) : { arn: a.taskDefinition, resources: [] };
  const strategies = Array.isArray(a.capacityProviderStrategies) && a.capacityProviderStrategies.length > 0;
  const name = a.name ?? s.name;
  const cluster = typeof a.cluster === "string" ? a.cluster : undefined;
  return [...task.resources, child(s, ctx.region, "aws:ecs/service:Service", s.name, {
    ...omit(a, SERVICE_ONLY),
    networkConfiguration: a.networkConfiguration && a.assignPublicIp !== undefined ? { ...a.networkConfiguration, assignPublicIp: a.assignPublicIp } : a.networkConfiguration,
    cluster,
    launchType: strategies || a.useClusterDefaultCapacityProviderStrategy ? undefined : launchType,
    waitForSteadyState: !(a.continueBeforeSteadyState ?? false),
    taskDefinition: task.arn,
  }, { id: `arn:aws:ecs:${ctx.region}:${ctx.account}:service/${(cluster ?? "default").split("/").pop()}/${name}`, name })];
}

export const expandEc2Service = (s: RecordedResource, ctx: ExpandContext) => expandService(s, ctx, "EC2");
export const expandFargateService = (s: RecordedResource, ctx: ExpandContext) => expandService(s, ctx, "FARGATE");
