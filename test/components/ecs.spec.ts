/**
 * The ECS engine (EcsCluster + EcsServices) at component level, for the ECS AI app's five
 * services: the properties issue 8 names, asserted on what each component registers, and the
 * policy pack run over it for dev and prod.
 */
import { strict as assert } from "node:assert";
import { mandatory, ofType, one } from "../helpers";
import type { RecordedResource } from "../../offline/recorder";
import { AI_APP_NAMESPACE } from "../fixtures/ecsAiApp";
import { AZS, BUCKET_ARN, CLUSTER, EFS, KEYS, PRIVATE_SUBNETS, SECRET_ARN, VPC_ID, planEcs, targetGroupArn } from "./ecsHarness";

const T = {
  cluster: "aws:ecs/cluster:Cluster",
  lt: "aws:ec2/launchTemplate:LaunchTemplate",
  asg: "aws:autoscaling/group:Group",
  cp: "aws:ecs/capacityProvider:CapacityProvider",
  ccp: "aws:ecs/clusterCapacityProviders:ClusterCapacityProviders",
  sg: "aws:ec2/securityGroup:SecurityGroup",
  role: "aws:iam/role:Role",
  rolePolicy: "aws:iam/rolePolicy:RolePolicy",
  attachment: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
  profile: "aws:iam/instanceProfile:InstanceProfile",
  grant: "aws:kms/grant:Grant",
  logGroup: "aws:cloudwatch/logGroup:LogGroup",
  namespace: "aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace",
  discovery: "aws:servicediscovery/service:Service",
  service: "awsx:ecs:EC2Service",
  repo: "aws:ecr/repository:Repository",
  target: "aws:appautoscaling/target:Target",
  policy: "aws:appautoscaling/policy:Policy",
};
const SERVICES = ["frontend", "backend", "ai-service", "redis", "qdrant"];
const ROUTED: Record<string, number> = { frontend: 3000, backend: 5001, qdrant: 6333 };
const once = <X>(f: () => Promise<X>) => {
  let p: Promise<X> | undefined;
  return () => (p ??= f());
};
const prod = once(() => planEcs());
const dev = once(() => planEcs({ profile: "dev" }));
const svc = async (name: string) => one(await prod(), T.service, `${CLUSTER}-services-svc-${name}`);
const policyOf = (r: RecordedResource | undefined) => (r ? JSON.parse(r.inputs.policy) : undefined);
const rolePolicy = async (role: "exec" | "task", name: string) => (await prod()).resources.find((r) => r.type === T.rolePolicy && r.name === `${CLUSTER}-services-${role}-${name}`);

