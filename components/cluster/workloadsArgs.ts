/**
 * The services' components' arguments with their defaults filled in (presets.ts), and every rule
 * AWS or Kubernetes would reject them for, all reported at once before any resource. Pure: the
 * Pulumi types are type-only imports.
 */
import type * as pulumi from "@pulumi/pulumi";
import { registryProblems } from "../registry";
import { SettingProblem, assertNoProblems, intRange, problem } from "../settings";
import { didYouMean } from "../suggest";
import type { KubernetesService, KubernetesWorkloadsArgs } from "./kubernetesWorkloads";
import { HPA_CPU_TARGET_MAX, HPA_CPU_TARGET_MIN, KUBERNETES_WORKLOADS_DEFAULTS, KubernetesWorkloadsSettings, WORKLOADS_DEFAULTS, WorkloadsSettings } from "./presets";
import type { WorkloadsArgs } from "./serviceWorkloads";
import type { WorkloadService } from "./workloads";

type ArnMap = Record<string, pulumi.Input<string>>;

/** Workloads' arguments with the registry and the ARN maps filled in; the account is resolved by the component. */
export type ResolvedWorkloadsArgs = Omit<WorkloadsArgs, keyof WorkloadsSettings | "bucketArns" | "secretArns" | "queueArns"> & WorkloadsSettings & {
  bucketArns: ArnMap;
  secretArns: ArnMap;
  queueArns: ArnMap;
};

export type ResolvedKubernetesWorkloadsArgs = Omit<KubernetesWorkloadsArgs, keyof KubernetesWorkloadsSettings> & KubernetesWorkloadsSettings;

/**
 * A Kubernetes namespace, and the name of an object in it, is an RFC 1123 label: at most 63 of a-z,
 * 0-9 and '-', starting and ending alphanumeric. https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#dns-label-names
 */
export const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const LABEL_RULE = "an RFC 1123 label: at most 63 of a-z, 0-9 and '-', starting and ending with a letter or digit";

/**
 * An ECR repository name (`<clusterName>/<service>`): 2 to 256 characters, lowercase path segments
 * of a-z and 0-9 joined by '.', '_' or '-'. https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_CreateRepository.html
 */
