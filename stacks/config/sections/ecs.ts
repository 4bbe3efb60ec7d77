/**
 * `platform:cluster.ecs`: the ECS engine of the container tier (`platform:cluster.engine: ecs`).
 * Tasks run in awsvpc mode on EC2 container instances of one Auto Scaling group behind a capacity
 * provider; the services come from `platform:services`.
 */
import { z } from "zod";
import { ECS_CLUSTER_PRESETS, ECS_SERVICES_PRESETS } from "../../../components/ecs/presets";
import { roleLogicalNames } from "../../../components/ecs/services";
import { capacityProblems } from "../../../components/ecs/settings";
import { fargateSizeProblem } from "../../../components/ecs/taskSizes";
import { AUTONAME_SUFFIX_LENGTH, AWS_NAME_LIMITS } from "../../../components/naming";
import type { ConfigProblem } from "../problems";
import { PROFILES, Profile } from "../values";
import type { ServiceConfig } from "./services";

const percent = z.number().int().min(1).max(100);

export const ecsSchema = z.strictObject({
  instanceType: z.string().regex(/^[a-z][a-z0-9-]*\.[a-z0-9]+$/, "an EC2 instance type such as m6i.large")
    .describe("Container instance type. Each awsvpc task takes one ENI of the instance, so the type's ENI limit caps the tasks per instance (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking-awsvpc.html)."),
  minSize: z.number().int().min(0).max(1000).describe("Fewest container instances in the Auto Scaling group."),
  maxSize: z.number().int().min(1).max(1000).describe("Most container instances; the capacity provider scales between minSize and maxSize."),
  targetCapacityPercent: percent.describe("Capacity provider managed scaling target, 1 to 100: 100 packs instances full before adding one (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-auto-scaling.html)."),
  diskSizeGiB: z.number().int().min(30).max(16384).describe("Root volume in GiB, at least 30 (the ECS-optimized AL2023 AMI's snapshot size): gp3, encrypted with the data key (not a knob)."),
  imageTag: z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/, "a Docker image tag such as 1.4.2")
    .describe("Tag deployed from a service's own ECR repository when the service names no `image`. Set it per release (`pulumi config set`); with immutable tags a tag always means one image."),
  autoscaling: z.strictObject({
    cpuTargetPercent: percent.describe("Average service CPU utilization, percent, that target tracking holds each service at."),
    memoryTargetPercent: percent.describe("Average service memory utilization, percent, that target tracking holds each service at."),
  }),
  fargateCompatibleSizes: z.boolean().describe("Hold every service's cpu/memory to Fargate's task sizes, so a service can move to Fargate unchanged (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size)."),
});
export type EcsConfig = z.infer<typeof ecsSchema>;

/**
 * The components' presets (components/ecs/presets.ts): the cluster's capacity, the services' image
 * tag and autoscaling (their registry is platform:cluster.registry). fargateCompatibleSizes is the
 * stack's own rule on platform:services, on in every profile.
 */
export const ECS_DEFAULTS: Record<Profile, EcsConfig> = Object.fromEntries(PROFILES.map((p) => {
  const { imageTag, autoscaling } = ECS_SERVICES_PRESETS[p];
  return [p, { ...ECS_CLUSTER_PRESETS[p], imageTag, autoscaling, fargateCompatibleSizes: true }];
})) as Record<Profile, EcsConfig>;

const KEY = "platform:cluster.ecs";

/** The EcsServices component's name, which prefixes its children's (stacks/wiring/ecs.ts uses it). */
export const ecsServicesName = (system: string) => `${system}-ecs-services`;

/** Services whose IAM role names, plus Pulumi's suffix, would exceed IAM's 64 characters. */
function roleNameProblems(services: readonly ServiceConfig[], system: string | undefined): ConfigProblem[] {
  if (!system) return [];
  return services.flatMap((s, i) => {
    const longest = Math.max(...Object.values(roleLogicalNames(ecsServicesName(system), s.name)).map((n) => n.length));
    if (longest + AUTONAME_SUFFIX_LENGTH <= AWS_NAME_LIMITS.iamRole) return [];
    return [{ key: `platform:services[${i}].name`, value: s.name, allowed: `at most ${AWS_NAME_LIMITS.iamRole - AUTONAME_SUFFIX_LENGTH - longest + s.name.length} characters with platform:name "${system}" and engine ecs: its execution and task role names plus Pulumi's 8-character suffix must fit IAM's 64` }];
  });
}

/** Capacity and task-size rules of the ECS engine; `services` are the tasks it will run. */
export function ecsProblems(e: EcsConfig, services: readonly ServiceConfig[], system?: string): ConfigProblem[] {
  const out: ConfigProblem[] = [...roleNameProblems(services, system)];
  // The component's own capacity rules, keyed by the stack key (the schema has checked each field alone).
  out.push(...capacityProblems(e).map(([field, allowed]) => ({ key: `${KEY}.${field}`, value: e[field], allowed })));
  if (e.fargateCompatibleSizes) {
    services.forEach((s, i) => {
      const problem = fargateSizeProblem(s.cpu, s.memory);
      if (problem) out.push({ key: `platform:services[${i}].${problem.field}`, value: s[problem.field], allowed: `${problem.allowed}, or set ${KEY}.fargateCompatibleSizes: false` });
    });
  }
  return out;
}
