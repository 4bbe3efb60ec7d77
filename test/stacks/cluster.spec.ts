/**
 * The cluster tier as the dev and prod stacks build it, asserted property by property.
 */
import { strict as assert } from "node:assert";
import { join } from "node:path";
import { loadBalancerControllerPolicy } from "../../components/cluster/controllerPolicies";
import { SUPPORTED_KUBERNETES_VERSIONS } from "../../components/cluster/versions";
import { readStackFile } from "../../offline/stackFile";
import type { RecordedResource } from "../../offline/recorder";
import { Planned, PlannedDeployment, ROOT, byUrn, mandatory, ofType, one, planStackFile } from "../helpers";

const EKS = "eks:index:Cluster";
const MNG = "eks:index:ManagedNodeGroup";
const LT = "aws:ec2/launchTemplate:LaunchTemplate";
const ADDON = "aws:eks/addon:Addon";
const ROLE = "aws:iam/role:Role";
const SERVICES = ["user-service", "search-service", "content-service", "ai-service", "analytics-service", "notification-service", "frontend"];
const NAMESPACES: Record<string, string> = { "user-service": "core", "search-service": "search", "content-service": "core", "ai-service": "ai", "analytics-service": "analytics", "notification-service": "core", frontend: "web" };

const trust = (role: RecordedResource) => JSON.parse(role.inputs.assumeRolePolicy).Statement[0];
const dataKey = (p: Planned) => one(p, "aws:kms/key:Key", "medsearch-keys-data").outputs.arn;
const logsKey = (p: Planned) => one(p, "aws:kms/key:Key", "medsearch-keys-logs").outputs.arn;
const privateSubnets = (p: Planned) => one(p, "awsx:ec2:Vpc").outputs.privateSubnetIds;
const subject = (role: RecordedResource) => Object.entries(trust(role).Condition.StringEquals).find(([k]) => k.endsWith(":sub"))?.[1];

