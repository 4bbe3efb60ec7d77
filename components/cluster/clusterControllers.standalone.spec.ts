/**
 * ClusterControllers on its own, as another team's program would build it: the cluster's name,
 * region and VPC, a Kubernetes provider, the controllers' roles and the data key; the charts and the
 * reclaim policy from CLUSTER_CONTROLLERS_DEFAULTS, Karpenter's pool from CLUSTER_DEFAULTS'
 * application group. Each secure default is read off the recorded objects.
 */
import { strict as assert } from "node:assert";
import * as k8s from "@pulumi/kubernetes";
import { MOCK_ACCOUNT_ID } from "../../offline/ids";
import { Planned, one, ofType } from "../../test/helpers";
import { REGION, standalone } from "../../test/standalone";
import { AutoscalerRelease, ClusterControllers, ClusterControllersArgs } from "./clusterControllers";
import { AUTOSCALER_CHART_VERSIONS, LOAD_BALANCER_CONTROLLER_CHART_VERSION } from "./presets";

const DATA_KEY = `arn:aws:kms:${REGION}:${MOCK_ACCOUNT_ID}:key/data`;
const role = (r: string) => `arn:aws:iam::${MOCK_ACCOUNT_ID}:role/orders-cluster-irsa-${r}-abc1234`;
const KARPENTER: AutoscalerRelease = {
  kind: "karpenter", roleArn: role("karpenter"), interruptionQueueName: "orders-karpenter-interruptions", nodeRoleName: "orders-karpenter-node",
  privateSubnetIds: ["subnet-p1", "subnet-p2", "subnet-p3"], nodeSecurityGroupId: "sg-0123456789abcdef0",
};

const run = (over: Partial<ClusterControllersArgs> = {}) => standalone((opts) => {
  const provider = new k8s.Provider("orders-k8s", { kubeconfig: "{}" });
  new ClusterControllers("orders-cluster", {
    clusterName: "orders", region: REGION, vpcId: "vpc-0123456789abcdef0", provider,
    loadBalancerController: { roleArn: role("lbc") }, autoscaler: { kind: "cluster-autoscaler", roleArn: role("autoscaler") }, storageClass: { dataKeyArn: DATA_KEY },
    ...over,
  }, opts);
});

const release = (p: Planned, name: string) => ofType(p, "kubernetes:helm.sh/v3:Release").find((r) => r.inputs.name === name)!.inputs;

describe("ClusterControllers standalone", () => {
  let p: Planned;
  before(async () => {
    p = await run();
    assert.equal(p.error, undefined, p.error?.message);
  });

  it("makes the default StorageClass encrypted gp3 under the given key, retaining volumes after their claims", () => {
    const sc = one(p, "kubernetes:storage.k8s.io/v1:StorageClass").inputs;
    assert.deepEqual(sc.parameters, { type: "gp3", encrypted: "true", kmsKeyId: DATA_KEY });
    assert.deepEqual([sc.provisioner, sc.reclaimPolicy, sc.volumeBindingMode], ["ebs.csi.aws.com", "Retain", "WaitForFirstConsumer"]);
    assert.equal(sc.metadata.annotations["storageclass.kubernetes.io/is-default-class"], "true");
  });

  it("installs the load balancer controller at its pinned chart, two replicas on the system nodes, bound to its role", () => {
    const lbc = release(p, "aws-load-balancer-controller");
    assert.deepEqual([lbc.version, lbc.values.replicaCount, lbc.values.region, lbc.values.clusterName], [LOAD_BALANCER_CONTROLLER_CHART_VERSION, 2, REGION, "orders"]);
    assert.equal(lbc.values.serviceAccount.annotations["eks.amazonaws.com/role-arn"], role("lbc"));
    assert.deepEqual(lbc.values.tolerations, [{ key: "CriticalAddonsOnly", operator: "Exists", effect: "NoSchedule" }]);
  });

  it("installs the Cluster Autoscaler at its pinned chart, balancing node groups across AZs, bound to its role", () => {
    const ca = release(p, "cluster-autoscaler");
    assert.equal(ca.version, AUTOSCALER_CHART_VERSIONS["cluster-autoscaler"]);
    assert.equal(ca.values.rbac.serviceAccount.annotations["eks.amazonaws.com/role-arn"], role("autoscaler"));
    assert.equal(ca.values.extraArgs["balance-similar-node-groups"], true);
  });

  it("with Karpenter named by kind alone: its pinned chart, IMDSv2 and encrypted nodes, an on-demand amd64 t3 pool of 80 vCPUs", async () => {
    const k = await run({ autoscaler: KARPENTER });
    assert.equal(k.error, undefined, k.error?.message);
    assert.equal(release(k, "karpenter").version, AUTOSCALER_CHART_VERSIONS.karpenter);
    const nodeClass = one(k, "kubernetes:karpenter.k8s.aws/v1:EC2NodeClass").inputs.spec;
    const pool = one(k, "kubernetes:karpenter.sh/v1:NodePool").inputs.spec;
    assert.equal(nodeClass.metadataOptions.httpTokens, "required");
    assert.deepEqual([nodeClass.blockDeviceMappings[0].ebs.encrypted, nodeClass.blockDeviceMappings[0].ebs.kmsKeyID, nodeClass.blockDeviceMappings[0].ebs.volumeSize], [true, DATA_KEY, "50Gi"]);
    const values = Object.fromEntries(pool.template.spec.requirements.map((r: { key: string; values: string[] }) => [r.key, r.values]));
    assert.deepEqual([values["karpenter.sh/capacity-type"], values["karpenter.k8s.aws/instance-family"], values["kubernetes.io/arch"], pool.limits.cpu], [["on-demand"], ["t3"], ["amd64"], "80"]);
  });

  it("deletes volumes with their claims only when told to", async () => {
    const dev = await run({ storageClass: { dataKeyArn: DATA_KEY, retainVolumes: false } });
    assert.equal(one(dev, "kubernetes:storage.k8s.io/v1:StorageClass").inputs.reclaimPolicy, "Delete");
  });

  it("refuses a floating chart version and a Karpenter pool EBS or Karpenter would reject, before any object", async () => {
    const bad = await run({ loadBalancerController: { roleArn: role("lbc"), chartVersion: "latest" }, autoscaler: { ...KARPENTER, diskSizeGiB: 10, instanceFamilies: [] } });
    const fields = [...bad.error!.message.matchAll(/(?:^orders-cluster: |; )([\w.[\]]+): got/g)].map((m) => m[1]);
    assert.deepEqual(fields, ["loadBalancerController.chartVersion", "autoscaler.instanceFamilies", "autoscaler.diskSizeGiB"]);
    assert.equal(bad.resources.filter((r) => r.type.startsWith("kubernetes:")).length, 0);
  });
});