describe("ECS cluster (EcsCluster)", () => {
  it("plans with zero mandatory violations in prod and dev", async () => {
    for (const p of [await prod(), await dev()]) {
      assert.equal(p.error, undefined);
      assert.deepEqual(mandatory(p), []);
    }
  });

  it("turns Container Insights (enhanced) on, logging to an encrypted, retained group created first", async () => {
    const p = await prod();
    const [cluster, insights] = [one(p, T.cluster), one(p, T.logGroup, `${CLUSTER}-ecs-insights`)];
    assert.deepEqual([cluster.inputs.name, cluster.inputs.settings], [CLUSTER, [{ name: "containerInsights", value: "enhanced" }]]);
    assert.deepEqual([insights.inputs.name, insights.inputs.kmsKeyId, insights.inputs.retentionInDays], [`/aws/ecs/containerinsights/${CLUSTER}/performance`, KEYS.logs, 90]);
    assert.ok(cluster.dependencies.includes(insights.urn));
    assert.equal(cluster.inputs.configuration, undefined, "ECS Exec is off, so no execute-command configuration");
  });

  it("launches AL2023 ECS-optimized instances with IMDSv2 (hop limit 1), an encrypted gp3 root volume on the data key, no public IP", async () => {
    const p = await prod();
    const lt = one(p, T.lt);
    assert.deepEqual(lt.inputs.metadataOptions, { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1, instanceMetadataTags: "disabled" });
    assert.deepEqual(lt.inputs.blockDeviceMappings, [{ deviceName: "/dev/xvda", ebs: { volumeSize: 30, volumeType: "gp3", encrypted: "true", kmsKeyId: KEYS.data, deleteOnTermination: "true" } }]);
    const instanceSg = one(p, T.sg, `${CLUSTER}-ecs-instances`);
    assert.deepEqual(lt.inputs.networkInterfaces, [{ deviceIndex: 0, associatePublicIpAddress: "false", deleteOnTermination: "true", securityGroups: [instanceSg.id] }]);
    assert.match(lt.inputs.imageId, /^ami-[0-9a-f]{17}$/);
    assert.deepEqual([lt.inputs.instanceType, lt.inputs.monitoring, lt.inputs.iamInstanceProfile], ["t3.large", { enabled: true }, { arn: one(p, T.profile).outputs.arn }]);
    const script = Buffer.from(lt.inputs.userData, "base64").toString("utf8");
    for (const line of [`ECS_CLUSTER=${CLUSTER}`, "ECS_AWSVPC_BLOCK_IMDS=true", "ECS_DISABLE_PRIVILEGED=true"]) assert.ok(script.includes(line), line);
  });

  it("scales container instances 1 to 5 in the private subnets, protected from scale-in, tagged AmazonECSManaged", async () => {
    const p = await prod();
    const [asg, lt] = [one(p, T.asg), one(p, T.lt)];
    assert.deepEqual([asg.inputs.minSize, asg.inputs.maxSize, asg.inputs.desiredCapacity, asg.inputs.protectFromScaleIn], [1, 5, undefined, true]);
    assert.deepEqual(asg.inputs.vpcZoneIdentifiers, PRIVATE_SUBNETS);
    assert.deepEqual(asg.inputs.launchTemplate, { id: lt.id, version: "1" });
    assert.ok(asg.inputs.tags.some((t: any) => t.key === "AmazonECSManaged" && t.value === "true" && t.propagateAtLaunch === true));
    const grant = one(p, T.grant);
    assert.deepEqual([grant.inputs.keyId, grant.inputs.granteePrincipal], [KEYS.data, "arn:aws:iam::123456789012:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling"]);
    assert.ok(asg.dependencies.includes(grant.urn), "the volume-key grant exists before the first launch");
  });

  it("puts the group behind a capacity provider targeting 100% with managed termination protection, the cluster's default", async () => {
    const p = await prod();
    const [cp, asg, ccp] = [one(p, T.cp), one(p, T.asg), one(p, T.ccp)];
    assert.deepEqual(cp.inputs.autoScalingGroupProvider, {
      autoScalingGroupArn: asg.outputs.arn, managedScaling: { status: "ENABLED", targetCapacity: 100 }, managedTerminationProtection: "ENABLED", managedDraining: "ENABLED",
    });
    assert.equal(cp.inputs.name, `cp-${CLUSTER}`);
    assert.deepEqual([ccp.inputs.clusterName, ccp.inputs.capacityProviders, ccp.inputs.defaultCapacityProviderStrategies], [CLUSTER, [`cp-${CLUSTER}`], [{ capacityProvider: `cp-${CLUSTER}`, weight: 1, base: 0 }]]);
  });

  it("gives instances a role with exactly the ECS agent and SSM managed policies, trusted by EC2 only", async () => {
    const p = await prod();
    const role = one(p, T.role, `${CLUSTER}-ecs-instance`);
    assert.deepEqual(JSON.parse(role.inputs.assumeRolePolicy).Statement.map((s: any) => s.Principal), [{ Service: "ec2.amazonaws.com" }]);
    assert.deepEqual(ofType(p, T.attachment).map((a) => a.inputs.policyArn).sort(), [
      "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore", "arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role",
    ]);
    assert.equal(one(p, T.profile).inputs.role, role.outputs.name);
  });

  it("admits tasks only from each other on the service ports; instances admit nothing", async () => {
    const p = await prod();
    const [tasks, instances] = [one(p, T.sg, `${CLUSTER}-ecs-tasks`), one(p, T.sg, `${CLUSTER}-ecs-instances`)];
    assert.deepEqual(tasks.inputs.ingress.map((r: any) => [r.fromPort, r.self, r.cidrBlocks]), [3000, 5001, 6333, 6379, 8000].map((port) => [port, true, undefined]));
    assert.deepEqual(tasks.inputs.egress.map((r: any) => [r.fromPort, r.toPort, r.cidrBlocks]), [[443, 443, ["0.0.0.0/0"]], [0, 65535, ["10.0.0.0/16"]]]);
    // Instances: HTTPS out, and NFS inside the VPC for the EFS mounts the ECS agent makes.
    assert.deepEqual([instances.inputs.ingress, instances.inputs.egress.map((r: any) => [r.fromPort, r.cidrBlocks])], [[], [[443, ["0.0.0.0/0"]], [2049, ["10.0.0.0/16"]]]]);
    for (const sg of [tasks, instances]) assert.equal(sg.inputs.vpcId, VPC_ID);
    assert.equal((await prod()).outputs.tasksSecurityGroupId, tasks.id);
  });

  it("creates the Cloud Map private DNS namespace in the VPC", async () => {
    const ns = one(await prod(), T.namespace);
    assert.deepEqual([ns.inputs.name, ns.inputs.vpc], [AI_APP_NAMESPACE, VPC_ID]);
    assert.deepEqual([(await prod()).outputs.namespaceId, (await prod()).outputs.namespaceName], [ns.id, AI_APP_NAMESPACE]);
  });
});

