/**
 * Fargate's task sizes: each CPU value allows one range of memory values. Our ECS engine runs on
 * EC2, where any size fits an instance, but holding tasks to these sizes keeps every service movable
 * to Fargate unchanged. Pure; no Pulumi imports.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size
 */

/** Memory in MiB allowed for a CPU value: min..max in steps of step. */
export interface MemoryRange {
  min: number;
  max: number;
  step: number;
}

/** CPU units (1024 = 1 vCPU) → allowed memory (MiB), as AWS documents them for Linux tasks. */
export const FARGATE_TASK_SIZES: Readonly<Record<number, MemoryRange>> = {
  256: { min: 512, max: 2048, step: 512 },
  512: { min: 1024, max: 4096, step: 1024 },
  1024: { min: 2048, max: 8192, step: 1024 },
  2048: { min: 4096, max: 16384, step: 1024 },
  4096: { min: 8192, max: 30720, step: 1024 },
  8192: { min: 16384, max: 61440, step: 4096 },
  16384: { min: 32768, max: 122880, step: 8192 },
};

/** The memory values (MiB) Fargate accepts with `cpu`; empty when the CPU value is not a Fargate size. */
export function fargateMemoryValues(cpu: number): number[] {
  const range = FARGATE_TASK_SIZES[cpu];
  if (!range) return [];
  const out: number[] = [];
  for (let m = range.min; m <= range.max; m += range.step) out.push(m);
  return out;
}

/**
 * Why `cpu`/`memory` is not a Fargate size, as the "allowed" half of a config problem, naming the
 * field at fault; undefined when it is one.
 */
export function fargateSizeProblem(cpu: number, memory: number): { field: "cpu" | "memory"; allowed: string } | undefined {
  const range = FARGATE_TASK_SIZES[cpu];
  if (!range) return { field: "cpu", allowed: `one of Fargate's CPU sizes: ${Object.keys(FARGATE_TASK_SIZES).join(", ")}` };
  if (fargateMemoryValues(cpu).includes(memory)) return undefined;
  const below = memory < range.min ? `: ${memory} MiB is below the minimum for ${cpu} CPU units` : "";
  return { field: "memory", allowed: `${range.min} to ${range.max} MiB in steps of ${range.step} with cpu ${cpu} (Fargate task sizes)${below}` };
}
