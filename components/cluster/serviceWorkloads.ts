import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { AccountContext } from "../account";
import type { WorkloadsSettings } from "./presets";
import { Oidc } from "./roles";
import { WorkloadService, repository, serviceRole } from "./workloads";
import { resolveWorkloadsArgs } from "./workloadsArgs";

/**
 * Workloads' arguments: the settings (WorkloadsSettings, defaults WORKLOADS_DEFAULTS) are optional,
 * and so are the account and the ARN maps; the cluster, its OIDC provider, the keys and the
 * services are what only the caller knows.
 */
export interface WorkloadsArgs extends Partial<WorkloadsSettings> {
  /** The EKS cluster's name; repositories are named `<clusterName>/<service>` (ECR's lowercase naming rule). */
  clusterName: string;
  /**
   * Partition and region, for ARNs and kms:ViaService conditions in the service policies.
   * @default what the component's provider answers (aws.getPartitionOutput, aws.getRegionOutput)
   */
  account?: Pick<AccountContext, "partition" | "region">;
  /** The cluster's IRSA OIDC provider (Cluster.oidc). https://docs.aws.amazon.com/eks/latest/userguide/iam-roles-for-service-accounts.html */
  oidc: Oidc;
  /**
   * Platform KMS keys: data (ECR repositories, and the S3 objects the services read and write),
   * secrets (kms:Decrypt through Secrets Manager only). They are the keys the caller's buckets and
   * secrets are encrypted with, so there is no default.
   */
  kmsKeyArns: { data: pulumi.Input<string>; secrets: pulumi.Input<string> };
  /** Services: each gets a repository and an IRSA role trusted by its service account in its namespace. */
  services: WorkloadService[];
  /**
   * ARNs by name from the storage, data and messaging tiers. A service naming one not listed is an
   * error naming the service and the reference: a role never silently grants less or more.
   * @default {} (a service may then name no bucket, secret or queue)
   */
  bucketArns?: Record<string, pulumi.Input<string>>;
  /** @default {} */
  secretArns?: Record<string, pulumi.Input<string>>;
  /** Kafka topic or SQS queue ARNs by name. @default {} */
  queueArns?: Record<string, pulumi.Input<string>>;
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

  constructor(name: string, given: WorkloadsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("platform:cluster:Workloads", name, {}, opts);
    const args = resolveWorkloadsArgs(name, given);
    // Without an account, the component's own provider says where it deploys.
    const account = args.account ?? { partition: aws.getPartitionOutput({}, { parent: this }).partition, region: aws.getRegionOutput({}, { parent: this }).region };
    for (const s of args.services) {
      this.repositoryUrls[s.name] = repository(name, args.clusterName, s.name, args.registry, args.kmsKeyArns.data, this).repositoryUrl;
      this.serviceRoleArns[s.name] = serviceRole(name, s, {
        oidc: args.oidc, partition: account.partition, region: account.region, bucketArns: args.bucketArns, secretArns: args.secretArns,
        queueArns: args.queueArns, dataKeyArn: args.kmsKeyArns.data, secretsKeyArn: args.kmsKeyArns.secrets,
      }, this).arn;
    }
    this.registerOutputs({ repositoryUrls: this.repositoryUrls, serviceRoleArns: this.serviceRoleArns });
  }
}
