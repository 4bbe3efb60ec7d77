/**
 * Per workload group and per service: a namespace with the restricted Pod Security Standard and
 * default-deny network policies; one ECR repository, one IRSA role and one service account per
 * service, the role granting exactly what the service's config names. The repositories and roles
 * are AWS resources (the Workloads component); the namespaces, policies, service accounts and HPAs
 * are Kubernetes objects (the KubernetesWorkloads component), created once the API is reachable.
 */
import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import type { ChildOptions } from "../childOptions";
import { childName } from "../naming";
import { tierTags } from "../tags";
import { ROLE_ARN_ANNOTATION } from "./irsa";
import { Oidc, irsaRole } from "./roles";
import { ServiceGrants, servicePolicy } from "./servicePolicy";

export interface WorkloadService extends ServiceGrants {
  namespace: string;
  /** Pod count bounds for the service's HorizontalPodAutoscaler; 1 ≤ min ≤ max. */
  replicas: { min: number; max: number };
}

export interface RegistrySettings {
  immutableTags: boolean;
  keepImages: number;
  untaggedExpiryDays: number;
}

/** Pod Security Standards, enforced per namespace by the built-in admission controller. */
export const POD_SECURITY_LABELS = {
  "pod-security.kubernetes.io/enforce": "restricted",
  "pod-security.kubernetes.io/audit": "restricted",
  "pod-security.kubernetes.io/warn": "restricted",
};

/** Namespaces of the workload groups, each sealed by default; services open what they need. */
export function namespaces(parentName: string, names: string[], opts: ChildOptions): Record<string, k8s.core.v1.Namespace> {
  const out: Record<string, k8s.core.v1.Namespace> = {};
  for (const ns of names) {
    const namespace = new k8s.core.v1.Namespace(childName(parentName, `ns-${ns}`), { metadata: { name: ns, labels: { ...POD_SECURITY_LABELS, "platform/workload-group": ns } } }, opts);
    const meta = (name: string) => ({ name, namespace: namespace.metadata.name });
    new k8s.networking.v1.NetworkPolicy(childName(parentName, `ns-${ns}-deny`), {
      metadata: meta("default-deny-all"),
      spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] },
    }, opts);
    // Without DNS nothing resolves; this is the only egress every pod gets by default.
    new k8s.networking.v1.NetworkPolicy(childName(parentName, `ns-${ns}-dns`), {
      metadata: meta("allow-dns-egress"),
      spec: {
        podSelector: {},
        policyTypes: ["Egress"],
        egress: [{
          to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } }, podSelector: { matchLabels: { "k8s-app": "kube-dns" } } }],
          ports: [{ protocol: "UDP", port: 53 }, { protocol: "TCP", port: 53 }],
        }],
      },
    }, opts);
    out[ns] = namespace;
  }
  return out;
}

/** ECR lifecycle: untagged images expire after N days, and only the newest N tagged images stay. */
export function lifecyclePolicy(r: RegistrySettings): string {
  return JSON.stringify({
    rules: [
      { rulePriority: 1, description: `Expire untagged images after ${r.untaggedExpiryDays} days`, selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: r.untaggedExpiryDays }, action: { type: "expire" } },
      { rulePriority: 2, description: `Keep the newest ${r.keepImages} images`, selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: r.keepImages }, action: { type: "expire" } },
    ],
  });
}

/**
 * One repository per service, named <cluster>/<service>: scanned on push, encrypted with the data
 * key, immutable tags where config asks (prod). forceDelete stays off, so AWS refuses to delete a
 * repository that still holds images.
 */
export function repository(parentName: string, clusterName: string, service: string, r: RegistrySettings, dataKeyArn: pulumi.Input<string>, parent: pulumi.Resource): aws.ecr.Repository {
  const repo = new aws.ecr.Repository(childName(parentName, `ecr-${service}`), {
    name: `${clusterName}/${service}`,
    imageTagMutability: r.immutableTags ? "IMMUTABLE" : "MUTABLE",
    imageScanningConfiguration: { scanOnPush: true },
    encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: dataKeyArn }],
    tags: tierTags("cluster", { Service: service }),
  }, { parent });
  new aws.ecr.LifecyclePolicy(childName(parentName, `ecr-${service}`), { repository: repo.name, policy: lifecyclePolicy(r) }, { parent });
  return repo;
}

export interface IdentityInput {
  oidc: Oidc;
  partition: pulumi.Input<string>;
  region: pulumi.Input<string>;
  bucketArns: Record<string, pulumi.Input<string>>;
  secretArns: Record<string, pulumi.Input<string>>;
  queueArns: Record<string, pulumi.Input<string>>;
  dataKeyArn: pulumi.Input<string>;
  secretsKeyArn: pulumi.Input<string>;
}

/**
 * Pod autoscaling for the service's Deployment (named after the service, deployed by its own
 * pipeline), between its configured replica bounds, holding average CPU at `cpuTargetPercent` of the
 * pods' requests; metrics-server supplies the CPU metrics.
 * https://docs.aws.amazon.com/eks/latest/userguide/horizontal-pod-autoscaler.html
 */
export function podAutoscaler(parentName: string, s: Pick<WorkloadService, "name" | "replicas">, cpuTargetPercent: number, ns: k8s.core.v1.Namespace, opts: ChildOptions): k8s.autoscaling.v2.HorizontalPodAutoscaler {
  return new k8s.autoscaling.v2.HorizontalPodAutoscaler(childName(parentName, `hpa-${s.name}`), {
    metadata: { name: s.name, namespace: ns.metadata.name },
    spec: {
      scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: s.name },
      minReplicas: s.replicas.min,
      maxReplicas: s.replicas.max,
      metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: cpuTargetPercent } } }],
    },
  }, opts);
}

/** The service's IAM role, assumable only by its service account. */
export function serviceRole(parentName: string, s: ServiceGrants & { namespace: string }, input: IdentityInput, parent: pulumi.Resource): aws.iam.Role {
  const policy = pulumi
    .all([input.bucketArns, input.secretArns, input.queueArns, input.dataKeyArn, input.secretsKeyArn, input.region])
    .apply(([bucketArns, secretArns, queueArns, dataKeyArn, secretsKeyArn, region]) => servicePolicy(s, { region, bucketArns, secretArns, queueArns, dataKeyArn, secretsKeyArn }));
  // A service that names nothing gets a role with no policy at all: it can assume it and do nothing.
  const touchesAws = s.buckets.length + s.secrets.length + s.queues.length > 0;
  return irsaRole(parentName, `svc-${s.name}`, { namespace: s.namespace, name: s.name }, input.oidc, { policy: touchesAws ? policy : undefined, partition: input.partition }, parent).role;
}

/** The service account the service's pods run as, annotated with its role. */
export function serviceAccount(parentName: string, service: string, roleArn: pulumi.Input<string>, ns: k8s.core.v1.Namespace, opts: ChildOptions): k8s.core.v1.ServiceAccount {
  return new k8s.core.v1.ServiceAccount(childName(parentName, `sa-${service}`), {
    metadata: { name: service, namespace: ns.metadata.name, annotations: { [ROLE_ARN_ANNOTATION]: roleArn }, labels: { "app.kubernetes.io/name": service } },
  }, opts);
}
