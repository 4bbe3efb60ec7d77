/**
 * Karpenter, when config chooses it over the Cluster Autoscaler. Its AWS half, created with the
 * cluster: the controller role (scoped to this cluster), a node role with its own access entry, the
 * interruption queue and its EventBridge rules. Its Kubernetes half, created through the API by the
 * ClusterControllers component: the Helm release, and one EC2NodeClass and NodePool with the same
 * node guarantees as the managed groups (IMDSv2 with hop limit 2, encrypted gp3 root volume, private
 * subnets, the cluster security group). https://karpenter.sh/docs/getting-started/getting-started-with-karpenter/
 */
import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { policyDocument } from "../iam/policyDocument";
import { after } from "../childOptions";
import { childName } from "../naming";
import { tierTags } from "../tags";
import { karpenterControllerPolicy } from "./controllerPolicies";
import { CONTROLLER_SERVICE_ACCOUNTS, CRITICAL_TOLERATION, ControllerRoleInput, ReleaseInput } from "./controllers";
import { ROLE_ARN_ANNOTATION } from "./irsa";
import { METADATA_OPTIONS, ROOT_DEVICE } from "./nodeGroups";
import { irsaRole, nodeRole } from "./roles";
import { CHARTS } from "./versions";

export interface KarpenterRolesInput extends ControllerRoleInput {
  dataKeyArn: pulumi.Input<string>;
}

/** The AWS half's outputs, which the Kubernetes half is configured with. */
export interface KarpenterAws {
  controllerRoleArn: pulumi.Output<string>;
  interruptionQueueName: pulumi.Output<string>;
  nodeRoleName: pulumi.Output<string>;
  /** Everything the release and the node class must wait for in a single program. */
  resources: pulumi.Resource[];
}

export interface KarpenterInput extends ReleaseInput {
  chartVersion: string;
  dataKeyArn: pulumi.Input<string>;
  interruptionQueueName: pulumi.Input<string>;
  nodeRoleName: pulumi.Input<string>;
  privateSubnetIds: pulumi.Input<string[]>;
  nodeSecurityGroupId: pulumi.Input<string>;
  /**
   * Instance families the NodePool may launch (c5 for c5.2xlarge): the application node group's,
   * so Karpenter's extra nodes are the kind the stack sized and the policy pack's allowed families
   * cover. Without it Karpenter would pick any type its arch and capacity type allow.
   */
  instanceFamilies: string[];
  /** kubernetes.io/arch values of those types (amd64, arm64): the architecture the group's images are built for. */
  architectures: string[];
  /** Spot allowed (dev only), root volume size, and the vCPU ceiling of the pool. */
  spot: boolean;
  diskSizeGiB: number;
  cpuLimit: number;
}

/** EC2 events Karpenter drains nodes ahead of. https://karpenter.sh/docs/concepts/disruption/#interruption */
const INTERRUPTION_EVENTS = [
  ["health", { source: ["aws.health"], "detail-type": ["AWS Health Event"] }],
  ["spot", { source: ["aws.ec2"], "detail-type": ["EC2 Spot Instance Interruption Warning"] }],
  ["rebalance", { source: ["aws.ec2"], "detail-type": ["EC2 Instance Rebalance Recommendation"] }],
  ["state", { source: ["aws.ec2"], "detail-type": ["EC2 Instance State-change Notification"] }],
] as const;

function interruptionQueue(parentName: string, parent: pulumi.Resource): aws.sqs.Queue {
  const queue = new aws.sqs.Queue(childName(parentName, "karpenter-interruptions"), { messageRetentionSeconds: 300, sqsManagedSseEnabled: true, tags: tierTags("cluster") }, { parent });
  new aws.sqs.QueuePolicy(childName(parentName, "karpenter-interruptions"), {
    queueUrl: queue.url,
    policy: queue.arn.apply((arn) => JSON.stringify(policyDocument({ Sid: "EventBridge", Effect: "Allow", Principal: { Service: ["events.amazonaws.com", "sqs.amazonaws.com"] }, Action: "sqs:SendMessage", Resource: arn }))),
  }, { parent });
  for (const [role, pattern] of INTERRUPTION_EVENTS) {
    const rule = new aws.cloudwatch.EventRule(childName(parentName, `karpenter-${role}`), { eventPattern: JSON.stringify(pattern), tags: tierTags("cluster") }, { parent });
    new aws.cloudwatch.EventTarget(childName(parentName, `karpenter-${role}`), { rule: rule.name, arn: queue.arn }, { parent });
  }
  return queue;
}

