import * as aws from "@pulumi/aws";
import * as awsx from "@pulumi/awsx";
import * as pulumi from "@pulumi/pulumi";
import { repository } from "../cluster/workloads";
import { childName } from "../naming";
import { awsProviders } from "../providers";
import { tierTags } from "../tags";
import { executionRole, taskRole } from "./serviceRoles";
import type { LogRetentionDays } from "../logs";
import type { AccountContext } from "../account";
import type { EcsServicesSettings } from "./presets";
import {
  DNS_TTL_SECONDS, EcsService, EfsRefs, HEALTH_CHECK_GRACE_SECONDS, PLACEMENT_STRATEGIES, ResolvedEcsServices, SCALE_IN_COOLDOWN_SECONDS, SCALE_OUT_COOLDOWN_SECONDS,
  assertServices, deploymentPercents, logGroupName, resolveEcsServicesArgs, scalingResourceId, taskFamily,
} from "./services";
import { containerDefinition, taskVolumes } from "./taskDefinition";

type Arns = Record<string, pulumi.Input<string>>;

/**
 * What EcsServices needs: the EcsCluster it runs on, the private subnets and the services, plus the
 * services' settings (EcsServicesSettings, each optional with ECS_SERVICES_DEFAULTS, the prod
 * preset). awsvpc in private subnets without public IPs, the circuit breaker with rollback,
 * encrypted log groups and ECS Exec off are not knobs.
 */
export interface EcsServicesArgs extends Partial<EcsServicesSettings> {
  /** The EcsCluster's outputs: its plain name, ARN, capacity provider, tasks' security group and Cloud Map namespace. */
  cluster: {
    name: string;
    arn: pulumi.Input<string>;
    capacityProviderName: pulumi.Input<string>;
    tasksSecurityGroupId: pulumi.Input<string>;
    namespaceId: pulumi.Input<string>;
    /** The namespace's DNS name, handed to every container as SERVICE_DISCOVERY_NAMESPACE. */
    namespaceName: pulumi.Input<string>;
  };
  /** Account, partition and region: ARNs in the roles' policies, the awslogs region. */
  account: AccountContext;
  /** Private subnets, one per AZ: every task ENI lives here, none gets a public IP. */
  privateSubnetIds: pulumi.Input<string[]>;
  /** KMS keys: data (ECR repositories, S3 objects), secrets (kms:Decrypt through Secrets Manager only), logs (service log groups). */
  kmsKeyArns: { data: pulumi.Input<string>; secrets: pulumi.Input<string>; logs: pulumi.Input<string> };
  /** The services: name, port, replicas, size, route, image, volumes, grants, environment. */
  services: EcsService[];
  /**
   * Days each service's log group keeps events; one of the CloudWatch Logs retention values.
   * https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html
   * @default 90 (DEFAULT_LOG_RETENTION_DAYS)
   */
  logRetentionDays?: LogRetentionDays;
  /**
   * Bucket, secret and queue ARNs by the names the services use; a reference missing here is an
   * error naming it. @default {} (no service may name a bucket, secret or queue)
   */
  bucketArns?: Arns;
  /** @default {} */
  secretArns?: Arns;
  /** @default {} */
  queueArns?: Arns;
  /**
   * The load balancer's target group per routed service (targetType ip); exactly the services with
   * a routePath. @default {} (no service may have a routePath)
   */
  targetGroupArns?: Arns;
  /** The file system and its access points; required when any service mounts a volume. @default none */
  efs?: EfsRefs<pulumi.Input<string>>;
}

/** The ARN maps with their defaults, as the roles and services read them. */
type Grants = Required<Pick<EcsServicesArgs, "bucketArns" | "secretArns" | "queueArns" | "targetGroupArns">>;

/**
 * The ECS services: per service an ECR repository (unless it runs a third-party image), an
 * encrypted log group, an execution role and a task role, a Cloud Map record, the service itself
 * (awsx EC2Service: awsvpc, private subnets, spread over AZs, circuit breaker with rollback) and
 * CPU and memory target tracking.
 *
 * Created after the data, storage and edge tiers: the roles name their buckets' and secrets' ARNs,
 * and the services register with the edge tier's target groups. See README.md beside this file.
 */
