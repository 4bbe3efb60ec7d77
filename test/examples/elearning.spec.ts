/**
 * examples/Pulumi.elearning.yaml, planned offline with the prod pack config: the e-learning site of
 * ../shared/reference/code-learn-platform.md has the shape issue 8 lists (EKS t3.medium 2..10
 * scaling at 70 % CPU; RDS db.t3.medium Multi-AZ, 100 GB gp3 with autoscaling, 7-day backups; Redis
 * cluster mode Multi-AZ; Amazon MQ RabbitMQ; static assets, backups and uploads versioned, the
 * critical ones replicated to a second region; VPC flow logs), asserted from the recorded inputs.
 */
import { strict as assert } from "node:assert";
import { Planned, byUrn, ofType, one, planStackFile } from "../helpers";
import { bucketPart, exampleServices, grantedResources, grants, listenerRoutes, podScaling, transitions, versioning } from "./lookups";

const FILE = "examples/Pulumi.elearning.yaml";
const SERVICES = ["api-gateway", "user-service", "post-service", "group-service"];

describe("example: the e-learning site (examples/Pulumi.elearning.yaml)", () => {
  let p: Planned;
  let dataKey: string;
  before(async () => {
    p = await planStackFile(FILE);
    assert.equal(p.error, undefined, p.error?.message);
    dataKey = one(p, "aws:kms/key:Key", "codelearn-keys-data").outputs.arn;
  });

  it("plans with no policy violation at all, mandatory or advisory", () => {
    assert.deepEqual(p.violations, []);
  });

  it("records every VPC flow, per minute, to a log group on the logs key kept for the audit retention", () => {
    const flow = one(p, "aws:ec2/flowLog:FlowLog").inputs;
    assert.deepEqual([flow.vpcId, flow.trafficType, flow.maxAggregationInterval, flow.logDestinationType], [p.outputs.vpcId, "ALL", 60, "cloud-watch-logs"]);
    const group = ofType(p, "aws:cloudwatch/logGroup:LogGroup").find((g) => g.outputs.arn === flow.logDestination)!;
    assert.deepEqual([group.inputs.kmsKeyId, group.inputs.retentionInDays], [p.outputs.kmsKeyArns.logs, 400]);
    assert.deepEqual(p.outputs.availabilityZones, ["us-east-1a", "us-east-1b", "us-east-1c"]);
  });

  describe("cluster", () => {
    it("runs the application group on t3.medium on demand, 2 to 10 nodes (3 at creation), resized by the Cluster Autoscaler", () => {
      const { cluster: _cluster, ...group } = one(p, "eks:index:ManagedNodeGroup", "codelearn-cluster-application-nodes").inputs;
      assert.deepEqual([group.instanceTypes, group.capacityType, group.scalingConfig], [["t3.medium"], "ON_DEMAND", { minSize: 2, desiredSize: 3, maxSize: 10 }]);
      assert.deepEqual(ofType(p, "kubernetes:helm.sh/v3:Release").map((r) => r.inputs.name).sort(), ["aws-load-balancer-controller", "cluster-autoscaler"]);
      assert.equal(ofType(p, "kubernetes:karpenter.sh/v1:NodePool").length, 0);
    });

    it("holds every service's pods at 70 % CPU, between 2 and 10 replicas", () => {
      assert.deepEqual(exampleServices(FILE).map((s) => s.name), SERVICES);
      for (const s of SERVICES) assert.deepEqual(podScaling(p, "codelearn", s), [2, 10, 70], s);
    });

    it("reaches RabbitMQ through the broker's secret only: post and group services read it, no role names a queue", () => {
      const messaging = p.outputs.data.secretArns.messaging;
      const readers = SERVICES.filter((s) => grantedResources(p, "codelearn", s).includes(messaging));
      assert.deepEqual(readers, ["post-service", "group-service"]);
      for (const s of SERVICES) {
        const actions = grants(p, "codelearn", s).flatMap((st) => [st.Action].flat());
        assert.ok(!actions.some((a) => a.startsWith("mq:") || a.startsWith("sqs:") || a.startsWith("kafka")), s);
      }
    });

    it("grants uploads to the user and post services only, and no bucket to the gateway", () => {
      const uploads = `arn:aws:s3:::${p.outputs.bucketNames.uploads}`;
      const s3 = (s: string) => grantedResources(p, "codelearn", s).filter((r) => r.startsWith("arn:aws:s3:")).sort();
      for (const s of ["user-service", "post-service"]) assert.deepEqual(s3(s), [uploads, `${uploads}/*`], s);
      for (const s of ["api-gateway", "group-service"]) assert.deepEqual(s3(s), [], s);
    });
  });

  describe("data", () => {
    it("runs PostgreSQL db.t3.medium Multi-AZ on 100 GB gp3 growing to 500 GB, with 7 days of backups and one replica in another AZ", () => {
      const primary = one(p, "aws:rds/instance:Instance", "codelearn-database-primary");
      const db = primary.inputs;
      assert.deepEqual([db.instanceClass, db.multiAz, db.storageType, db.allocatedStorage, db.maxAllocatedStorage, db.backupRetentionPeriod, db.kmsKeyId],
        ["db.t3.medium", true, "gp3", 100, 500, 7, dataKey]);
      const replicas = ofType(p, "aws:rds/instance:Instance").filter((r) => r.inputs.replicateSourceDb);
      assert.deepEqual(replicas.map((r) => [r.inputs.instanceClass, r.inputs.availabilityZone, r.inputs.replicateSourceDb]), [["db.t3.medium", "us-east-1b", primary.outputs.arn]]);
    });

    it("runs Redis OSS 7.1 in cluster mode on cache.t3.medium: 2 shards, each failing over to a replica in another AZ", () => {
      const i = one(p, "aws:elasticache/replicationGroup:ReplicationGroup").inputs;
      assert.deepEqual([i.engine, i.engineVersion, i.nodeType, i.clusterMode, i.numNodeGroups, i.replicasPerNodeGroup, i.automaticFailoverEnabled, i.multiAzEnabled],
        ["redis", "7.1", "cache.t3.medium", "enabled", 2, 1, true, true]);
      assert.deepEqual([i.transitEncryptionEnabled, i.atRestEncryptionEnabled], [true, true]);
    });

    it("runs RabbitMQ on Amazon MQ as a three-node cluster over the AZs, private", () => {
      const b = one(p, "aws:mq/broker:Broker").inputs;
      assert.deepEqual([b.engineType, b.engineVersion, b.hostInstanceType, b.deploymentMode, b.publiclyAccessible], ["RabbitMQ", "4.2", "mq.m7g.large", "CLUSTER_MULTI_AZ", false]);
      assert.deepEqual(b.subnetIds, p.outputs.privateSubnetIds);
    });
  });

  describe("storage", () => {
    it("has the static-assets, backups and uploads buckets and the log bucket, every one versioned", () => {
      assert.deepEqual(Object.keys(p.outputs.bucketNames).sort(), ["backups", "logs", "static-assets", "uploads"]);
      for (const name of Object.keys(p.outputs.bucketNames)) assert.equal(versioning(p, name), "Enabled", name);
    });

    it("replicates backups and uploads to versioned us-west-2 replicas under a us-west-2 key; static assets and logs stay in us-east-1", () => {
      const replicated = ofType(p, "aws:s3/bucketReplicationConfig:BucketReplicationConfig");
      assert.deepEqual(replicated.map((r) => r.inputs.bucket).sort(), [p.outputs.bucketNames.backups, p.outputs.bucketNames.uploads].sort());
      for (const r of replicated) {
        const rule = r.inputs.rules[0];
        const replica = ofType(p, "aws:s3/bucket:Bucket").find((b) => `arn:aws:s3:::${b.inputs.bucket}` === rule.destination.bucket)!;
        assert.equal(replica.provider?.region, "us-west-2");
        assert.equal(ofType(p, "aws:s3/bucketVersioning:BucketVersioning").find((v) => v.inputs.bucket === replica.inputs.bucket)!.inputs.versioningConfiguration.status, "Enabled");
        assert.match(rule.destination.encryptionConfiguration.replicaKmsKeyId, /^arn:aws:kms:us-west-2:/);
        assert.equal(rule.status, "Enabled");
      }
    });

    it("copies every backup recovery point to a vault in us-west-2", () => {
      for (const rule of one(p, "aws:backup/plan:Plan").inputs.rules) {
        assert.deepEqual(rule.copyActions.map((c: any) => c.destinationVaultArn.split(":")[3]), ["us-west-2"], rule.ruleName);
      }
    });

    it("keeps uploads instantly readable (Intelligent-Tiering from day 0) and static assets in Standard", () => {
      assert.deepEqual(transitions(p, "uploads"), [{ days: 0, storageClass: "INTELLIGENT_TIERING" }]);
      assert.deepEqual(transitions(p, "static-assets"), []);
      const sse = bucketPart(p, "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "uploads").inputs.rules[0];
      assert.equal(sse.applyServerSideEncryptionByDefault.kmsMasterKeyId, dataKey);
    });
  });

  describe("edge", () => {
    it("serves static assets from the bucket by default and sends /api/* to the ALB, behind the CLOUDFRONT web ACL on codelearn.example.com", () => {
      const cdn = one(p, "aws:cloudfront/distribution:Distribution").inputs;
      assert.deepEqual(cdn.aliases, ["codelearn.example.com", "www.codelearn.example.com"]);
      assert.equal(cdn.defaultCacheBehavior.targetOriginId, "static");
      assert.deepEqual(cdn.orderedCacheBehaviors.map((b: any) => [b.pathPattern, b.targetOriginId]), [["/api/*", "app"]]);
      const origin = cdn.origins.find((o: any) => o.originId === "static");
      assert.ok(origin.originAccessControlId && origin.domainName.startsWith(`${p.outputs.bucketNames["static-assets"]}.s3.`));
      assert.equal(cdn.webAclId, one(p, "aws:wafv2/webAcl:WebAcl", "codelearn-edge-cf-waf").outputs.arn);
      assert.equal(cdn.viewerCertificate.minimumProtocolVersion, "TLSv1.2_2021");
    });

    it("routes /api/* on the internal ALB's HTTPS listener to the gateway on 8080; the other services are internal", () => {
      assert.deepEqual(listenerRoutes(p), [["/api/*", 8080, "/healthz", "api-gateway"]]);
      const rule = one(p, "aws:lb/listenerRule:ListenerRule").inputs;
      assert.equal(rule.listenerArn, one(p, "aws:lb/listener:Listener", "codelearn-edge-https").outputs.arn);
      assert.deepEqual([one(p, "aws:lb/loadBalancer:LoadBalancer").inputs.internal, one(p, "aws:lb/loadBalancer:LoadBalancer").inputs.enableDeletionProtection], [true, true]);
      const binding = one(p, "kubernetes:elbv2.k8s.aws/v1beta1:TargetGroupBinding").inputs;
      assert.deepEqual([binding.metadata.namespace, binding.spec.serviceRef], ["web", { name: "api-gateway", port: 8080 }]);
    });

    it("puts the regional WAF on the ALB, as the reference asks", () => {
      const association = one(p, "aws:wafv2/webAclAssociation:WebAclAssociation").inputs;
      assert.deepEqual([association.resourceArn, association.webAclArn],
        [one(p, "aws:lb/loadBalancer:LoadBalancer").outputs.arn, one(p, "aws:wafv2/webAcl:WebAcl", "codelearn-edge-alb-waf").outputs.arn]);
      assert.equal(byUrn(p, one(p, "aws:wafv2/webAcl:WebAcl", "codelearn-edge-alb-waf").parent)?.type, "platform:edge:Edge");
    });
  });
});
