/**
 * Example tables: provider (Terraform-shaped) inputs in, CloudFormation properties out, one row per
 * rule the mapping encodes beyond a rename.
 */
import { strict as assert } from "node:assert";
import { MAPPINGS } from "./mappings";
import { containerDefinitions } from "./mappings/containers";
import { contextOf } from "./renderer";
import { ResourceMapping, Source, isFold, isNone } from "./types";

const source = (type: string, inputs: Record<string, any>, defaultTags: Record<string, string> = {}): Source => ({
  urn: `urn:${type}`, type, name: "x", region: "us-west-2", inputs, outputs: {}, dependsOn: [], protect: false, retainOnDelete: false, defaultTags,
});

function props(type: string, inputs: Record<string, any>, defaultTags?: Record<string, string>): Record<string, any> {
  const m = MAPPINGS[type] as ResourceMapping;
  return m.properties(inputs, contextOf(source(type, inputs, defaultTags)));
}

function folded(type: string, inputs: Record<string, any>, parent: Record<string, any> = {}): Record<string, any> {
  const m = MAPPINGS[type];
  assert.ok(isFold(m), `${type} folds into its parent`);
  m.fold(parent, inputs, contextOf(source(type, inputs)));
  return parent;
}

describe("CloudFormation mappings", () => {
  const rows: Array<[string, string, Record<string, any>, Record<string, any>]> = [
    ["a security group rule naming many sources becomes one CloudFormation rule per source; protocol -1 carries no ports",
      "aws:ec2/securityGroup:SecurityGroup",
      { description: "d", vpcId: "vpc-1", ingress: [{ protocol: "tcp", fromPort: 5432, toPort: 5432, securityGroups: ["sg-a", "sg-b"], description: "pg" }], egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] },
      {
        SecurityGroupIngress: [
          { IpProtocol: "tcp", FromPort: 5432, ToPort: 5432, Description: "pg", SourceSecurityGroupId: "sg-a" },
          { IpProtocol: "tcp", FromPort: 5432, ToPort: 5432, Description: "pg", SourceSecurityGroupId: "sg-b" },
        ],
        SecurityGroupEgress: [{ IpProtocol: "-1", CidrIp: "0.0.0.0/0" }],
      }],
    ["a security group without a description gets the provider's default (CloudFormation requires one)",
      "aws:ec2/securityGroup:SecurityGroup", { vpcId: "vpc-1" }, { GroupDescription: "Managed by Pulumi" }],
    ["launch template block devices: the provider's string booleans become booleans",
      "aws:ec2/launchTemplate:LaunchTemplate", { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true", deleteOnTermination: "true", volumeSize: 20, volumeType: "gp3" } }] },
      { LaunchTemplateData: { BlockDeviceMappings: [{ DeviceName: "/dev/xvda", Ebs: { DeleteOnTermination: true, Encrypted: true, VolumeSize: 20, VolumeType: "gp3" } }] } }],
    ["an RDS instance: storage and port as strings, backup window renamed, the managed master secret's key nested",
      "aws:rds/instance:Instance", { allocatedStorage: 20, port: 5432, backupWindow: "03:00-04:00", masterUserSecretKmsKeyId: "k", multiAz: true, iamDatabaseAuthenticationEnabled: true },
      { AllocatedStorage: "20", Port: "5432", PreferredBackupWindow: "03:00-04:00", MasterUserSecret: { KmsKeyId: "k" }, MultiAZ: true, EnableIAMDatabaseAuthentication: true }],
    ["an RDS parameter group: the {name, value} list becomes a map",
      "aws:rds/parameterGroup:ParameterGroup", { family: "postgres17", description: "d", parameters: [{ name: "rds.force_ssl", value: "1" }] },
      { Family: "postgres17", Description: "d", Parameters: { "rds.force_ssl": "1" } }],
    ["ElastiCache log delivery: the destination nests by its type",
      "aws:elasticache/replicationGroup:ReplicationGroup", { description: "d", logDeliveryConfigurations: [{ destination: "lg", destinationType: "cloudwatch-logs", logFormat: "json", logType: "slow-log" }] },
      { ReplicationGroupDescription: "d", LogDeliveryConfigurations: [{ DestinationDetails: { CloudWatchLogsDetails: { LogGroup: "lg" } }, DestinationType: "cloudwatch-logs", LogFormat: "json", LogType: "slow-log" }] }],
    ["an EKS node group takes its tags as a map, the provider's default tags first",
      "aws:eks/nodeGroup:NodeGroup", { clusterName: "c", nodeRoleArn: "r", subnetIds: ["s"], tags: { Tier: "cluster" } }, { NodeRole: "r", Subnets: ["s"], Tags: { Owner: "t", Tier: "cluster" } }],
    ["EKS cluster log types become Logging.ClusterLogging.EnabledTypes",
      "aws:eks/cluster:Cluster", { enabledClusterLogTypes: ["api", "audit"] }, { Logging: { ClusterLogging: { EnabledTypes: [{ Type: "api" }, { Type: "audit" }] } } }],
    ["an ECS service: awsvpc settings nest, assignPublicIp becomes DISABLED, deployment settings group",
      "aws:ecs/service:Service", { networkConfiguration: { subnets: ["s"], securityGroups: ["g"], assignPublicIp: false }, deploymentMaximumPercent: 200, deploymentMinimumHealthyPercent: 100, deploymentCircuitBreaker: { enable: true, rollback: true } },
      {
        NetworkConfiguration: { AwsvpcConfiguration: { Subnets: ["s"], SecurityGroups: ["g"], AssignPublicIp: "DISABLED" } },
        DeploymentConfiguration: { DeploymentCircuitBreaker: { Enable: true, Rollback: true }, MaximumPercent: 200, MinimumHealthyPercent: 100 },
      }],
    ["an Auto Scaling group takes its sizes as strings",
      "aws:autoscaling/group:Group", { minSize: 1, maxSize: 5, vpcZoneIdentifiers: ["s"] }, { MinSize: "1", MaxSize: "5", VPCZoneIdentifier: ["s"] }],
    ["a scalable target with no role gets the service-linked role AWS uses then (CloudFormation requires RoleARN)",
      "aws:appautoscaling/target:Target", { serviceNamespace: "ecs", resourceId: "service/c/s", scalableDimension: "ecs:service:DesiredCount", minCapacity: 1, maxCapacity: 2 },
      { RoleARN: "arn:aws:iam::123456789012:role/aws-service-role/ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService" }],
    ["EFS access point POSIX ids become strings",
      "aws:efs/accessPoint:AccessPoint", { fileSystemId: "fs", posixUser: { uid: 1000, gid: 1000 }, rootDirectory: { path: "/q", creationInfo: { ownerUid: 1000, ownerGid: 1000, permissions: "0750" } } },
      { PosixUser: { Uid: "1000", Gid: "1000" }, RootDirectory: { Path: "/q", CreationInfo: { OwnerUid: "1000", OwnerGid: "1000", Permissions: "0750" } } }],
    ["load balancer settings become attributes; internal becomes the scheme",
      "aws:lb/loadBalancer:LoadBalancer", { internal: true, loadBalancerType: "application", idleTimeout: 60, dropInvalidHeaderFields: true, accessLogs: { bucket: "b", enabled: true, prefix: "alb" } },
      {
        Scheme: "internal",
        LoadBalancerAttributes: [
          { Key: "idle_timeout.timeout_seconds", Value: "60" }, { Key: "routing.http.drop_invalid_header_fields.enabled", Value: "true" },
          { Key: "access_logs.s3.enabled", Value: "true" }, { Key: "access_logs.s3.bucket", Value: "b" }, { Key: "access_logs.s3.prefix", Value: "alb" },
        ],
      }],
    ["listener rule conditions name their field",
      "aws:lb/listenerRule:ListenerRule", { listenerArn: "l", priority: 10, actions: [{ type: "forward", targetGroupArn: "tg" }], conditions: [{ pathPattern: { values: ["/api/*"] } }] },
      { Actions: [{ Type: "forward", TargetGroupArn: "tg" }], Conditions: [{ Field: "path-pattern", PathPatternConfig: { Values: ["/api/*"] } }] }],
    ["a Route 53 record takes its TTL as a string",
      "aws:route53/record:Record", { zoneId: "Z", name: "a.example.com", type: "CNAME", ttl: 300, records: ["b"] }, { TTL: "300", ResourceRecords: ["b"] }],
    ["alarm dimensions become a {Name, Value} list",
      "aws:cloudwatch/metricAlarm:MetricAlarm", { dimensions: { ClusterName: "c" }, okActions: ["t"] }, { Dimensions: [{ Name: "ClusterName", Value: "c" }], OKActions: ["t"] }],
    ["budget subscribers carry their type; the limit amount is a number",
      "aws:budgets/budget:Budget", { budgetType: "COST", timeUnit: "MONTHLY", limitAmount: "1000.00", limitUnit: "USD", notifications: [{ comparisonOperator: "GREATER_THAN", notificationType: "ACTUAL", threshold: 80, subscriberSnsTopicArns: ["t"] }] },
      {
        Budget: { BudgetType: "COST", TimeUnit: "MONTHLY", BudgetLimit: { Amount: 1000, Unit: "USD" } },
        NotificationsWithSubscribers: [{ Notification: { ComparisonOperator: "GREATER_THAN", NotificationType: "ACTUAL", Threshold: 80 }, Subscribers: [{ SubscriptionType: "SNS", Address: "t" }] }],
      }],
    ["a CloudTrail trail logs unless the provider's enableLogging says otherwise (CloudFormation requires IsLogging)",
      "aws:cloudtrail/trail:Trail", { s3BucketName: "b" }, { IsLogging: true }],
    ["WAF rules keep their shape in PascalCase; CloudWatch is spelled CloudWatch",
      "aws:wafv2/webAcl:WebAcl", { scope: "REGIONAL", defaultAction: { allow: {} }, visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: "m", sampledRequestsEnabled: true } },
      { DefaultAction: { Allow: {} }, VisibilityConfig: { CloudWatchMetricsEnabled: true, MetricName: "m", SampledRequestsEnabled: true } }],
  ];
  for (const [title, type, inputs, expected] of rows) {
    it(title, () => {
      const out = props(type, inputs, { Owner: "t" });
      for (const [k, v] of Object.entries(expected)) assert.deepEqual(out[k], v, `${type} ${k}`);
    });
  }

  it("a CloudFront S3 origin with origin access control gets the empty S3OriginConfig the API requires", () => {
    const out = props("aws:cloudfront/distribution:Distribution", {
      origins: [{ originId: "static", domainName: "b.s3.us-west-2.amazonaws.com", originAccessControlId: "E1" }, { originId: "app", domainName: "o", vpcOriginConfig: { vpcOriginId: "vo" } }],
    });
    assert.deepEqual(out.DistributionConfig.Origins[0].S3OriginConfig, { OriginAccessIdentity: "" });
    assert.equal(out.DistributionConfig.Origins[1].S3OriginConfig, undefined);
  });

  it("container definitions: ECS JSON in CloudFormation's case, log options and labels keep their keys", () => {
    const [c] = containerDefinitions(JSON.stringify([{ name: "web", image: "i", portMappings: [{ containerPort: 80 }], logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": "g" } }, dockerLabels: { "com.x": "y" } }]));
    assert.deepEqual(c, { Name: "web", Image: "i", PortMappings: [{ ContainerPort: 80 }], LogConfiguration: { LogDriver: "awslogs", Options: { "awslogs-group": "g" } }, DockerLabels: { "com.x": "y" } });
  });

  const folds: Array<[string, string, Record<string, any>, Record<string, any>]> = [
    ["S3 versioning", "aws:s3/bucketVersioning:BucketVersioning", { bucket: "b", versioningConfiguration: { status: "Enabled" } }, { VersioningConfiguration: { Status: "Enabled" } }],
    ["S3 encryption", "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
      { bucket: "b", rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: "k" }, bucketKeyEnabled: true }] },
      { BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: "aws:kms", KMSMasterKeyID: "k" }, BucketKeyEnabled: true }] } }],
    ["S3 lifecycle (the filter's prefix becomes the rule's)", "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
      { bucket: "b", rules: [{ id: "r", status: "Enabled", filter: { prefix: "logs/" }, expiration: { days: 30 }, noncurrentVersionExpiration: { noncurrentDays: 90 } }] },
      { LifecycleConfiguration: { Rules: [{ Id: "r", Status: "Enabled", Prefix: "logs/", ExpirationInDays: 30, NoncurrentVersionExpiration: { NoncurrentDays: 90 } }] } }],
    ["S3 logging", "aws:s3/bucketLogging:BucketLogging", { bucket: "b", targetBucket: "l", targetPrefix: "p/" }, { LoggingConfiguration: { DestinationBucketName: "l", LogFilePrefix: "p/" } }],
    ["S3 public access block", "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", { bucket: "b", blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
      { PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true } }],
    ["S3 ownership", "aws:s3/bucketOwnershipControls:BucketOwnershipControls", { bucket: "b", rule: { objectOwnership: "BucketOwnerEnforced" } }, { OwnershipControls: { Rules: [{ ObjectOwnership: "BucketOwnerEnforced" }] } }],
    ["an inline role policy", "aws:iam/rolePolicy:RolePolicy", { role: "r", name: "p", policy: "{\"Version\":\"2012-10-17\",\"Statement\":[]}" }, { Policies: [{ PolicyName: "p", PolicyDocument: { Version: "2012-10-17", Statement: [] } }] }],
    ["a role policy attachment", "aws:iam/rolePolicyAttachment:RolePolicyAttachment", { role: "r", policyArn: "arn:aws:iam::aws:policy/P" }, { ManagedPolicyArns: ["arn:aws:iam::aws:policy/P"] }],
    ["an ECR lifecycle policy (kept as text)", "aws:ecr/lifecyclePolicy:LifecyclePolicy", { repository: "r", policy: "{\"rules\":[]}" }, { LifecyclePolicy: { LifecyclePolicyText: "{\"rules\":[]}" } }],
    ["a key policy", "aws:kms/keyPolicy:KeyPolicy", { keyId: "k", policy: "{\"Version\":\"2012-10-17\"}" }, { KeyPolicy: { Version: "2012-10-17" } }],
    ["an event target", "aws:cloudwatch/eventTarget:EventTarget", { rule: "r", targetId: "t", arn: "arn:sns", inputTransformer: { inputPaths: { time: "$.time" }, inputTemplate: "\"x\"" } },
      { Targets: [{ Id: "t", Arn: "arn:sns", InputTransformer: { InputPathsMap: { time: "$.time" }, InputTemplate: "\"x\"" } }] }],
    ["Route 53 query logging", "aws:route53/queryLog:QueryLog", { zoneId: "Z", cloudwatchLogGroupArn: "arn:lg" }, { QueryLoggingConfig: { CloudWatchLogsLogGroupArn: "arn:lg" } }],
  ];
  for (const [title, type, inputs, expected] of folds) {
    it(`folds ${title} into its parent`, () => assert.deepEqual(folded(type, inputs), expected));
  }

  it("appends to the parent's lists rather than replacing them (two attachments, two inline policies)", () => {
    const role = folded("aws:iam/rolePolicyAttachment:RolePolicyAttachment", { role: "r", policyArn: "a" }, { ManagedPolicyArns: ["z"] });
    assert.deepEqual(role.ManagedPolicyArns, ["z", "a"]);
  });

  it("lists the types CloudFormation cannot express with the reason", () => {
    for (const type of ["aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "aws:kms/grant:Grant"]) {
      const m = MAPPINGS[type];
      assert.ok(isNone(m) && m.none.length > 20, type);
    }
  });
});