export const ECR_REPOSITORY_NAME = /^(?=.{2,256}$)(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;

/** Each name the services list twice (each service's objects and roles are named after it). */
function duplicateNameProblems(services: readonly { name: string }[]): SettingProblem[] {
  const names = services.map((s) => s.name);
  return names.flatMap((n, i) => (names.indexOf(n) !== i ? [problem(`services[${i}].name`, n, "a name no other service has: its repository, role, service account and HPA are named after it")] : []));
}

/** Each bucket, secret and queue a service names that its map has no ARN for: a role never silently grants less. */
export function referenceProblems(services: readonly WorkloadService[], maps: { bucketArns: ArnMap; secretArns: ArnMap; queueArns: ArnMap }): SettingProblem[] {
  const [buckets, secrets, queues] = [maps.bucketArns, maps.secretArns, maps.queueArns].map((m) => Object.keys(m));
  return services.flatMap((s, i) => {
    const check = (field: string, value: string, map: string, known: string[]) => (known.includes(value) ? [] : [problem(field, value,
      `a name in ${map} (${known.length > 0 ? known.join(", ") : "none given"}): service ${s.name}'s role grants exactly what it names, so give the ARN or drop the reference`,
      didYouMean(value, known))]);
    return [
      ...s.buckets.flatMap((b, j) => check(`services[${i}].buckets[${j}].name`, b.name, "bucketArns", buckets)),
      ...s.secrets.flatMap((n, j) => check(`services[${i}].secrets[${j}]`, n, "secretArns", secrets)),
      ...s.queues.flatMap((n, j) => check(`services[${i}].queues[${j}]`, n, "queueArns", queues)),
    ];
  });
}

/** Every rule Workloads' resolved arguments break. */
export function checkWorkloadsArgs(a: ResolvedWorkloadsArgs): SettingProblem[] {
  const badRepos = a.services.filter((s) => !ECR_REPOSITORY_NAME.test(`${a.clusterName}/${s.name}`));
  return [
    ...registryProblems(a.registry),
    ...duplicateNameProblems(a.services),
    ...badRepos.map((s) => problem("clusterName", a.clusterName, `a name that makes "${a.clusterName}/${s.name}" an ECR repository name: lowercase a-z and 0-9 joined by '.', '_' or '-', 2 to 256 characters`)),
    ...referenceProblems(a.services, a),
  ];
}

/** Workloads' arguments over WORKLOADS_DEFAULTS and empty ARN maps; throws listing every problem. */
export function resolveWorkloadsArgs(name: string, given: WorkloadsArgs): ResolvedWorkloadsArgs {
  const a: ResolvedWorkloadsArgs = {
    ...given,
    registry: given.registry ?? WORKLOADS_DEFAULTS.registry,
    bucketArns: given.bucketArns ?? {},
    secretArns: given.secretArns ?? {},
    queueArns: given.queueArns ?? {},
  };
  assertNoProblems(name, checkWorkloadsArgs(a));
  return a;
}

/** The services that have no role ARN. */
export function servicesWithoutRoles(services: readonly KubernetesService[], serviceRoleArns: Record<string, unknown>): string[] {
  return services.map((s) => s.name).filter((n) => serviceRoleArns[n] === undefined);
}

/**
 * An HPA's bounds: minReplicas at least 1, maxReplicas at least minReplicas.
 * https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/horizontal-pod-autoscaler-v2/
 */
function replicaProblems(s: KubernetesService, i: number): SettingProblem[] {
  const { min, max } = s.replicas;
  const minOk = Number.isInteger(min) && min >= 1;
  return [
    ...(minOk ? [] : [problem(`services[${i}].replicas.min`, min, "an integer of at least 1: an HPA keeps at least one pod")]),
    ...(Number.isInteger(max) && max >= (minOk ? min : 1) ? [] : [problem(`services[${i}].replicas.max`, max, `an integer of at least replicas.min (${min})`)]),
  ];
}

/** Every rule KubernetesWorkloads' resolved arguments break. */
export function checkKubernetesWorkloadsArgs(a: ResolvedKubernetesWorkloadsArgs): SettingProblem[] {
  const missing = servicesWithoutRoles(a.services, a.serviceRoleArns);
  return [
    ...(missing.length > 0
      ? [problem("serviceRoleArns", Object.keys(a.serviceRoleArns), `a role ARN for every service; none for ${missing.join(", ")}: create the Workloads component (the AWS step) for every service first`)]
      : []),
    ...intRange("podCpuTargetPercent", a.podCpuTargetPercent, HPA_CPU_TARGET_MIN, HPA_CPU_TARGET_MAX, "percent of the pods' CPU requests"),
    ...duplicateNameProblems(a.services),
    ...a.services.flatMap((s, i) => [
      ...(DNS_LABEL.test(s.name) ? [] : [problem(`services[${i}].name`, s.name, LABEL_RULE)]),
      ...(DNS_LABEL.test(s.namespace) ? [] : [problem(`services[${i}].namespace`, s.namespace, LABEL_RULE)]),
      ...replicaProblems(s, i),
    ]),
  ];
}

/** KubernetesWorkloads' arguments over KUBERNETES_WORKLOADS_DEFAULTS; throws listing every problem. */
export function resolveKubernetesWorkloadsArgs(name: string, given: KubernetesWorkloadsArgs): ResolvedKubernetesWorkloadsArgs {
  const a: ResolvedKubernetesWorkloadsArgs = { ...given, podCpuTargetPercent: given.podCpuTargetPercent ?? KUBERNETES_WORKLOADS_DEFAULTS.podCpuTargetPercent };
  assertNoProblems(name, checkKubernetesWorkloadsArgs(a));
  return a;
}