for (const stack of ["dev", "prod"] as const) {
  const prod = stack === "prod";
  describe(`cluster tier (${stack})`, () => {
    let p: PlannedDeployment;
    before(async () => {
      p = await planStackFile(`Pulumi.${stack}.yaml`);
      assert.equal(p.error, undefined, p.error?.message);
    });

    it("plans with zero mandatory policy violations", () => {
      assert.deepEqual(mandatory(p), []);
    });

    it("runs a Kubernetes version in standard support, with upgrade policy STANDARD and API access entries", () => {
      const c = one(p, EKS).inputs;
      assert.equal(c.name, `medsearch-${stack}`);
      assert.ok(SUPPORTED_KUBERNETES_VERSIONS.includes(c.version), c.version);
      assert.deepEqual(c.upgradePolicy, { supportType: "STANDARD" });
      assert.equal(c.authenticationMode, "API");
    });

    it("envelope-encrypts secrets with the data key and logs all five control-plane log types", () => {
      const c = one(p, EKS).inputs;
      assert.equal(c.encryptionConfigKeyArn, dataKey(p));
      assert.deepEqual(c.enabledClusterLogTypes, ["api", "audit", "authenticator", "controllerManager", "scheduler"]);
    });

    it("creates the control-plane log group first, encrypted with the logs key and kept for the audit retention", () => {
      const group = one(p, "aws:cloudwatch/logGroup:LogGroup", "medsearch-cluster-control-plane");
      assert.equal(group.inputs.name, `/aws/eks/medsearch-${stack}/cluster`);
      assert.equal(group.inputs.kmsKeyId, logsKey(p));
      assert.equal(group.inputs.retentionInDays, prod ? 400 : 7);
      assert.ok(one(p, EKS).dependencies.includes(group.urn));
    });

    it("keeps the API endpoint private, with an OIDC provider for IRSA", () => {
      const c = one(p, EKS).inputs;
      assert.equal(c.endpointPrivateAccess, true);
      assert.equal(c.endpointPublicAccess, false);
      assert.equal(c.publicAccessCidrs, undefined);
      assert.equal(c.createOidcProvider, true);
      assert.equal(c.deletionProtection, prod);
    });

    it("puts the cluster in the private subnets only, with no default node group or component-made security groups", () => {
      const c = one(p, EKS).inputs;
      assert.deepEqual(c.privateSubnetIds, privateSubnets(p));
      assert.equal(c.publicSubnetIds, undefined);
      assert.equal(c.vpcId, one(p, "awsx:ec2:Vpc").outputs.vpcId);
      assert.equal(c.skipDefaultNodeGroup, true);
      assert.equal(c.skipDefaultSecurityGroups, true);
    });

    it("hands @pulumi/eks the stack's aws provider", () => {
      for (const r of [...ofType(p, EKS), ...ofType(p, MNG)]) assert.equal(r.provider?.urn, one(p, "pulumi:providers:aws", "medsearch").urn, r.name);
    });

    it("lets the component manage vpc-cni (network policy on) and kube-proxy at pinned builds, but not CoreDNS", () => {
      const c = one(p, EKS).inputs;
      assert.equal(c.useDefaultVpcCni, false);
      assert.equal(c.vpcCniOptions.enableNetworkPolicy, true);
      assert.match(c.vpcCniOptions.addonVersion, /^v\d+\.\d+\.\d+-eksbuild\.\d+$/);
      assert.match(c.kubeProxyAddonOptions.version, /^v1\.35\.\d+-eksbuild\.\d+$/);
      assert.equal(c.corednsAddonOptions.enabled, false);
    });

    it("runs an application group, and in prod a system group for the add-ons (no GPU group by default), across every AZ's private subnet", () => {
      const groups = ofType(p, MNG);
      // dev runs the critical add-ons beside the services (nodeGroups.system.enabled false, a cost lever).
      assert.deepEqual(groups.map((g) => g.name).sort(), prod ? ["medsearch-cluster-application-nodes", "medsearch-cluster-system-nodes"] : ["medsearch-cluster-application-nodes"]);
      for (const g of groups) {
        assert.deepEqual(g.inputs.subnetIds, privateSubnets(p));
        assert.equal(g.inputs.subnetIds.length, prod ? 3 : 2);
        // dev's application nodes are Graviton (a cost lever, docs/cost.md): the ARM_64 AMI.
        assert.equal(g.inputs.amiType, prod ? "AL2023_x86_64_STANDARD" : "AL2023_ARM_64_STANDARD");
        assert.equal(g.inputs.nodeRoleArn, one(p, ROLE, "medsearch-cluster-node").outputs.arn);
        assert.equal(g.inputs.ignoreScalingChanges, true);
      }
    });

    it("taints prod's system group for critical add-ons and sizes the groups per profile, Spot only in dev", () => {
      const app = one(p, MNG, "medsearch-cluster-application-nodes").inputs;
      assert.equal(app.capacityType, prod ? "ON_DEMAND" : "SPOT");
      assert.deepEqual(app.scalingConfig, prod ? { minSize: 3, desiredSize: 3, maxSize: 10 } : { minSize: 1, desiredSize: 2, maxSize: 4 });
      assert.deepEqual(app.instanceTypes, prod ? ["t3.large"] : ["t4g.large", "m6g.large"]);
      if (!prod) return;
      const system = one(p, MNG, "medsearch-cluster-system-nodes").inputs;
      assert.deepEqual(system.taints, [{ key: "CriticalAddonsOnly", value: "true", effect: "NO_SCHEDULE" }]);
      assert.deepEqual([system.instanceTypes, system.capacityType], [["t3.medium"], "ON_DEMAND"]);
      assert.deepEqual(system.scalingConfig, { minSize: 3, desiredSize: 3, maxSize: 4 });
    });

    it("gives every group its own launch template: IMDSv2 only with hop limit 2, encrypted gp3 root volume on the data key", () => {
      for (const g of ofType(p, MNG)) {
        const lt = ofType(p, LT).find((t) => t.outputs.id === g.inputs.launchTemplate.id)!;
        assert.ok(lt, g.name);
        assert.equal(g.inputs.launchTemplate.version, "1");
        assert.deepEqual(lt.inputs.metadataOptions, { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 2, instanceMetadataTags: "disabled" });
        assert.deepEqual(lt.inputs.blockDeviceMappings, [{ deviceName: "/dev/xvda", ebs: { volumeSize: g.name.includes("system") ? 20 : prod ? 50 : 30, volumeType: "gp3", encrypted: "true", kmsKeyId: dataKey(p), deleteOnTermination: "true" } }]);
        assert.equal(lt.inputs.imageId, undefined);
        assert.equal(lt.inputs.vpcSecurityGroupIds, undefined);
      }
    });

    it("lets the Auto Scaling service-linked role use the data key for node volumes", () => {
      const grant = one(p, "aws:kms/grant:Grant");
      assert.equal(grant.inputs.keyId, dataKey(p));
      assert.equal(grant.inputs.granteePrincipal, "arn:aws:iam::123456789012:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling");
      for (const g of ofType(p, MNG)) assert.ok(g.dependencies.includes(grant.urn));
    });

    it("creates CoreDNS and the other deployment add-ons after the node groups, at the EKS default builds", () => {
      const addons = ofType(p, ADDON);
      assert.deepEqual(addons.map((a) => a.inputs.addonName).sort(), ["amazon-cloudwatch-observability", "aws-ebs-csi-driver", "coredns", "metrics-server"]);
      const groups = ofType(p, MNG).map((g) => g.urn);
      for (const a of addons) {
        assert.equal(a.inputs.clusterName, `medsearch-${stack}`);
        assert.match(a.inputs.addonVersion, /^v\d+\.\d+\.\d+-eksbuild\.\d+$/);
        for (const g of groups) assert.ok(a.dependencies.includes(g), `${a.name} waits for ${g}`);
      }
    });

    it("binds the EBS CSI driver and Container Insights to their own IRSA roles", () => {
      const ebs = one(p, ADDON, "medsearch-cluster-aws-ebs-csi-driver");
      const ebsRole = one(p, ROLE, "medsearch-cluster-irsa-ebs-csi");
      assert.equal(ebs.inputs.serviceAccountRoleArn, ebsRole.outputs.arn);
      assert.equal(subject(ebsRole), "system:serviceaccount:kube-system:ebs-csi-controller-sa");
      const cw = one(p, ADDON, "medsearch-cluster-amazon-cloudwatch-observability");
      assert.equal(subject(one(p, ROLE, "medsearch-cluster-irsa-cloudwatch")), "system:serviceaccount:amazon-cloudwatch:cloudwatch-agent");
      assert.equal(cw.inputs.serviceAccountRoleArn, one(p, ROLE, "medsearch-cluster-irsa-cloudwatch").outputs.arn);
    });

    it("pre-creates the Container Insights log groups, encrypted and expiring", () => {
      const groups = ofType(p, "aws:cloudwatch/logGroup:LogGroup").filter((g) => String(g.inputs.name ?? "").startsWith("/aws/containerinsights/"));
      assert.deepEqual(groups.map((g) => g.inputs.name).sort(), ["application", "dataplane", "host", "performance"].map((g) => `/aws/containerinsights/medsearch-${stack}/${g}`));
      for (const g of groups) {
        assert.equal(g.inputs.kmsKeyId, logsKey(p));
        assert.equal(g.inputs.retentionInDays, prod ? 90 : 7);
      }
    });

    it("builds its Kubernetes provider from the cluster's kubeconfig, kept secret, and uses it for every Kubernetes resource", () => {
      const provider = one(p, "pulumi:providers:kubernetes");
      const secret = provider.inputs.kubeconfig;
      assert.equal(typeof secret.value, "string", "the kubeconfig is a secret");
      assert.equal(JSON.parse(secret.value).clusters[0].cluster.server.endsWith(".eks.amazonaws.com"), true);
      for (const r of p.resources.filter((x) => x.type.startsWith("kubernetes:"))) assert.equal(r.provider?.urn, provider.urn, r.name);
    });

    it("installs the AWS Load Balancer Controller with an IRSA role holding exactly the controller's documented policy", () => {
      const release = one(p, "kubernetes:helm.sh/v3:Release", "medsearch-cluster-lbc");
      const role = one(p, ROLE, "medsearch-cluster-irsa-lbc");
      assert.equal(release.inputs.chart, "aws-load-balancer-controller");
      assert.equal(release.inputs.version, "1.14.1");
      assert.equal(release.inputs.values.clusterName, `medsearch-${stack}`);
      assert.equal(release.inputs.values.serviceAccount.annotations["eks.amazonaws.com/role-arn"], role.outputs.arn);
      assert.equal(subject(role), "system:serviceaccount:kube-system:aws-load-balancer-controller");
      assert.deepEqual(JSON.parse(one(p, "aws:iam/rolePolicy:RolePolicy", "medsearch-cluster-irsa-lbc").inputs.policy), loadBalancerControllerPolicy());
    });

    it("installs the Cluster Autoscaler, allowed to resize only this cluster's node groups", () => {
      const release = one(p, "kubernetes:helm.sh/v3:Release", "medsearch-cluster-autoscaler");
      assert.equal(release.inputs.values.autoDiscovery.clusterName, `medsearch-${stack}`);
      const policy = JSON.parse(one(p, "aws:iam/rolePolicy:RolePolicy", "medsearch-cluster-irsa-autoscaler").inputs.policy);
      const scale = policy.Statement.find((s: any) => s.Action.includes("autoscaling:SetDesiredCapacity"));
      assert.deepEqual(scale.Condition.StringEquals, { [`aws:ResourceTag/k8s.io/cluster-autoscaler/medsearch-${stack}`]: "owned" });
      assert.deepEqual(ofType(p, "aws:sqs/queue:Queue"), []);
    });

    it("makes an encrypted gp3 StorageClass the default", () => {
      const sc = one(p, "kubernetes:storage.k8s.io/v1:StorageClass");
      assert.deepEqual(sc.inputs.parameters, { type: "gp3", encrypted: "true", kmsKeyId: dataKey(p) });
      assert.equal(sc.inputs.metadata.annotations["storageclass.kubernetes.io/is-default-class"], "true");
      assert.equal(sc.inputs.reclaimPolicy, prod ? "Retain" : "Delete");
    });

    it("gives each workload group a namespace with the restricted Pod Security Standard and default-deny network policies", () => {
      const namespaces = ofType(p, "kubernetes:core/v1:Namespace");
      assert.deepEqual(namespaces.map((n) => n.inputs.metadata.name).sort(), ["ai", "analytics", "core", "search", "web"]);
      const policies = ofType(p, "kubernetes:networking.k8s.io/v1:NetworkPolicy");
      for (const ns of namespaces) {
        const name = ns.inputs.metadata.name;
        for (const mode of ["enforce", "audit", "warn"]) assert.equal(ns.inputs.metadata.labels[`pod-security.kubernetes.io/${mode}`], "restricted");
        const deny = policies.find((np) => np.inputs.metadata.namespace === name && np.inputs.metadata.name === "default-deny-all")!;
        assert.deepEqual(deny.inputs.spec, { podSelector: {}, policyTypes: ["Ingress", "Egress"] });
        const dns = policies.find((np) => np.inputs.metadata.namespace === name && np.inputs.metadata.name === "allow-dns-egress")!;
        assert.deepEqual(dns.inputs.spec.egress[0].ports, [{ protocol: "UDP", port: 53 }, { protocol: "TCP", port: 53 }]);
      }
    });

    it("gives each of the seven services an ECR repository: scanned on push, KMS-encrypted, expiring, immutable in prod", () => {
      const repos = ofType(p, "aws:ecr/repository:Repository");
      assert.deepEqual(repos.map((r) => r.inputs.name).sort(), SERVICES.map((s) => `medsearch-${stack}/${s}`).sort());
      const lifecycles = ofType(p, "aws:ecr/lifecyclePolicy:LifecyclePolicy");
      for (const r of repos) {
        assert.deepEqual(r.inputs.imageScanningConfiguration, { scanOnPush: true });
        assert.equal(r.inputs.imageTagMutability, prod ? "IMMUTABLE" : "MUTABLE");
        assert.deepEqual(r.inputs.encryptionConfigurations, [{ encryptionType: "KMS", kmsKey: dataKey(p) }]);
        const lc = lifecycles.find((l) => l.inputs.repository === r.inputs.name)!;
        assert.deepEqual(JSON.parse(lc.inputs.policy).rules.map((x: any) => x.selection.tagStatus), ["untagged", "any"]);
      }
    });

    it("gives each service an IRSA role only its own service account can assume, naming exactly the buckets and secrets it uses", () => {
      const svcs = JSON.parse(readStackFile(join(ROOT, `Pulumi.${stack}.yaml`))["platform:services"]);
      for (const svc of svcs) {
        const s = svc.name as string;
        const role = one(p, ROLE, `medsearch-workloads-svc-${s}`);
        assert.equal(trust(role).Principal.Federated, p.outputs.cluster.oidcProviderArn);
        assert.equal(subject(role), `system:serviceaccount:${NAMESPACES[s]}:${s}`);
        const sa = one(p, "kubernetes:core/v1:ServiceAccount", `medsearch-workloads-sa-${s}`);
        assert.equal(sa.inputs.metadata.namespace, NAMESPACES[s]);
        assert.equal(sa.inputs.metadata.annotations["eks.amazonaws.com/role-arn"], role.outputs.arn);
        const policies = ofType(p, "aws:iam/rolePolicy:RolePolicy").filter((rp) => rp.name === `medsearch-workloads-svc-${s}`);
        const granted = policies.flatMap((rp) => JSON.parse(rp.inputs.policy).Statement.flatMap((st: any) => [st.Resource].flat()));
        const bucketArns = [...new Set(granted.filter((r: string) => r.startsWith("arn:aws:s3:::")).map((r: string) => r.replace(/\/\*$/, "")))].sort();
        const secretArns = granted.filter((r: string) => r.startsWith("arn:aws:secretsmanager:")).sort();
        assert.deepEqual(bucketArns, svc.buckets.map((b: any) => `arn:aws:s3:::${p.outputs.bucketNames[b.name]}`).sort(), `${s} buckets`);
        assert.deepEqual(secretArns, svc.secrets.map((n: string) => p.outputs.data.secretArns[n]).sort(), `${s} secrets`);
        assert.equal(policies.length, svc.buckets.length + svc.secrets.length > 0 ? 1 : 0, `${s}: a role with nothing to touch has no policy`);
      }
    });

    it("scales each service's pods with an HPA between its configured replica bounds", () => {
      const svcs = JSON.parse(readStackFile(join(ROOT, `Pulumi.${stack}.yaml`))["platform:services"]);
      for (const s of svcs) {
        const hpa = one(p, "kubernetes:autoscaling/v2:HorizontalPodAutoscaler", `medsearch-workloads-hpa-${s.name}`).inputs;
        assert.equal(hpa.metadata.namespace, s.namespace);
        assert.deepEqual(hpa.spec.scaleTargetRef, { apiVersion: "apps/v1", kind: "Deployment", name: s.name });
        assert.deepEqual([hpa.spec.minReplicas, hpa.spec.maxReplicas], [s.replicas.min, s.replicas.max]);
        assert.equal(hpa.spec.minReplicas, prod ? 2 : 1);
      }
    });

    it("writes no IAM policy with a wildcard action", () => {
      for (const rp of ofType(p, "aws:iam/rolePolicy:RolePolicy")) {
        for (const st of JSON.parse(rp.inputs.policy).Statement) for (const a of [st.Action].flat()) assert.ok(!a.includes("*"), `${rp.name}: ${a}`);
      }
    });

    it("exports the EKS cluster security group as the node group, since EKS puts it on managed nodes", () => {
      const out = p.outputs.cluster;
      const eks = one(p, EKS).outputs;
      assert.equal(out.clusterName, `medsearch-${stack}`);
      assert.equal(out.nodeSecurityGroupId, eks.clusterSecurityGroupId);
      assert.equal(out.nodeSecurityGroupId, eks.nodeSecurityGroupId);
      assert.equal(out.oidcProviderArn, eks.oidcProviderArn);
      assert.match(out.oidcProviderUrl, /^https:\/\/oidc\.eks\.us-west-2\.amazonaws\.com\/id\/[0-9A-F]{32}$/);
    });

    it("parents AWS resources to Cluster and Workloads (AWS step), Kubernetes objects to ClusterControllers and KubernetesWorkloads (Kubernetes step)", () => {
      const parentType = (r: RecordedResource) => byUrn(p, r.parent)?.type;
      // The edge's TargetGroupBindings are Kubernetes objects too, but belong to the edge tier.
      const tier = p.resources.filter((r) => !r.name.startsWith("medsearch-edge-"));
      const awsSide = tier.filter((r) => r.type.startsWith("eks:") || r.type.startsWith("aws:ecr") || r.type === LT || r.type === ADDON);
      const k8sSide = tier.filter((r) => r.type.startsWith("kubernetes:"));
      assert.ok(awsSide.length > 0 && k8sSide.length > 0);
      for (const r of awsSide) assert.equal(parentType(r), r.type.startsWith("aws:ecr") ? "platform:cluster:Workloads" : "platform:cluster:Cluster", r.name);
      const perService = ["kubernetes:core/v1:ServiceAccount", "kubernetes:autoscaling/v2:HorizontalPodAutoscaler", "kubernetes:core/v1:Namespace", "kubernetes:networking.k8s.io/v1:NetworkPolicy"];
      for (const r of k8sSide) assert.equal(parentType(r), perService.includes(r.type) ? "platform:cluster:KubernetesWorkloads" : "platform:cluster:ClusterControllers", r.name);
      assert.deepEqual(p.steps.aws.resources.filter((r) => r.type.startsWith("kubernetes:")), [], "the AWS step creates no Kubernetes object");
    });
  });
}

