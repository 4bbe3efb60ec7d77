/**
 * Runs the ECS engine's two components alone under the mock cloud, for the ECS AI app's five
 * services, with stand-ins for what the network, security, storage, data and edge tiers hand them,
 * the way stacks/platform.ts will wire them. Then runs the policy pack (prod enforcement).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { join } from "node:path";
import { EcsCluster, EcsClusterArgs } from "../../components/ecs/ecsCluster";
import { EcsServices, EcsServicesArgs } from "../../components/ecs/ecsServices";
import { policies } from "../../policy-pack/policies";
import { AI_APP_NAMESPACE, AI_APP_SERVICES } from "../fixtures/ecsAiApp";
import { MOCK_ACCOUNT_ID, hex } from "../../offline/ids";
import { readPackConfig, runPolicies } from "../../offline/policyRunner";
import { runComponent } from "../../offline/runStack";
import { Planned, ROOT } from "../helpers";

export const REGION = "us-west-2";
export const CLUSTER = "ecsai-test";
const key = (k: string) => `arn:aws:kms:${REGION}:${MOCK_ACCOUNT_ID}:key/${hex(`${k}-key`, 8)}`;
export const KEYS = { data: key("data"), logs: key("logs"), secrets: key("secrets") };
export const AZS = [`${REGION}a`, `${REGION}b`];
export const PRIVATE_SUBNETS = AZS.map((az) => `subnet-${hex(`private:${az}`, 17)}`);
export const VPC_ID = `vpc-${hex("vpc", 17)}`;
export const SECRET_ARN = `arn:aws:secretsmanager:${REGION}:${MOCK_ACCOUNT_ID}:secret:ecsai/mongodb-${hex("mongodb", 6)}`;
export const BUCKET_ARN = `arn:aws:s3:::ecsai-test-ml-artifacts-${hex("ml", 8)}`;
export const EFS = {
  fileSystemId: `fs-${hex("efs", 17)}`,
  fileSystemArn: `arn:aws:elasticfilesystem:${REGION}:${MOCK_ACCOUNT_ID}:file-system/fs-${hex("efs", 17)}`,
  accessPointIds: { qdrant: `fsap-${hex("fsap:qdrant", 17)}` },
};
export const targetGroupArn = (service: string) => `arn:aws:elasticloadbalancing:${REGION}:${MOCK_ACCOUNT_ID}:targetgroup/${service.slice(0, 6)}${hex(`tg:${service}`, 26)}/${hex(service, 16)}`;
const ROUTED = AI_APP_SERVICES.filter((s) => s.routePath).map((s) => s.name);

/** Log retention per profile, as platform:logging.retentionDays gives it (the prod pack wants 90 days). */
export const RETENTION_DAYS = { dev: 7, prod: 90 } as const;
export type Profile = keyof typeof RETENTION_DAYS;

export function clusterArgs(profile: Profile = "prod"): EcsClusterArgs {
  return {
    clusterName: CLUSTER,
    account: { accountId: MOCK_ACCOUNT_ID, partition: "aws", region: REGION },
    vpcId: VPC_ID,
    vpcCidr: "10.0.0.0/16",
    privateSubnetIds: PRIVATE_SUBNETS,
    availabilityZones: AZS,
    kmsKeyArns: { data: KEYS.data, logs: KEYS.logs },
    insightsLogRetentionDays: RETENTION_DAYS[profile],
    instanceType: "t3.large", minSize: 1, maxSize: 5, targetCapacityPercent: 100, diskSizeGiB: 30,
    serviceDiscoveryNamespace: AI_APP_NAMESPACE,
    servicePorts: AI_APP_SERVICES.map((s) => s.port),
  };
}

export function servicesArgs(cluster: EcsCluster, profile: Profile = "prod"): EcsServicesArgs {
  return {
    cluster: {
      name: cluster.clusterName, arn: cluster.clusterArn, capacityProviderName: cluster.capacityProviderName,
      tasksSecurityGroupId: cluster.tasksSecurityGroupId, namespaceId: cluster.namespaceId, namespaceName: cluster.namespaceName,
    },
    account: { accountId: MOCK_ACCOUNT_ID, partition: "aws", region: REGION },
    privateSubnetIds: PRIVATE_SUBNETS,
    kmsKeyArns: KEYS,
    logRetentionDays: RETENTION_DAYS[profile],
    registry: { immutableTags: true, keepImages: 50, untaggedExpiryDays: 14 },
    autoscaling: { cpuTargetPercent: 70, memoryTargetPercent: 80 },
    imageTag: "v1.0.0",
    services: AI_APP_SERVICES,
    bucketArns: { "ml-artifacts": BUCKET_ARN },
    secretArns: { mongodb: SECRET_ARN },
    queueArns: {},
    targetGroupArns: Object.fromEntries(ROUTED.map((s) => [s, targetGroupArn(s)])),
    efs: EFS,
  };
}

export interface EcsRunOptions {
  /** Retention and the pack's enforcement; default prod. */
  profile?: Profile;
  cluster?: (a: EcsClusterArgs) => EcsClusterArgs;
  services?: (a: EcsServicesArgs) => EcsServicesArgs;
}

/** Builds both components on a provider with the platform's default tags; runs the profile's pack. */
export async function planEcs(o: EcsRunOptions = {}): Promise<Planned> {
  const profile = o.profile ?? "prod";
  const run = await runComponent(async () => {
    const tags = { Environment: "test", Profile: profile, System: "ecsai", Owner: "platform-team", CostCenter: "cc-1234" };
    const provider = new aws.Provider("ecsai", { region: REGION, defaultTags: { tags } });
    const opts: pulumi.ComponentResourceOptions = { providers: { aws: provider } };
    const cluster = new EcsCluster(`${CLUSTER}-ecs`, (o.cluster ?? ((a) => a))(clusterArgs(profile)), opts);
    const services = new EcsServices(`${CLUSTER}-services`, (o.services ?? ((a) => a))(servicesArgs(cluster, profile)), opts);
    return {
      clusterName: cluster.clusterName, clusterArn: cluster.clusterArn, capacityProviderName: cluster.capacityProviderName, tasksSecurityGroupId: cluster.tasksSecurityGroupId,
      instanceSecurityGroupId: cluster.instanceSecurityGroupId, namespaceId: cluster.namespaceId, namespaceName: cluster.namespaceName, instanceRoleArn: cluster.instanceRoleArn,
      autoScalingGroupName: cluster.autoScalingGroupName, repositoryUrls: services.repositoryUrls, taskRoleArns: services.taskRoleArns,
      executionRoleArns: services.executionRoleArns, serviceNames: services.serviceNames, logGroupNames: services.logGroupNames,
    };
  }, { "aws:region": REGION });
  if (run.error) return { ...run, violations: [] };
  return { ...run, violations: await runPolicies(policies, run.resources, readPackConfig(join(ROOT, "policy-pack", "config", `${profile}.json`))) };
}
