/**
 * examples/Pulumi.ecsai.yaml, planned offline with the prod pack config: the ECS AI app of
 * ../shared/reference/ecs-ai-app.md has the shape issue 8 lists (ECS on EC2 behind a capacity
 * provider, 1 to 5 instances at 100 %; the five services with their task counts and sizes; path
 * routing to frontend, backend and Qdrant; Cloud Map; roles split by purpose; secrets from Secrets
 * Manager; Container Insights; CPU 70 % / memory 80 % service scaling; circuit breaker with rollback;
 * Qdrant on backed-up EFS; no RDS or ElastiCache), asserted from the recorded resources' inputs.
 */
import { strict as assert } from "node:assert";
import { Planned, ofType, one, planStackFile } from "../helpers";
import { listenerRoutes } from "./lookups";

const FILE = "examples/Pulumi.ecsai.yaml";
const svc = (p: Planned, name: string) => one(p, "awsx:ecs:EC2Service", `ecsai-ecs-services-svc-${name}`).inputs;
const statements = (p: Planned, name: string) => JSON.parse(one(p, "aws:iam/rolePolicy:RolePolicy", name).inputs.policy).Statement as Array<{ Action: string | string[]; Resource: string | string[] }>;

describe("example: the ECS AI app (examples/Pulumi.ecsai.yaml)", () => {
  let p: Planned;
  let keys: Record<string, string>;
  before(async () => {
    p = await planStackFile(FILE);
    assert.equal(p.error, undefined, p.error?.message);
    keys = Object.fromEntries(ofType(p, "aws:kms/key:Key").map((k) => [k.name.replace("ecsai-keys-", ""), k.outputs.arn]));
  });

  it("plans with no policy violation at all, mandatory or advisory", () => {
    assert.deepEqual(p.violations, []);
  });

  it("keeps the reference's pinned /24s in 10.0.0.0/16, with a third AZ's pair added", () => {
    const vpc = one(p, "awsx:ec2:Vpc").inputs;
    assert.equal(vpc.cidrBlock, "10.0.0.0/16");
    const cidrs = Object.fromEntries(vpc.subnetSpecs.map((s: { name: string; cidrBlocks: string[] }) => [s.name, s.cidrBlocks]));
    assert.deepEqual(cidrs, { public: ["10.0.1.0/24", "10.0.2.0/24", "10.0.5.0/24"], private: ["10.0.3.0/24", "10.0.4.0/24", "10.0.6.0/24"] });
  });

  it("has no RDS, ElastiCache or broker: the database is external and Redis runs as a task", () => {
    for (const type of ["aws:rds/instance:Instance", "aws:elasticache/replicationGroup:ReplicationGroup", "aws:msk/cluster:Cluster", "aws:mq/broker:Broker", "eks:index:Cluster"]) {
      assert.equal(ofType(p, type).length, 0, type);
    }
  });

  describe("cluster", () => {
    it("turns Container Insights on", () => {
      assert.deepEqual(one(p, "aws:ecs/cluster:Cluster").inputs.settings, [{ name: "containerInsights", value: "enhanced" }]);
    });

    it("runs 1 to 5 container instances over the three private subnets behind a capacity provider at 100 %", () => {
      const asg = one(p, "aws:autoscaling/group:Group").inputs;
      assert.deepEqual([asg.minSize, asg.maxSize, asg.protectFromScaleIn], [1, 5, true]);
      assert.deepEqual(asg.vpcZoneIdentifiers, p.outputs.privateSubnetIds);
      const cp = one(p, "aws:ecs/capacityProvider:CapacityProvider").inputs.autoScalingGroupProvider;
      assert.deepEqual([cp.managedScaling.status, cp.managedScaling.targetCapacity, cp.managedTerminationProtection], ["ENABLED", 100, "ENABLED"]);
    });

    it("hardens the instances as EKS nodes are: IMDSv2 only (hop limit 1), gp3 root encrypted with the data key, no public IP", () => {
      const lt = one(p, "aws:ec2/launchTemplate:LaunchTemplate").inputs;
      assert.deepEqual([lt.metadataOptions.httpTokens, lt.metadataOptions.httpPutResponseHopLimit], ["required", 1]);
      const ebs = lt.blockDeviceMappings[0].ebs;
      assert.deepEqual([ebs.encrypted, ebs.volumeType, ebs.kmsKeyId], ["true", "gp3", keys.data]);
      assert.notEqual(lt.networkInterfaces?.[0]?.associatePublicIpAddress, "true");
    });
  });

  describe("services", () => {
    const table: Array<[string, number, number, number, number, number]> = [
      // name, desired tasks, min, max, cpu, memory
      ["frontend", 2, 2, 10, 512, 1024],
      ["backend", 2, 2, 10, 512, 1024],
      ["ai-service", 1, 1, 10, 1024, 2048],
      ["redis", 1, 1, 1, 256, 512],
      ["qdrant", 1, 1, 1, 512, 1024],
    ];
    for (const [name, desired, min, max, cpu, memory] of table) {
      it(`${name}: ${desired} task(s) of ${cpu} CPU / ${memory} MiB, scaled ${min}..${max} on CPU 70 % and memory 80 %`, () => {
        const s = svc(p, name);
        assert.deepEqual([s.desiredCount, s.taskDefinitionArgs.cpu, s.taskDefinitionArgs.memory], [desired, String(cpu), String(memory)]);
        const target = one(p, "aws:appautoscaling/target:Target", `ecsai-ecs-services-scaling-${name}`).inputs;
        assert.deepEqual([target.minCapacity, target.maxCapacity, target.resourceId], [min, max, `service/ecsai-ecsai/${name}`]);
        const targets = ofType(p, "aws:appautoscaling/policy:Policy").filter((x) => x.inputs.resourceId === target.resourceId)
          .map((x) => [x.inputs.targetTrackingScalingPolicyConfiguration.predefinedMetricSpecification.predefinedMetricType, x.inputs.targetTrackingScalingPolicyConfiguration.targetValue]);
        assert.deepEqual(targets.sort(), [["ECSServiceAverageCPUUtilization", 70], ["ECSServiceAverageMemoryUtilization", 80]]);
      });
    }

    it("runs every task in awsvpc mode in the private subnets without a public IP, spread over AZs, on the capacity provider", () => {
      for (const [name] of table) {
        const s = svc(p, name);
        assert.equal(s.taskDefinitionArgs.networkMode, "awsvpc");
        assert.deepEqual([s.networkConfiguration.subnets, s.networkConfiguration.assignPublicIp], [p.outputs.privateSubnetIds, false]);
        assert.deepEqual(s.orderedPlacementStrategies[0], { type: "spread", field: "attribute:ecs.availability-zone" });
        assert.equal(s.capacityProviderStrategies[0].capacityProvider, one(p, "aws:ecs/capacityProvider:CapacityProvider").inputs.name);
        assert.deepEqual(s.deploymentCircuitBreaker, { enable: true, rollback: true }, name);
      }
    });

    it("rolls the stateless services with 100 % kept healthy, and Qdrant stop-then-start on its EFS data", () => {
      assert.deepEqual([svc(p, "backend").deploymentMinimumHealthyPercent, svc(p, "backend").deploymentMaximumPercent], [100, 200]);
      assert.deepEqual([svc(p, "qdrant").deploymentMinimumHealthyPercent, svc(p, "qdrant").deploymentMaximumPercent], [0, 100]);
    });

    it("runs Redis and Qdrant from their public images, the others from their own ECR repositories", () => {
      assert.equal(svc(p, "redis").taskDefinitionArgs.container.image, "redis:7.4-alpine");
      assert.equal(svc(p, "qdrant").taskDefinitionArgs.container.image, "qdrant/qdrant:v1.13.4");
      assert.deepEqual(ofType(p, "aws:ecr/repository:Repository").map((r) => r.inputs.name).sort(), ["ecsai-ecsai/ai-service", "ecsai-ecsai/backend", "ecsai-ecsai/frontend"]);
    });
  });

  describe("routing and discovery", () => {
    it("routes /api/* to the backend on 5001, /qdrant/* to Qdrant on 6333 and everything else to the frontend on 3000, in that order", () => {
      const rules = ofType(p, "aws:lb/listenerRule:ListenerRule").sort((a, b) => a.inputs.priority - b.inputs.priority);
      assert.deepEqual(rules.map((r) => [r.inputs.conditions[0].pathPattern.values[0], r.inputs.tags.Service]), [["/api/*", "backend"], ["/qdrant/*", "qdrant"], ["/*", "frontend"]]);
      assert.deepEqual(listenerRoutes(p).map(([path, port]) => [path, port]).sort(), [["/*", 3000], ["/api/*", 5001], ["/qdrant/*", 6333]]);
    });

    it("registers exactly the routed services with their target group on their port; internal ones with none", () => {
      const groups = ofType(p, "aws:lb/targetGroup:TargetGroup");
      for (const [name, port] of [["frontend", 3000], ["backend", 5001], ["qdrant", 6333]] as const) {
        const [lb] = svc(p, name).loadBalancers;
        assert.deepEqual([lb.containerName, lb.containerPort], [name, port]);
        assert.equal(groups.find((g) => g.outputs.arn === lb.targetGroupArn)?.inputs.tags.Service, name);
      }
      assert.deepEqual([svc(p, "ai-service").loadBalancers, svc(p, "redis").loadBalancers], [[], []]);
    });

    it("names every service in one private Cloud Map namespace, and tells each container where it is", () => {
      const ns = one(p, "aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace");
      assert.deepEqual([ns.inputs.name, ns.inputs.vpc], ["ecsai-ecsai.local", p.outputs.vpcId]);
      const records = ofType(p, "aws:servicediscovery/service:Service");
      assert.deepEqual(records.map((r) => r.inputs.name).sort(), ["ai-service", "backend", "frontend", "qdrant", "redis"]);
      for (const r of records) assert.equal(r.inputs.dnsConfig.namespaceId, ns.outputs.id);
      const env = svc(p, "backend").taskDefinitionArgs.container.environment;
      assert.deepEqual(env.find((e: { name: string }) => e.name === "SERVICE_DISCOVERY_NAMESPACE")?.value, "ecsai-ecsai.local");
    });
  });

  describe("identity, secrets and logs", () => {
    const secretArn = (p: Planned, name: string) => one(p, "aws:secretsmanager/secret:Secret", `ecsai-app-secrets-${name}`).outputs.arn;

    it("creates the four application secrets empty in Secrets Manager under the secrets key", () => {
      const secrets = ofType(p, "aws:secretsmanager/secret:Secret");
      assert.deepEqual(secrets.map((s) => s.name).sort(), ["ecsai-app-secrets-backend-api-keys", "ecsai-app-secrets-ml-api-keys", "ecsai-app-secrets-mongodb-uri", "ecsai-app-secrets-webhook-secret"]);
      for (const s of secrets) assert.deepEqual([s.inputs.kmsKeyId, s.protect], [keys.secrets, true]);
      assert.equal(ofType(p, "aws:secretsmanager/secretVersion:SecretVersion").length, 0);
    });

    it("tags each application secret as rotated by its issuer out of band, which Secrets Manager cannot do without a Lambda at the source", () => {
      for (const s of ofType(p, "aws:secretsmanager/secret:Secret")) {
        assert.equal(s.inputs.tags.RotatedBy, "issuer out of band: rotated where the value is issued then stored with secretsmanager put-secret-value", s.name);
      }
      assert.equal(ofType(p, "aws:secretsmanager/secretRotation:SecretRotation").length, 0);
    });

    it("injects the backend's and AI service's secrets by ARN, never in the environment", () => {
      const backend = svc(p, "backend").taskDefinitionArgs.container;
      assert.deepEqual(backend.secrets, [
        { name: "MONGODB_URI_SECRET", valueFrom: secretArn(p, "mongodb-uri") },
        { name: "BACKEND_API_KEYS_SECRET", valueFrom: secretArn(p, "backend-api-keys") },
      ]);
      assert.deepEqual(svc(p, "ai-service").taskDefinitionArgs.container.secrets.map((s: { valueFrom: string }) => s.valueFrom), [secretArn(p, "ml-api-keys"), secretArn(p, "webhook-secret")]);
      assert.ok(!JSON.stringify(backend.environment).includes("secretsmanager"));
    });

    it("lets each execution role read exactly its service's secrets, and the frontend's none", () => {
      const read = (name: string) => statements(p, `ecsai-ecs-services-exec-${name}`).filter((s) => [s.Action].flat().includes("secretsmanager:GetSecretValue")).flatMap((s) => [s.Resource].flat());
      assert.deepEqual(read("backend").sort(), [secretArn(p, "backend-api-keys"), secretArn(p, "mongodb-uri")].sort());
      assert.deepEqual(read("frontend"), []);
    });

    it("logs each service through awslogs to its own group, kept 90 days under the logs key", () => {
      for (const name of ["frontend", "backend", "ai-service", "redis", "qdrant"]) {
        const log = svc(p, name).taskDefinitionArgs.container.logConfiguration;
        const group = one(p, "aws:cloudwatch/logGroup:LogGroup", `ecsai-ecs-services-logs-${name}`).inputs;
        assert.deepEqual([log.logDriver, log.options["awslogs-group"]], ["awslogs", group.name]);
        assert.deepEqual([group.retentionInDays, group.kmsKeyId], [90, keys.logs]);
      }
    });
  });

  it("keeps Qdrant's data on EFS through its access point, encrypted in transit, in the daily backup", () => {
    const td = svc(p, "qdrant").taskDefinitionArgs;
    const ap = one(p, "aws:efs/accessPoint:AccessPoint", "ecsai-storage-efs-qdrant-data");
    const [volume] = td.volumes;
    assert.deepEqual([volume.efsVolumeConfiguration.transitEncryption, volume.efsVolumeConfiguration.authorizationConfig], ["ENABLED", { accessPointId: ap.outputs.id, iam: "ENABLED" }]);
    assert.deepEqual(td.container.mountPoints, [{ sourceVolume: volume.name, containerPath: "/qdrant/storage", readOnly: false }]);
    const fs = one(p, "aws:efs/fileSystem:FileSystem");
    // The ECS agent mounts the volume from the container instance; the task uses it through its ENI.
    const efsSg = ofType(p, "aws:ec2/securityGroup:SecurityGroup").find((g) => g.name === "ecsai-storage-efs")!;
    assert.deepEqual(efsSg.inputs.ingress.map((r: any) => [r.fromPort, [...r.securityGroups].sort()]), [[2049, [p.outputs.ecs.tasksSecurityGroupId, p.outputs.ecs.instanceSecurityGroupId].sort()]]);
    assert.deepEqual(one(p, "aws:backup/selection:Selection").inputs.resources, [fs.outputs.arn]);
  });

  it("lets Qdrant mount its data only as its own task role, over TLS, through its access point", () => {
    const fs = one(p, "aws:efs/fileSystem:FileSystem").outputs;
    const ap = one(p, "aws:efs/accessPoint:AccessPoint", "ecsai-storage-efs-qdrant-data").outputs;
    // The file system's policy only denies: plain NFS, and any client action outside the access point.
    const policy = JSON.parse(one(p, "aws:efs/fileSystemPolicy:FileSystemPolicy").inputs.policy).Statement;
    assert.deepEqual(policy.map((s: any) => [s.Sid, s.Effect, s.Resource, s.Condition]), [
      ["DenyInsecureTransport", "Deny", fs.arn, { Bool: { "aws:SecureTransport": "false" } }],
      ["DenyOutsideAccessPoints", "Deny", fs.arn, { StringNotEquals: { "elasticfilesystem:AccessPointArn": [ap.arn] } }],
    ]);
    // So the grant is the task role's (the volume mounts with IAM authorization): mount and write, no root, through that access point.
    const grants = statements(p, "ecsai-ecs-services-task-qdrant").filter((s) => [s.Action].flat().some((a) => a.startsWith("elasticfilesystem:")));
    assert.deepEqual(grants, [{
      Sid: "EfsAccessPoints", Effect: "Allow", Action: ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"], Resource: fs.arn,
      Condition: { StringEquals: { "elasticfilesystem:AccessPointArn": [ap.arn] } },
    }]);
    // No other service's role may touch the file system.
    for (const name of ["frontend", "backend", "ai-service", "redis"]) {
      const policies = ofType(p, "aws:iam/rolePolicy:RolePolicy").filter((r) => r.name === `ecsai-ecs-services-task-${name}`);
      for (const r of policies) assert.ok(!r.inputs.policy.includes("elasticfilesystem:"), name);
    }
  });

  describe("monitoring", () => {
    it("pages when a service runs fewer tasks than it wants, and on cluster CPU and memory, each to the critical topic", () => {
      const alarms = ofType(p, "aws:cloudwatch/metricAlarm:MetricAlarm");
      const critical = p.outputs.monitoring.topicArns.critical;
      const tasks = alarms.filter((a) => a.name.startsWith("ecsai-monitoring-ecs-running-tasks-"));
      assert.deepEqual(tasks.map((a) => a.name.replace("ecsai-monitoring-ecs-running-tasks-", "")).sort(), ["ai-service", "backend", "frontend", "qdrant", "redis"]);
      for (const a of tasks) {
        const dims = a.inputs.metricQueries.filter((q: any) => q.metric).map((q: any) => q.metric.dimensions);
        assert.ok(dims.every((d: Record<string, string>) => d.ClusterName === "ecsai-ecsai" && a.name.endsWith(d.ServiceName)), a.name);
        assert.deepEqual([a.inputs.alarmActions, a.inputs.okActions], [[critical], [critical]]);
      }
      const cpu = one(p, "aws:cloudwatch/metricAlarm:MetricAlarm", "ecsai-monitoring-ecs-cluster-cpu").inputs;
      assert.deepEqual([cpu.namespace, cpu.metricName, cpu.dimensions, cpu.threshold], ["AWS/ECS", "CPUUtilization", { ClusterName: "ecsai-ecsai" }, 80]);
    });

    it("archives each service's own log group to S3 instead of creating unused namespace groups", () => {
      const filters = ofType(p, "aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter").map((f) => f.inputs.logGroup).sort();
      const serviceGroups = ofType(p, "aws:cloudwatch/logGroup:LogGroup").filter((g) => g.name.startsWith("ecsai-ecs-services-logs-")).map((g) => g.outputs.name).sort();
      assert.deepEqual(filters, serviceGroups);
      assert.equal(ofType(p, "aws:cloudwatch/logGroup:LogGroup").filter((g) => g.name.startsWith("ecsai-monitoring-logs-")).length, 0);
    });
  });

  it("admits the ALB to the tasks only on the routed services' ports", () => {
    const tasksSg = p.outputs.ecs.tasksSecurityGroupId;
    const fromAlb = ofType(p, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").filter((r) => r.inputs.securityGroupId === tasksSg);
    assert.deepEqual(fromAlb.map((r) => r.inputs.fromPort).sort((a, b) => a - b), [3000, 5001, 6333]);
  });
});
