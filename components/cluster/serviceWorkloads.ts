import * as pulumi from "@pulumi/pulumi";
import type { AccountContext } from "../account";
import { Oidc } from "./roles";
import { assertResolvable } from "./servicePolicy";
import { RegistrySettings, WorkloadService, repository, serviceRole } from "./workloads";

export interface WorkloadsArgs {
  /** The EKS cluster's name; repositories are named `<clusterName>/<service>`. */
  clusterName: string;
  /** Partition and region, for ARNs in the service policies. */
  account: Pick<AccountContext, "partition" | "region">;
  /** The cluster's IRSA OIDC provider. https://docs.aws.amazon.com/eks/latest/userguide/iam-roles-for-service-accounts.html */
  oidc: Oidc;
  /** Platform KMS keys: data (ECR repositories), secrets (kms:Decrypt through Secrets Manager only). */
  kmsKeyArns: { data: pulumi.Input<string>; secrets: pulumi.Input<string> };
  registry: RegistrySettings;
  /** Services: each gets a repository and an IRSA role trusted by its service account in its namespace. */
  services: WorkloadService[];
  /**
   * ARNs by name from the storage, data and messaging tiers. A service naming one not listed is an
   * error naming the service and the reference: a role never silently grants less or more.
   */
  bucketArns: Record<string, pulumi.Input<string>>;
  secretArns: Record<string, pulumi.Input<string>>;
  queueArns: Record<string, pulumi.Input<string>>;
}

/**
 * The cluster tier's per-service AWS pieces: per service an ECR repository and an IRSA role that
 * names exactly the buckets, secrets and queues the service uses. Their Kubernetes side (namespaces,
 * service accounts, HPAs) is the KubernetesWorkloads component.
 *
 * It is a component of its own, created after the data and storage tiers, because service roles
 * need those tiers' ARNs while those tiers' security groups need the cluster's node group first.
 */
export class Workloads extends pulumi.ComponentResource {
  readonly repositoryUrls: Record<string, pulumi.Output<string>> = {};
  readonly serviceRoleArns: Record<string, pulumi.Output<string>> = {};

  constructor(name: string, args: WorkloadsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("platform:cluster:Workloads", name, {}, opts);
    const known = { buckets: Object.keys(args.bucketArns), secrets: Object.keys(args.secretArns), queues: Object.keys(args.queueArns) };
    args.services.forEach((s) => assertResolvable(s, known));
    for (const s of args.services) {
      this.repositoryUrls[s.name] = repository(name, args.clusterName, s.name, args.registry, args.kmsKeyArns.data, this).repositoryUrl;
      this.serviceRoleArns[s.name] = serviceRole(name, s, {
        oidc: args.oidc, partition: args.account.partition, region: args.account.region, bucketArns: args.bucketArns, secretArns: args.secretArns,
        queueArns: args.queueArns, dataKeyArn: args.kmsKeyArns.data, secretsKeyArn: args.kmsKeyArns.secrets,
      }, this).arn;
    }
    this.registerOutputs({ repositoryUrls: this.repositoryUrls, serviceRoleArns: this.serviceRoleArns });
  }
}