describe("cluster tier: stack files", () => {
  it("list the reference system's seven services with the buckets and secrets each uses, and prod runs at least two replicas each", () => {
    // From the reference document's microservices: which store each service reads or writes.
    const uses: Record<string, [string[], string[]]> = {
      "user-service": [[], ["database", "cache"]],
      "search-service": [["documents:read"], ["database", "cache"]],
      "content-service": [["documents:readwrite"], ["database"]],
      "ai-service": [["ml-artifacts:read", "documents:read"], ["cache"]],
      "analytics-service": [[], ["database"]],
      "notification-service": [[], ["cache"]],
      frontend: [[], []],
    };
    for (const stack of ["dev", "prod"]) {
      const services = JSON.parse(readStackFile(join(ROOT, `Pulumi.${stack}.yaml`))["platform:services"]);
      assert.deepEqual(services.map((s: any) => s.name), SERVICES);
      for (const s of services) {
        assert.deepEqual([s.buckets.map((b: any) => `${b.name}:${b.access}`), s.secrets, s.queues], [...uses[s.name], []], s.name);
        assert.equal(s.replicas.min, stack === "prod" ? 2 : 1);
        assert.equal(s.routePath, s.name === "frontend" ? "/" : `/api/${s.name.replace(/-service$/, "").replace(/^notification$/, "notifications").replace(/^user$/, "users")}/*`);
      }
    }
  });
});