describe("ECS services (EcsServices)", () => {
  it("runs every service in awsvpc mode in the private subnets, on the tasks' group, with no public IP, on the capacity provider", async () => {
    const p = await prod();
    const tasksSg = one(p, T.sg, `${CLUSTER}-ecs-tasks`).id;
    for (const name of SERVICES) {
      const s = await svc(name);
      assert.equal(s.inputs.name, name);
      assert.equal(s.inputs.cluster, one(p, T.cluster).outputs.arn);
      assert.deepEqual(s.inputs.networkConfiguration, { subnets: PRIVATE_SUBNETS, securityGroups: [tasksSg], assignPublicIp: false });
      assert.equal(s.inputs.taskDefinitionArgs.networkMode, "awsvpc");
      assert.deepEqual(s.inputs.capacityProviderStrategies, [{ capacityProvider: `cp-${CLUSTER}`, weight: 1, base: 0 }]);
      assert.equal(s.inputs.launchType, undefined);
      assert.equal(s.inputs.enableExecuteCommand, false);
      assert.deepEqual([s.inputs.propagateTags, s.inputs.enableEcsManagedTags], ["SERVICE", true]);
    }
  });

  it("spreads tasks over AZs, then packs by memory; deploys with the circuit breaker and rollback at the configured count", async () => {
    const desired: Record<string, number> = { frontend: 2, backend: 2, "ai-service": 1, redis: 1, qdrant: 1 };
    for (const name of SERVICES) {
      const s = await svc(name);
      assert.deepEqual(s.inputs.orderedPlacementStrategies, [{ type: "spread", field: "attribute:ecs.availability-zone" }, { type: "binpack", field: "memory" }]);
      assert.deepEqual(s.inputs.deploymentCircuitBreaker, { enable: true, rollback: true });
      assert.equal(s.inputs.desiredCount, desired[name]);
      const percents = name === "qdrant" ? [0, 100] : [100, 200];
      assert.deepEqual([s.inputs.deploymentMinimumHealthyPercent, s.inputs.deploymentMaximumPercent], percents, name);
    }
  });

  it("registers each routed service with its own target group (with a grace period) and internal ones with none", async () => {
    for (const name of SERVICES) {
      const s = await svc(name);
      const port = ROUTED[name];
      assert.deepEqual(s.inputs.loadBalancers, port ? [{ targetGroupArn: targetGroupArn(name), containerName: name, containerPort: port }] : [], name);
      assert.equal(s.inputs.healthCheckGracePeriodSeconds, port ? 60 : undefined);
    }
  });

  it("injects the backend's secret by its exact ARN and keeps it out of the environment", async () => {
    const c = (await svc("backend")).inputs.taskDefinitionArgs.container;
    assert.deepEqual(c.secrets, [{ name: "MONGODB_SECRET", valueFrom: SECRET_ARN }]);
    assert.ok(!JSON.stringify(c.environment).includes(SECRET_ARN));
    for (const name of SERVICES.filter((n) => n !== "backend")) assert.deepEqual((await svc(name)).inputs.taskDefinitionArgs.container.secrets, [], name);
  });

  it("logs each container through awslogs to its own KMS-encrypted, retained log group, and lets awsx create none", async () => {
    const p = await prod();
    for (const name of SERVICES) {
      const td = (await svc(name)).inputs.taskDefinitionArgs;
      const group = one(p, T.logGroup, `${CLUSTER}-services-logs-${name}`);
      assert.deepEqual([group.inputs.name, group.inputs.kmsKeyId, group.inputs.retentionInDays], [`/ecs/${CLUSTER}/${name}`, KEYS.logs, 90]);
      assert.deepEqual(td.container.logConfiguration, { logDriver: "awslogs", options: { "awslogs-group": `/ecs/${CLUSTER}/${name}`, "awslogs-region": "us-west-2", "awslogs-stream-prefix": name } });
      assert.deepEqual(td.logGroup, { skip: true });
      assert.deepEqual([td.container.essential, td.container.privileged], [true, false]);
    }
  });

  it("runs its own image from its own ECR repository, or the third-party image it names", async () => {
    const p = await prod();
    assert.deepEqual(ofType(p, T.repo).map((r) => r.inputs.name), ["frontend", "backend", "ai-service"].map((n) => `${CLUSTER}/${n}`));
    assert.equal((await svc("backend")).inputs.taskDefinitionArgs.container.image, `123456789012.dkr.ecr.us-west-2.amazonaws.com/${CLUSTER}/backend:v1.0.0`);
    assert.equal((await svc("redis")).inputs.taskDefinitionArgs.container.image, "redis:7.4-alpine");
  });

  it("mounts qdrant's EFS access point with transit encryption and IAM authorization", async () => {
    const td = (await svc("qdrant")).inputs.taskDefinitionArgs;
    assert.deepEqual(td.volumes, [{ name: "qdrant", efsVolumeConfiguration: { fileSystemId: EFS.fileSystemId, transitEncryption: "ENABLED", authorizationConfig: { accessPointId: EFS.accessPointIds.qdrant, iam: "ENABLED" } } }]);
    assert.deepEqual(td.container.mountPoints, [{ sourceVolume: "qdrant", containerPath: "/qdrant/storage", readOnly: false }]);
  });

  it("gives each task definition its own execution and task role, trusted by this account's ECS tasks only", async () => {
    const p = await prod();
    for (const name of SERVICES) {
      const td = (await svc(name)).inputs.taskDefinitionArgs;
      const [exec, task] = [one(p, T.role, `${CLUSTER}-services-exec-${name}`), one(p, T.role, `${CLUSTER}-services-task-${name}`)];
      assert.deepEqual([td.executionRole, td.taskRole], [{ roleArn: exec.outputs.arn }, { roleArn: task.outputs.arn }]);
      for (const r of [exec, task]) {
        assert.deepEqual(JSON.parse(r.inputs.assumeRolePolicy).Statement[0].Condition, { StringEquals: { "aws:SourceAccount": "123456789012" }, ArnLike: { "aws:SourceArn": "arn:aws:ecs:us-west-2:123456789012:*" } });
      }
      assert.equal(td.family, `${CLUSTER}-${name}`);
    }
  });

  it("lets the backend's execution role pull its repository, write its log group and read exactly its secret", async () => {
    const p = await prod();
    const repo = one(p, T.repo, `${CLUSTER}-services-ecr-backend`).outputs.arn;
    const logs = one(p, T.logGroup, `${CLUSTER}-services-logs-backend`).outputs.arn;
    assert.deepEqual(policyOf(await rolePolicy("exec", "backend")).Statement.map((s: any) => [s.Sid, s.Resource]), [
      ["EcrAuthToken", "*"], ["EcrPull", repo], ["Logs", [logs, `${logs}:log-stream:*`]], ["InjectSecrets", [SECRET_ARN]], ["SecretsKey", KEYS.secrets],
    ]);
    assert.deepEqual(policyOf(await rolePolicy("exec", "redis")).Statement.map((s: any) => s.Sid), ["Logs"], "a third-party image needs no ECR access");
  });

  it("gives task roles exactly their grants: the backend's secret, ai-service's bucket, qdrant's access point, and nothing to the rest", async () => {
    assert.deepEqual(policyOf(await rolePolicy("task", "backend")).Statement.map((s: any) => [s.Sid, s.Resource]), [["ReadSecrets", [SECRET_ARN]], ["SecretsKey", KEYS.secrets]]);
    assert.deepEqual(policyOf(await rolePolicy("task", "ai-service")).Statement.map((s: any) => s.Resource), [`${BUCKET_ARN}/*`, BUCKET_ARN, KEYS.data]);
    const efs = policyOf(await rolePolicy("task", "qdrant")).Statement;
    assert.deepEqual(efs.map((s: any) => [s.Sid, s.Resource, s.Condition]), [[
      "EfsAccessPoints", EFS.fileSystemArn, { StringEquals: { "elasticfilesystem:AccessPointArn": [`arn:aws:elasticfilesystem:us-west-2:123456789012:access-point/${EFS.accessPointIds.qdrant}`] } },
    ]]);
    for (const name of ["frontend", "redis"]) assert.equal(await rolePolicy("task", name), undefined, name);
  });

  it("scales each service between its replica bounds on CPU 70% and memory 80%", async () => {
    const p = await prod();
    const bounds: Record<string, [number, number]> = { frontend: [2, 10], backend: [2, 10], "ai-service": [1, 10], redis: [1, 1], qdrant: [1, 1] };
    for (const name of SERVICES) {
      const target = one(p, T.target, `${CLUSTER}-services-scaling-${name}`);
      assert.deepEqual([target.inputs.serviceNamespace, target.inputs.scalableDimension, target.inputs.resourceId], ["ecs", "ecs:service:DesiredCount", `service/${CLUSTER}/${name}`]);
      assert.deepEqual([target.inputs.minCapacity, target.inputs.maxCapacity], bounds[name]);
      assert.ok(target.dependencies.includes((await svc(name)).urn), "the scalable target waits for its service");
      for (const [metric, type, value] of [["cpu", "ECSServiceAverageCPUUtilization", 70], ["memory", "ECSServiceAverageMemoryUtilization", 80]] as const) {
        const policy = one(p, T.policy, `${CLUSTER}-services-${metric}-${name}`);
        assert.equal(policy.inputs.policyType, "TargetTrackingScaling");
        assert.equal(policy.inputs.resourceId, `service/${CLUSTER}/${name}`);
        assert.deepEqual([policy.inputs.targetTrackingScalingPolicyConfiguration.predefinedMetricSpecification.predefinedMetricType, policy.inputs.targetTrackingScalingPolicyConfiguration.targetValue], [type, value]);
      }
    }
  });

  it("registers each service in Cloud Map: A records, multivalue, ECS-reported health", async () => {
    const p = await prod();
    const ns = one(p, T.namespace);
    for (const name of SERVICES) {
      const d = one(p, T.discovery, `${CLUSTER}-services-dns-${name}`);
      assert.deepEqual([d.inputs.name, d.inputs.dnsConfig], [name, { namespaceId: ns.id, dnsRecords: [{ type: "A", ttl: 10 }], routingPolicy: "MULTIVALUE" }]);
      assert.deepEqual(d.inputs.healthCheckCustomConfig, { failureThreshold: 1 });
      assert.deepEqual((await svc(name)).inputs.serviceRegistries, { registryArn: d.outputs.arn });
    }
  });

  it("returns plain names and the ARNs of what it created", async () => {
    const p = await prod();
    assert.deepEqual(p.outputs.serviceNames, SERVICES);
    assert.deepEqual(Object.keys(p.outputs.repositoryUrls), ["frontend", "backend", "ai-service"]);
    assert.deepEqual(p.outputs.logGroupNames.qdrant, `/ecs/${CLUSTER}/qdrant`);
    assert.equal(p.outputs.taskRoleArns.backend, one(p, T.role, `${CLUSTER}-services-task-backend`).outputs.arn);
    assert.equal(p.outputs.executionRoleArns.backend, one(p, T.role, `${CLUSTER}-services-exec-backend`).outputs.arn);
    assert.equal(p.outputs.clusterName, CLUSTER);
    assert.equal(AZS.length, 2);
  });
});