export class EcsServices extends pulumi.ComponentResource {
  readonly repositoryUrls: Record<string, pulumi.Output<string>> = {};
  readonly taskRoleArns: Record<string, pulumi.Output<string>> = {};
  readonly executionRoleArns: Record<string, pulumi.Output<string>> = {};
  readonly logGroupNames: Record<string, pulumi.Output<string>> = {};
  readonly serviceNames: string[];

  constructor(name: string, args: EcsServicesArgs, opts?: pulumi.ComponentResourceOptions) {
    super("platform:cluster:EcsServices", name, {}, opts);
    const r = resolveEcsServicesArgs(args);
    const grants: Grants = { bucketArns: args.bucketArns ?? {}, secretArns: args.secretArns ?? {}, queueArns: args.queueArns ?? {}, targetGroupArns: args.targetGroupArns ?? {} };
    assertServices(name, args.services, {
      buckets: Object.keys(grants.bucketArns), secrets: Object.keys(grants.secretArns), queues: Object.keys(grants.queueArns),
      targetGroups: Object.keys(grants.targetGroupArns), accessPoints: args.efs ? Object.keys(args.efs.accessPointIds) : undefined,
    });
    this.serviceNames = args.services.map((s) => s.name);
    for (const s of args.services) this.service(name, s, args, r, grants);
    this.registerOutputs({
      repositoryUrls: this.repositoryUrls, taskRoleArns: this.taskRoleArns, executionRoleArns: this.executionRoleArns, logGroupNames: this.logGroupNames, serviceNames: this.serviceNames,
    });
  }

  private service(name: string, s: EcsService, args: EcsServicesArgs, r: ResolvedEcsServices, grants: Grants): void {
    const account = args.account;
    const repo = s.image ? undefined : repository(name, args.cluster.name, s.name, r.registry, args.kmsKeyArns.data, this);
    if (repo) this.repositoryUrls[s.name] = repo.repositoryUrl;
    const logs = new aws.cloudwatch.LogGroup(childName(name, `logs-${s.name}`), {
      name: logGroupName(args.cluster.name, s.name), retentionInDays: r.logRetentionDays, kmsKeyId: args.kmsKeyArns.logs, tags: tierTags("cluster", { Service: s.name }),
    }, { parent: this });
    this.logGroupNames[s.name] = logs.name;
    const execution = executionRole(name, s, { account, repositoryArn: repo?.arn, logGroupArn: logs.arn, secretArns: grants.secretArns, secretsKeyArn: args.kmsKeyArns.secrets }, this);
    const task = taskRole(name, s, {
      account, bucketArns: grants.bucketArns, secretArns: grants.secretArns, queueArns: grants.queueArns, dataKeyArn: args.kmsKeyArns.data, secretsKeyArn: args.kmsKeyArns.secrets,
      efs: args.efs ? { fileSystemArn: args.efs.fileSystemArn, accessPointIds: args.efs.accessPointIds } : undefined,
    }, this);
    this.executionRoleArns[s.name] = execution.role.arn;
    this.taskRoleArns[s.name] = task.role.arn;

    // A records of each task's ENI, every healthy one returned; ECS reports task health (custom
    // health check). failureThreshold is deprecated and always 1, but omitting it drops the block.
    // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-discovery.html
    // https://github.com/hashicorp/terraform-provider-aws/issues/44285
    const discovery = new aws.servicediscovery.Service(childName(name, `dns-${s.name}`), {
      name: s.name,
      dnsConfig: { namespaceId: args.cluster.namespaceId, dnsRecords: [{ type: "A", ttl: DNS_TTL_SECONDS }], routingPolicy: "MULTIVALUE" },
      healthCheckCustomConfig: { failureThreshold: 1 },
      tags: tierTags("cluster", { Service: s.name }),
    }, { parent: this });

    const image = s.image ?? pulumi.interpolate`${repo!.repositoryUrl}:${r.imageTag}`;
    const targetGroupArn = grants.targetGroupArns[s.name];
    const deployment = deploymentPercents(s);
    const service = new awsx.ecs.EC2Service(childName(name, `svc-${s.name}`), {
      name: s.name,
      cluster: args.cluster.arn,
      desiredCount: s.replicas.min,
      // With a strategy awsx sets no launch type (ECS refuses both); tasks land on the ASG's provider.
      capacityProviderStrategies: [{ capacityProvider: args.cluster.capacityProviderName, weight: 1, base: 0 }],
      networkConfiguration: { subnets: args.privateSubnetIds, securityGroups: [args.cluster.tasksSecurityGroupId], assignPublicIp: false },
      orderedPlacementStrategies: PLACEMENT_STRATEGIES.map((p) => ({ ...p })),
      deploymentCircuitBreaker: { enable: true, rollback: true },
      deploymentMinimumHealthyPercent: deployment.minimumHealthyPercent,
      deploymentMaximumPercent: deployment.maximumPercent,
      loadBalancers: targetGroupArn ? [{ targetGroupArn, containerName: s.name, containerPort: s.port }] : [],
      healthCheckGracePeriodSeconds: targetGroupArn ? HEALTH_CHECK_GRACE_SECONDS : undefined,
      serviceRegistries: { registryArn: discovery.arn },
      propagateTags: "SERVICE",
      enableEcsManagedTags: true,
      // No interactive shells into tasks that handle patient data; see README.md.
      enableExecuteCommand: false,
      tags: tierTags("cluster", { Service: s.name }),
      taskDefinitionArgs: {
        family: taskFamily(args.cluster.name, s.name),
        networkMode: "awsvpc",
        cpu: String(s.cpu),
        memory: String(s.memory),
        executionRole: { roleArn: execution.role.arn },
        taskRole: { roleArn: task.role.arn },
        // The container names its own awslogs group; awsx would otherwise create an unencrypted one
        // (and `existing` looks a group up by the component's name). awsx/cloudwatch/logGroup.ts
        logGroup: { skip: true },
        container: containerDefinition<pulumi.Input<string>>(s, { image, logGroupName: logs.name, region: account.region, secretArns: grants.secretArns, discoveryNamespace: args.cluster.namespaceName }),
        volumes: taskVolumes(s, args.efs),
        tags: tierTags("cluster", { Service: s.name }),
      },
    }, { parent: this, providers: awsProviders(this), dependsOn: [...execution.resources, ...task.resources, logs] });
    this.autoscaling(name, s, args.cluster.name, r.autoscaling, service);
  }

