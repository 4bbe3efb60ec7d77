/**
 * The container definition and volumes of one service's task. Pure; no Pulumi imports: values that
 * are outputs in the component (image, ARNs, ids) pass through as the type parameter T.
 */
import { ComponentArgsError } from "../errors";
import { EcsService, EfsRefs, secretEnvName } from "./services";

export interface ContainerRefs<T> {
  /** Full image reference. */
  image: T;
  /** The service's own, KMS-encrypted log group. */
  logGroupName: T;
  region: string;
  /** Secret ARNs by name; the service's secrets must all be present (checked before). */
  secretArns: Record<string, T>;
  /** The Cloud Map namespace: services reach each other as `<service>.<namespace>`. */
  discoveryNamespace: T;
}

/** The variable every container gets, naming the Cloud Map namespace its peers are found under. */
export const DISCOVERY_NAMESPACE_ENV = "SERVICE_DISCOVERY_NAMESPACE";

/**
 * One essential, unprivileged container with the service's size and port, plain variables from
 * its environment plus SERVICE_DISCOVERY_NAMESPACE (so no stack file hard-codes the namespace, which
 * names the stack), each secret injected by ARN (never its value) as <NAME>_SECRET, and awslogs to
 * its own log group. https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html
 */
export function containerDefinition<T>(s: EcsService, refs: ContainerRefs<T>) {
  return {
    name: s.name,
    image: refs.image,
    cpu: s.cpu,
    memory: s.memory,
    essential: true,
    privileged: false,
    portMappings: [{ containerPort: s.port, protocol: "tcp" }],
    environment: [
      ...Object.keys(s.environment ?? {}).filter((name) => name !== DISCOVERY_NAMESPACE_ENV).sort().map((name) => ({ name, value: s.environment![name] as T | string })),
      { name: DISCOVERY_NAMESPACE_ENV, value: refs.discoveryNamespace as T | string },
    ],
    secrets: s.secrets.map((secret) => ({ name: secretEnvName(secret), valueFrom: refs.secretArns[secret] })),
    // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html
    logConfiguration: {
      logDriver: "awslogs",
      options: { "awslogs-group": refs.logGroupName, "awslogs-region": refs.region, "awslogs-stream-prefix": s.name },
    },
    mountPoints: s.volumes.map((v) => ({ sourceVolume: v.name, containerPath: v.mountPath, readOnly: false })),
  };
}

/**
 * EFS volumes through the access point of the same name, encrypted in transit, mounted with the
 * task role (IAM authorization, which requires transit encryption).
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/efs-volumes.html
 */
export function taskVolumes<T>(s: EcsService, efs: EfsRefs<T> | undefined) {
  if (s.volumes.length === 0) return [];
  if (!efs) throw new ComponentArgsError(`service ${s.name} mounts volumes but the stack has no EFS file system`);
  return s.volumes.map((v) => ({
    name: v.name,
    efsVolumeConfiguration: {
      fileSystemId: efs.fileSystemId,
      transitEncryption: "ENABLED",
      authorizationConfig: { accessPointId: efs.accessPointIds[v.name], iam: "ENABLED" },
    },
  }));
}