describe("ECS validation", () => {
  const failures: Array<[string, Parameters<typeof planEcs>[0], RegExp]> = [
    ["a secret no tier provides", { services: (a) => ({ ...a, secretArns: {} }) }, /service backend references secret "mongodb", which no tier provides an ARN for/],
    ["a volume with no EFS", { services: (a) => ({ ...a, efs: undefined }) }, /service qdrant mounts volume "qdrant", but the stack has no EFS file system/],
    ["a volume with no access point of its name", { services: (a) => ({ ...a, efs: { ...EFS, accessPointIds: { other: "fsap-1" } } }) }, /service qdrant mounts volume "qdrant", which is not an access point/],
    ["a routed service with no target group", { services: (a) => ({ ...a, targetGroupArns: { frontend: targetGroupArn("frontend"), qdrant: targetGroupArn("qdrant") } }) }, /service backend is routed \(\/api\/\*\) but the edge tier gave it no target group/],
    ["an autoscaling target over 100%", { services: (a) => ({ ...a, autoscaling: { cpuTargetPercent: 170, memoryTargetPercent: 80 } }) }, /cpuTargetPercent \(170\) must be an integer from 1 to 100/],
    ["min above max instances", { cluster: (a) => ({ ...a, minSize: 6 }) }, /ECS capacity: minSize \(6\) must be at most maxSize \(5\)/],
    ["a capacity target of 0%", { cluster: (a) => ({ ...a, targetCapacityPercent: 0 }) }, /targetCapacityPercent \(0\) must be an integer from 1 to 100/],
    ["a single AZ", { cluster: (a) => ({ ...a, availabilityZones: ["us-west-2a"] }) }, /at least 2 AZs \(an ALB needs 2\); got 1/],
    ["an invalid namespace", { cluster: (a) => ({ ...a, serviceDiscoveryNamespace: "Not Valid" }) }, /Cloud Map rejects the namespace name "Not Valid"/],
  ];
  for (const [what, options, message] of failures) {
    it(`rejects ${what}`, async () => {
      const p = await planEcs(options);
      assert.match(p.error?.message ?? "(no error)", message);
    });
  }
});
