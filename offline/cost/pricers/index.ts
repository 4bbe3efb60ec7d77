/**
 * Which pricer prices which aws:* type, and the billable types no price is kept for (each with the
 * reason the plan prints). Types in neither list have no charge of their own (IAM, security
 * groups, route tables...) or only a usage charge too small to assume (SNS, ECR storage).
 */
import { autoscalingGroup, ec2Instance, eksCluster, eksNodeGroup } from "./compute";
import type { Pricer } from "./context";
import { efsFileSystem, mqBroker, mskCluster, rdsInstance, replicationGroup } from "./data";
import { distribution, loadBalancer, natGateway, publicIpv4, vpcEndpoint } from "./network";
import { backupVault, bucket, dashboard, hostedZone, kmsKey, logGroup, metricAlarm, secret, trail, webAcl } from "./platform";

export const PRICERS: Record<string, Pricer> = {
  "aws:eks/cluster:Cluster": eksCluster,
  "aws:eks/nodeGroup:NodeGroup": eksNodeGroup,
  "aws:ec2/instance:Instance": ec2Instance,
  "aws:autoscaling/group:Group": autoscalingGroup,
  "aws:ec2/natGateway:NatGateway": natGateway,
  "aws:ec2/eip:Eip": publicIpv4,
  "aws:ec2/vpcEndpoint:VpcEndpoint": vpcEndpoint,
  "aws:lb/loadBalancer:LoadBalancer": loadBalancer,
  "aws:alb/loadBalancer:LoadBalancer": loadBalancer,
  "aws:cloudfront/distribution:Distribution": distribution,
  "aws:rds/instance:Instance": rdsInstance,
  "aws:elasticache/replicationGroup:ReplicationGroup": replicationGroup,
  "aws:msk/cluster:Cluster": mskCluster,
  "aws:mq/broker:Broker": mqBroker,
  "aws:efs/fileSystem:FileSystem": efsFileSystem,
  "aws:kms/key:Key": kmsKey,
  "aws:secretsmanager/secret:Secret": secret,
  "aws:wafv2/webAcl:WebAcl": webAcl,
  "aws:cloudwatch/metricAlarm:MetricAlarm": metricAlarm,
  "aws:cloudwatch/dashboard:Dashboard": dashboard,
  "aws:cloudwatch/logGroup:LogGroup": logGroup,
  "aws:route53/zone:Zone": hostedZone,
  "aws:s3/bucket:Bucket": bucket,
  "aws:s3/bucketV2:BucketV2": bucket,
  "aws:backup/vault:Vault": backupVault,
  "aws:cloudtrail/trail:Trail": trail,
};

/** Billable, but no price is kept: listed under `unpriced` with this reason, never counted as zero. */
export const UNPRICED_TYPES: Record<string, (inputs: Record<string, any>) => string | undefined> = {
  "aws:eks/addon:Addon": (i) => (i.addonName === "amazon-cloudwatch-observability" ? "Container Insights (enhanced observability) is billed per observation: no AWS rate read yet" : undefined),
  // The deploy runner (platform:deploy): no charge while idle, then per build minute of each job.
  "aws:codebuild/project:Project": () => "billed per build minute of the jobs it runs (the Kubernetes step's deploys and drift checks): no usage assumed",
  "aws:ecs/cluster:Cluster": (i) => ((i.settings ?? []).some((s: any) => s.name === "containerInsights" && s.value !== "disabled") ? "Container Insights metrics: no AWS rate read yet" : undefined),
};
