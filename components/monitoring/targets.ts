/**
 * What the monitoring tier watches: the other tiers' outputs, never guessed names. Every field is
 * optional because a stack may lack any tier; alarms and dashboard rows exist only for the tiers
 * given here.
 *
 * Generic in the identifier type so the pure modules (catalogue, dashboard) run on plain strings in
 * tests and on resolved values in the program, while the component takes Pulumi inputs.
 */
import type { Input } from "@pulumi/pulumi";

export interface MonitoringTargetsOf<V> {
  /**
   * The EKS cluster, watched through Container Insights (namespace ContainerInsights, dimension
   * ClusterName). Container Insights must be on (the amazon-cloudwatch-observability add-on).
   * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Container-Insights-metrics-EKS.html
   */
  cluster?: {
    clusterName: V;
    /** Node group names, shown on the dashboard header; Container Insights has no node-group dimension. */
    nodeGroupNames?: V[];
  };
  /**
   * The ECS cluster of the ECS engine (`platform:cluster.engine: ecs`) and its services, watched
   * through AWS/ECS (dimension ClusterName, and ServiceName per service) and Container Insights for
   * ECS (namespace ECS/ContainerInsights, which the cluster's containerInsights setting turns on).
   * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/available-metrics.html
   * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Container-Insights-metrics-ECS.html
   */
  ecs?: {
    clusterName: V;
    /**
     * ECS service names (the ServiceName dimension) by the service's name in platform:services, a
     * lowercase DNS label that names the service's alarms (<tier>-<alarm>-<service>).
     */
    serviceNames: Record<string, V>;
  };
  /**
   * The application load balancer: `LoadBalancer` dimension value `app/<name>/<id>` (the ARN suffix),
   * and its target groups (`targetgroup/<name>/<id>`).
   * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html
   */
  alb?: { loadBalancerArnSuffix: V; targetGroupArnSuffixes?: V[] };
  /**
   * RDS instances by DBInstanceIdentifier (primaries and read replicas), with the two numbers the
   * relative thresholds need: max_connections and the allocated storage in GiB.
   * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-metrics.html
   */
  database?: { instanceIds: V[]; replicaInstanceIds: V[]; maxConnections: number; allocatedStorageGiB: number };
  /**
   * A Valkey/Redis replication group; ElastiCache publishes per node, by CacheClusterId, so alarms
   * watch each member cluster. https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/CacheMetrics.Redis.html
   */
  cache?: { replicationGroupId: V; memberClusterIds: V[] };
  /**
   * An MSK cluster: dimensions "Cluster Name" and "Broker ID" (1-based broker numbers).
   * https://docs.aws.amazon.com/msk/latest/developerguide/metrics-details.html
   */
  kafka?: { clusterName: V; brokerIds: number[] };
  /**
   * An Amazon MQ for RabbitMQ broker: dimension Broker (the broker name); for a cluster deployment the
   * broker-level metrics aggregate the three nodes.
   * https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/rabbitmq-logging-monitoring.html
   */
  rabbitmq?: { brokerName: V };
  /**
   * A WAFv2 web ACL. `webAclName` is the web ACL's visibility-config metric name (the WebACL
   * dimension). CloudFront-scope ACLs publish in us-east-1 without a Region dimension; regional ACLs
   * publish in their region with Region=<region>.
   * https://docs.aws.amazon.com/waf/latest/developerguide/waf-metrics.html
   */
  waf?: {
    webAclName: V;
    /** Region the metrics live in: us-east-1 for a CLOUDFRONT-scope ACL. */
    region: string;
    /** The Rule dimension: a rule's metric name, or ALL (default) for the whole web ACL. */
    ruleMetricName?: string;
    /** CLOUDFRONT (default) or REGIONAL; decides whether the Region dimension is present. */
    scope?: "CLOUDFRONT" | "REGIONAL";
  };
  /**
   * The storage tier's buckets by config name, the documents bucket (CloudTrail data events in prod)
   * and the log bucket (CloudTrail delivery, log archive).
   */
  buckets?: {
    names: Record<string, V>;
    documentsBucketArn?: V;
    logsBucket?: { name: V; arn: V };
  };
}

/** The contract the lead wires in stacks/platform.ts. */
export type MonitoringTargets = MonitoringTargetsOf<Input<string>>;