function nodeClass(parentName: string, input: KarpenterInput, release: pulumi.Resource): k8s.apiextensions.CustomResource {
  return new k8s.apiextensions.CustomResource(childName(parentName, "karpenter-nodeclass"), {
    apiVersion: "karpenter.k8s.aws/v1",
    kind: "EC2NodeClass",
    metadata: { name: "default" },
    spec: {
      role: input.nodeRoleName,
      amiSelectorTerms: [{ alias: "al2023@latest" }],
      subnetSelectorTerms: pulumi.output(input.privateSubnetIds).apply((ids) => ids.map((id) => ({ id }))),
      securityGroupSelectorTerms: [{ id: input.nodeSecurityGroupId }],
      metadataOptions: { httpEndpoint: METADATA_OPTIONS.httpEndpoint, httpTokens: METADATA_OPTIONS.httpTokens, httpPutResponseHopLimit: METADATA_OPTIONS.httpPutResponseHopLimit, httpProtocolIPv6: "disabled" },
      blockDeviceMappings: [{ deviceName: ROOT_DEVICE, ebs: { volumeSize: `${input.diskSizeGiB}Gi`, volumeType: "gp3", encrypted: true, kmsKeyID: input.dataKeyArn, deleteOnTermination: true } }],
      tags: tierTags("cluster", { NodeGroup: "karpenter" }),
    },
  }, after(input.opts, release));
}

/** The AWS half: interruption queue, node role and its access entry, controller role. */
export function karpenterAws(parentName: string, input: KarpenterRolesInput, parent: pulumi.Resource): KarpenterAws {
  const queue = interruptionQueue(parentName, parent);
  const nodes = nodeRole(parentName, "karpenter-node", input.partition, parent);
  // Nodes Karpenter launches join through an access entry of their own (managed groups get theirs from EKS).
  const entry = new aws.eks.AccessEntry(childName(parentName, "karpenter-node"), { clusterName: input.clusterName, principalArn: nodes.role.arn, type: "EC2_LINUX", tags: tierTags("cluster") }, { parent });
  const policy = pulumi.all([nodes.role.arn, queue.arn, input.dataKeyArn, input.partition, input.region, input.accountId]).apply(([nodeRoleArn, interruptionQueueArn, dataKeyArn, partition, region, accountId]) =>
    karpenterControllerPolicy({ partition, region, accountId, clusterName: input.clusterName, nodeRoleArn, interruptionQueueArn, dataKeyArn }));
  const controller = irsaRole(parentName, "irsa-karpenter", CONTROLLER_SERVICE_ACCOUNTS.karpenter, input.oidc, { policy, partition: input.partition }, parent);
  return {
    controllerRoleArn: controller.role.arn,
    interruptionQueueName: queue.name,
    nodeRoleName: nodes.role.name,
    resources: [queue, entry, ...nodes.resources, ...controller.resources],
  };
}

/** The Kubernetes half: the release, then the node class, then the pool that names it. */
export function karpenterKubernetes(parentName: string, input: KarpenterInput): pulumi.Resource[] {
  const sa = CONTROLLER_SERVICE_ACCOUNTS.karpenter;
  const release = new k8s.helm.v3.Release(childName(parentName, "karpenter"), {
    name: "karpenter",
    chart: CHARTS.karpenter.chart,
    version: input.chartVersion,
    namespace: sa.namespace,
    values: {
      settings: { clusterName: input.clusterName, interruptionQueue: input.interruptionQueueName },
      serviceAccount: { create: true, name: sa.name, annotations: { [ROLE_ARN_ANNOTATION]: input.roleArn } },
      tolerations: [CRITICAL_TOLERATION],
    },
  }, input.opts);
  const cls = nodeClass(parentName, input, release);
  const pool = new k8s.apiextensions.CustomResource(childName(parentName, "karpenter-nodepool"), {
    apiVersion: "karpenter.sh/v1",
    kind: "NodePool",
    metadata: { name: "default" },
    spec: {
      template: {
        spec: {
          nodeClassRef: { group: "karpenter.k8s.aws", kind: "EC2NodeClass", name: "default" },
          requirements: [
            { key: "karpenter.sh/capacity-type", operator: "In", values: input.spot ? ["spot", "on-demand"] : ["on-demand"] },
            { key: "karpenter.k8s.aws/instance-family", operator: "In", values: input.instanceFamilies },
            { key: "kubernetes.io/arch", operator: "In", values: input.architectures },
            { key: "kubernetes.io/os", operator: "In", values: ["linux"] },
          ],
          expireAfter: "720h",
        },
      },
      limits: { cpu: String(input.cpuLimit) },
      disruption: { consolidationPolicy: "WhenEmptyOrUnderutilized", consolidateAfter: "1m" },
    },
  }, after(input.opts, cls));
  return [release, cls, pool];
}
