/**
 * examples/Pulumi.billion.yaml, planned offline with the prod pack config: the billion-record API of
 * ../shared/reference/billion-record-api.md has the shape issue 8 lists (us-east-1 over 3 AZs; EKS
 * c5.2xlarge 3..10 with 100 GB gp3 and Karpenter; RDS db.r5.2xlarge with 2 replicas, 1 TB gp3 and
 * 35-day backups; Redis cluster mode 3 × cache.r6g.xlarge; MSK 3 × kafka.m5.large with 1 TB and
 * storage autoscaling; backups / logs / archives buckets in Standard-IA / Intelligent-Tiering /
 * Glacier; CloudFront + WAF + Route 53 + ACM), asserted from the recorded resources' inputs.
 */
import { strict as assert } from "node:assert";
import { Planned, ofType, one, planStackFile } from "../helpers";
import { bucketPart, exampleServices, grantedResources, listenerRoutes, podScaling, transitions, versioning } from "./lookups";

const FILE = "examples/Pulumi.billion.yaml";

describe("example: the billion-record API (examples/Pulumi.billion.yaml)", () => {
  let p: Planned;
  let dataKey: string;
  before(async () => {
    p = await planStackFile(FILE);
    assert.equal(p.error, undefined, p.error?.message);
    dataKey = one(p, "aws:kms/key:Key", "billion-keys-data").outputs.arn;
  });

  it("plans with no policy violation at all, mandatory or advisory", () => {
    assert.deepEqual(p.violations, []);
  });

  it("runs in us-east-1 over three AZs, a NAT gateway in each", () => {
    const vpc = one(p, "awsx:ec2:Vpc").inputs;
    assert.deepEqual([p.outputs.region, vpc.availabilityZoneNames, vpc.natGateways], ["us-east-1", ["us-east-1a", "us-east-1b", "us-east-1c"], { strategy: "OnePerAz" }]);
    assert.equal(p.outputs.privateSubnetIds.length, 3);
  });

  describe("cluster", () => {
    it("runs the application group on c5.2xlarge on demand, 3 to 10 nodes over the three private subnets", () => {
      const { cluster: _cluster, ...group } = one(p, "eks:index:ManagedNodeGroup", "billion-cluster-application-nodes").inputs;
      assert.deepEqual([group.instanceTypes, group.capacityType, group.scalingConfig], [["c5.2xlarge"], "ON_DEMAND", { minSize: 3, desiredSize: 3, maxSize: 10 }]);
      assert.deepEqual(group.subnetIds, p.outputs.privateSubnetIds);
    });

    it("gives those nodes 100 GiB gp3 root volumes encrypted with the data key, IMDSv2 only", () => {
      const lt = one(p, "aws:ec2/launchTemplate:LaunchTemplate", "billion-cluster-application-lt").inputs;
      const ebs = lt.blockDeviceMappings[0].ebs;
      assert.deepEqual([ebs.volumeSize, ebs.volumeType, ebs.encrypted, ebs.kmsKeyId], [100, "gp3", "true", dataKey]);
      assert.equal(lt.metadataOptions.httpTokens, "required");
    });

    it("scales nodes with Karpenter (no Cluster Autoscaler): on-demand c5 only, 100 GiB encrypted gp3, at most 80 vCPUs", () => {
      const releases = ofType(p, "kubernetes:helm.sh/v3:Release").map((r) => r.inputs.name).sort();
      assert.deepEqual(releases, ["aws-load-balancer-controller", "karpenter"]);
      const pool = one(p, "kubernetes:karpenter.sh/v1:NodePool").inputs.spec;
      assert.equal(pool.limits.cpu, "80");
      assert.deepEqual(pool.template.spec.requirements.find((r: any) => r.key === "karpenter.sh/capacity-type").values, ["on-demand"]);
      assert.deepEqual(pool.template.spec.requirements.find((r: any) => r.key === "karpenter.k8s.aws/instance-family"), { key: "karpenter.k8s.aws/instance-family", operator: "In", values: ["c5"] });
      const ebs = one(p, "kubernetes:karpenter.k8s.aws/v1:EC2NodeClass").inputs.spec.blockDeviceMappings[0].ebs;
      assert.deepEqual([ebs.volumeSize, ebs.volumeType, ebs.encrypted, ebs.kmsKeyID], ["100Gi", "gp3", true, dataKey]);
    });

    it("scales each service's pods between its bounds at 70 % CPU", () => {
      assert.deepEqual(podScaling(p, "billion", "records-api"), [3, 30, 70]);
      assert.deepEqual(podScaling(p, "billion", "records-worker"), [3, 12, 70]);
    });

    it("grants the API its database and cache secrets and the record-events topic, the worker the archive and the topic, nobody the backups", () => {
      const topic = (r: string) => /^arn:aws:kafka:us-east-1:\d{12}:topic\/.+\/record-events$/.test(r);
      const api = grantedResources(p, "billion", "records-api");
      assert.deepEqual(api.filter((r) => r.startsWith("arn:aws:secretsmanager:")).sort(), [p.outputs.data.secretArns.database, p.outputs.data.secretArns.cache].sort());
      assert.ok(api.some(topic) && !api.some((r) => r.startsWith("arn:aws:s3:")));
      const worker = grantedResources(p, "billion", "records-worker");
      assert.deepEqual(worker.filter((r) => r.startsWith("arn:aws:s3:")), [`arn:aws:s3:::${p.outputs.bucketNames.archives}/*`]);
      assert.deepEqual(worker.filter((r) => r.startsWith("arn:aws:secretsmanager:")), [p.outputs.data.secretArns.database]);
      assert.ok(worker.some(topic));
    });
  });

  describe("data", () => {
    it("runs PostgreSQL db.r5.2xlarge Multi-AZ on 1 TB gp3 growing to 4 TB, with 35 days of backups, encrypted with the data key", () => {
      const db = one(p, "aws:rds/instance:Instance", "billion-database-primary").inputs;
      assert.deepEqual([db.instanceClass, db.multiAz, db.storageType, db.allocatedStorage, db.maxAllocatedStorage, db.backupRetentionPeriod, db.storageEncrypted, db.kmsKeyId],
        ["db.r5.2xlarge", true, "gp3", 1000, 4000, 35, true, dataKey]);
    });

    it("adds two db.r5.2xlarge read replicas of the primary, in the two other AZs", () => {
      const replicas = ofType(p, "aws:rds/instance:Instance").filter((r) => r.inputs.replicateSourceDb);
      assert.deepEqual(replicas.map((r) => [r.inputs.instanceClass, r.inputs.availabilityZone, r.inputs.replicateSourceDb]), [
        ["db.r5.2xlarge", "us-east-1b", one(p, "aws:rds/instance:Instance", "billion-database-primary").outputs.arn],
        ["db.r5.2xlarge", "us-east-1c", one(p, "aws:rds/instance:Instance", "billion-database-primary").outputs.arn],
      ]);
    });

    it("runs Redis in cluster mode: 3 shards of cache.r6g.xlarge, each failing over to a replica in another AZ", () => {
      const rg = one(p, "aws:elasticache/replicationGroup:ReplicationGroup");
      const i = rg.inputs;
      assert.deepEqual([i.engine, i.nodeType, i.clusterMode, i.numNodeGroups, i.replicasPerNodeGroup, i.automaticFailoverEnabled, i.multiAzEnabled],
        ["redis", "cache.r6g.xlarge", "enabled", 3, 1, true, true]);
      assert.deepEqual([i.transitEncryptionEnabled, i.atRestEncryptionEnabled, i.kmsKeyId], [true, true, dataKey]);
      assert.equal(rg.outputs.memberClusters.length, 6);
    });

    it("runs MSK with 3 kafka.m5.large brokers of 1 TB each, growing at 60 % full up to 4 TB", () => {
      const cluster = one(p, "aws:msk/cluster:Cluster");
      const broker = cluster.inputs.brokerNodeGroupInfo;
      assert.deepEqual([cluster.inputs.numberOfBrokerNodes, broker.instanceType, broker.storageInfo.ebsStorageInfo.volumeSize], [3, "kafka.m5.large", 1000]);
      const target = one(p, "aws:appautoscaling/target:Target", "billion-messaging-storage").inputs;
      assert.deepEqual([target.resourceId, target.scalableDimension, target.maxCapacity], [cluster.outputs.arn, "kafka:broker-storage:VolumeSize", 4000]);
      const policy = one(p, "aws:appautoscaling/policy:Policy", "billion-messaging-storage").inputs.targetTrackingScalingPolicyConfiguration;
      assert.deepEqual([policy.predefinedMetricSpecification.predefinedMetricType, policy.targetValue], ["KafkaBrokerStorageUtilization", 60]);
    });
  });

  describe("storage", () => {
    it("has exactly the backups, logs and archives buckets, each versioned", () => {
      assert.deepEqual(Object.keys(p.outputs.bucketNames).sort(), ["archives", "backups", "logs"]);
      for (const name of ["backups", "logs", "archives"]) assert.equal(versioning(p, name), "Enabled", name);
    });

    it("moves backups to Standard-IA, logs to Intelligent-Tiering and archives to Glacier", () => {
      assert.deepEqual(transitions(p, "backups"), [{ days: 30, storageClass: "STANDARD_IA" }]);
      assert.deepEqual(transitions(p, "logs"), [{ days: 0, storageClass: "INTELLIGENT_TIERING" }]);
      assert.deepEqual(transitions(p, "archives"), [{ days: 0, storageClass: "GLACIER" }]);
    });

    it("encrypts backups and archives with the data key and a bucket key; the log bucket with SSE-S3 (log delivery needs it)", () => {
      const sse = (name: string) => bucketPart(p, "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", name).inputs.rules[0];
      for (const name of ["backups", "archives"]) assert.deepEqual(sse(name), { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: dataKey }, bucketKeyEnabled: true });
      assert.deepEqual(sse("logs").applyServerSideEncryptionByDefault, { sseAlgorithm: "AES256" });
    });
  });

  describe("edge", () => {
    it("serves billion.example.com from CloudFront on its ACM certificate with TLS 1.2+, behind the CLOUDFRONT web ACL", () => {
      const cdn = one(p, "aws:cloudfront/distribution:Distribution").inputs;
      const viewer = one(p, "aws:acm/certificate:Certificate", "billion-edge-viewer-cert");
      assert.deepEqual(cdn.aliases, ["billion.example.com", "www.billion.example.com"]);
      assert.deepEqual([cdn.viewerCertificate.acmCertificateArn, cdn.viewerCertificate.minimumProtocolVersion], [viewer.outputs.arn, "TLSv1.2_2021"]);
      assert.deepEqual([viewer.inputs.validationMethod, viewer.provider?.region], ["DNS", "us-east-1"]);
      assert.equal(cdn.webAclId, one(p, "aws:wafv2/webAcl:WebAcl", "billion-edge-cf-waf").outputs.arn);
    });

    it("rate-limits each IP (2000 per 5 minutes) and applies the OWASP common rule set and SQL-injection rules, at CloudFront and at the ALB", () => {
      for (const [name, scope] of [["billion-edge-cf-waf", "CLOUDFRONT"], ["billion-edge-alb-waf", "REGIONAL"]]) {
        const acl = one(p, "aws:wafv2/webAcl:WebAcl", name).inputs;
        assert.equal(acl.scope, scope);
        assert.deepEqual(acl.rules[0].statement.rateBasedStatement, { aggregateKeyType: "IP", evaluationWindowSec: 300, limit: 2000 });
        const groups = acl.rules.map((r: any) => r.statement.managedRuleGroupStatement?.name).filter(Boolean);
        assert.ok(groups.includes("AWSManagedRulesCommonRuleSet") && groups.includes("AWSManagedRulesSQLiRuleSet"), name);
      }
      const alb = one(p, "aws:lb/loadBalancer:LoadBalancer");
      assert.equal(one(p, "aws:wafv2/webAclAssociation:WebAclAssociation").inputs.resourceArn, alb.outputs.arn);
    });

    it("creates the Route 53 zone and aliases the apex and www to CloudFront, origin.<domain> to the internal ALB", () => {
      assert.equal(one(p, "aws:route53/zone:Zone").inputs.name, "billion.example.com");
      const aliases = ofType(p, "aws:route53/record:Record").filter((r) => r.inputs.aliases).map((r) => `${r.inputs.type} ${r.inputs.name}`).sort();
      assert.deepEqual(aliases, ["A billion.example.com", "A origin.billion.example.com", "A www.billion.example.com", "AAAA billion.example.com", "AAAA www.billion.example.com"]);
      assert.deepEqual([one(p, "aws:lb/loadBalancer:LoadBalancer").inputs.internal, one(p, "aws:acm/certificate:Certificate", "billion-edge-origin-cert").inputs.domainName], [true, "origin.billion.example.com"]);
    });

    it("routes every path to the API: CloudFront to the ALB, one HTTPS listener rule to its target group on 8080, the worker unrouted", () => {
      const routed = exampleServices(FILE).filter((s) => s.routePath);
      assert.deepEqual(routed.map((s) => s.name), ["records-api"]);
      const cdn = one(p, "aws:cloudfront/distribution:Distribution").inputs;
      assert.deepEqual([cdn.defaultCacheBehavior.targetOriginId, cdn.orderedCacheBehaviors.map((b: any) => [b.pathPattern, b.targetOriginId])], ["app", [["/*", "app"]]]);
      assert.deepEqual(listenerRoutes(p), [["/*", 8080, "/healthz", "records-api"]]);
      const rule = one(p, "aws:lb/listenerRule:ListenerRule").inputs;
      assert.equal(rule.listenerArn, one(p, "aws:lb/listener:Listener", "billion-edge-https").outputs.arn);
      const binding = one(p, "kubernetes:elbv2.k8s.aws/v1beta1:TargetGroupBinding").inputs;
      assert.deepEqual([binding.metadata.namespace, binding.spec.serviceRef], ["records", { name: "records-api", port: 8080 }]);
    });
  });

  it("budgets the reference's on-demand total, $7,650 a month (its $5,700 assumes reserved instances)", () => {
    assert.equal(one(p, "aws:budgets/budget:Budget").inputs.limitAmount, "7650.00");
  });
});