  /**
   * Tasks between replicas.min and replicas.max, tracking average CPU and memory utilization.
   * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-autoscaling-targettracking.html
   */
  private autoscaling(name: string, s: EcsService, clusterName: string, targets: ResolvedEcsServices["autoscaling"], service: awsx.ecs.EC2Service): void {
    const target = new aws.appautoscaling.Target(childName(name, `scaling-${s.name}`), {
      serviceNamespace: "ecs",
      scalableDimension: "ecs:service:DesiredCount",
      resourceId: scalingResourceId(clusterName, s.name),
      minCapacity: s.replicas.min,
      maxCapacity: s.replicas.max,
      tags: tierTags("cluster", { Service: s.name }),
    }, { parent: this, dependsOn: [service] });
    const metrics = [["cpu", "ECSServiceAverageCPUUtilization", targets.cpuTargetPercent], ["memory", "ECSServiceAverageMemoryUtilization", targets.memoryTargetPercent]] as const;
    for (const [metric, predefinedMetricType, targetValue] of metrics) {
      new aws.appautoscaling.Policy(childName(name, `${metric}-${s.name}`), {
        policyType: "TargetTrackingScaling",
        serviceNamespace: target.serviceNamespace,
        scalableDimension: target.scalableDimension,
        resourceId: target.resourceId,
        targetTrackingScalingPolicyConfiguration: {
          predefinedMetricSpecification: { predefinedMetricType },
          targetValue,
          scaleOutCooldown: SCALE_OUT_COOLDOWN_SECONDS,
          scaleInCooldown: SCALE_IN_COOLDOWN_SECONDS,
        },
      }, { parent: this });
    }
  }
}
