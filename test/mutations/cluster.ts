/**
 * Careless changes to the cluster config of the prod stack (EKS, node groups, ECR, service roles,
 * and the ECS engine). Every security setting these policies guard is hard-wired in
 * components/cluster or components/ecs, or refused in prod by the cluster rules, so those rows are
 * the config error that stops the change; the instance types are config the schema accepts, so the
 * allowed-families policy catches them.
 */
import { type Mutation, noSuchKey } from "./harness";

const NOT_A_KNOB = "it is hard-wired in the cluster component, not config; the policy guards hand-written code and other programs using the pack";

/**
 * The ECS engine's policies. Pulumi.prod.yaml runs the EKS engine, and the ECS engine sets each of
 * these in code, not config, so no change to the prod stack file reaches them: each row is the config
 * error that stops the change. The policies' own specs (policy-pack/policies/ecs/*.spec.ts) prove
 * what they catch, on both the awsx components and the aws:ecs resources a real run shows.
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
  },
  {
    policy: "ecs-disallow-host-namespaces",
    change: "give a service the host's network to skip a network hop",
    set: { "platform:services[0].hostNetwork": true },
    configError: noSuchKey("platform:services[0].hostNetwork"),
    because: ECS_ONLY("disallowHostNamespaces"),
  },
  {
    policy: "ecs-disallow-plaintext-secrets",
    change: "pass the database password as a plain environment variable",
    set: { "platform:services[0].environment": { DB_PASSWORD: "hunter2" } },
    configError: /platform:services\[0\]\.environment\.DB_PASSWORD: got "\(withheld\)"; allowed: no credential in plain config/,
    because: "the services rules refuse credential-like names in plain environment variables (the value would sit in the stack file); the policy checks the ECS engine's task definitions and other programs (cases in policy-pack/policies/ecs/disallowPlaintextSecrets.spec.ts)",
  },
  {
    policy: "ecs-require-log-configuration",
    change: "turn container logging off to save CloudWatch cost",
    set: { "platform:services[0].logDriver": "none" },
    configError: noSuchKey("platform:services[0].logDriver"),
    because: ECS_ONLY("requireLogConfiguration"),
  },
  {
    policy: "ecs-enable-container-insights",
    change: "turn Container Insights off to save CloudWatch cost",
    set: { "platform:cluster.containerInsights": "disabled" },
    configError: /platform:cluster\.containerInsights: got "disabled"; allowed: /,
    because: ECS_ONLY("enableContainerInsights"),
  },
  {
    policy: "ecs-disallow-public-ip",
    change: "give tasks public IP addresses to pull images without NAT",
    set: { "platform:services[0].assignPublicIp": true },
    configError: noSuchKey("platform:services[0].assignPublicIp"),
    because: ECS_ONLY("disallowPublicIp"),
  },
  {
    policy: "ecs-require-services-across-azs",
    change: "pin the first service to one AZ",
    set: { "platform:services[0].availabilityZones": ["us-west-2a"] },
    configError: noSuchKey("platform:services[0].availabilityZones"),
    because: ECS_ONLY("requireServicesAcrossAzs"),
  },
  {
    policy: "ecs-enable-deployment-circuit-breaker",
    change: "turn the deployment circuit breaker off so a deploy never stops halfway",
    set: { "platform:services[0].circuitBreaker": false },
    configError: noSuchKey("platform:services[0].circuitBreaker"),
    because: ECS_ONLY("enableDeploymentCircuitBreaker"),
  },
];

export const CLUSTER_MUTATIONS: Mutation[] = [
  {
    policy: "eks-require-secrets-encryption",
    change: "turn off envelope encryption of Kubernetes secrets",
    set: { "platform:cluster.secretsEncryption": false },
    configError: noSuchKey("platform:cluster.secretsEncryption"),
    because: NOT_A_KNOB,
  },
  {
    policy: "eks-enable-audit-logging",
    change: "log only the API server, not the audit log, to save CloudWatch cost",
    set: { "platform:cluster.logTypes": ["api"] },
    configError: noSuchKey("platform:cluster.logTypes"),
    because: NOT_A_KNOB,
  },
  {
    policy: "eks-disallow-public-endpoint",
    change: "open the public API endpoint to the office network",
    set: { "platform:cluster.endpoint.publicAccess": true, "platform:cluster.endpoint.publicAccessCidrs": ["203.0.113.0/24"] },
    configError: /platform:cluster\.endpoint\.publicAccess: got true; allowed: false when profile is prod/,
    because: "the cluster rules refuse a public endpoint in prod; the policy also guards dev's restricted endpoint (never 0.0.0.0/0) and other programs",
  },
  {
    policy: "eks-disallow-public-endpoint",
    change: "open the public API endpoint to the whole internet",
    set: { "platform:cluster.endpoint.publicAccess": true, "platform:cluster.endpoint.publicAccessCidrs": ["0.0.0.0/0"] },
    configError: /platform:cluster\.endpoint\.publicAccessCidrs: got \["0\.0\.0\.0\/0"\]; allowed: CIDRs other than 0\.0\.0\.0\/0 when profile is prod/,
    because: "the cluster rules refuse any public endpoint in prod, and 0.0.0.0/0 above all; the policy also guards dev, where the pack config may allow listed networks (allowedPublicAccessCidrs), and other programs",
  },
  {
    policy: "eks-require-supported-version",
    change: "stay on Kubernetes 1.34 past the end of its standard support",
    set: { "platform:cluster.kubernetesVersion": "1.34" },
    configError: /platform:cluster\.kubernetesVersion: got "1\.34"; allowed: a version in EKS standard support: 1\.35/,
    because: "the cluster rules accept only versions in EKS standard support (components/cluster/versions.ts); the policy guards clusters other code or programs declare, and its oldestSupportedVersion setting moves with AWS's calendar",
  },
  {
    policy: "sqs-require-queue-encryption",
    change: "run Karpenter with an unencrypted interruption queue",
    set: { "platform:cluster.autoscaler": { kind: "karpenter", karpenterChartVersion: "1.8.1", queueEncryption: false } },
    configError: noSuchKey("platform:cluster.autoscaler.queueEncryption"),
    because: NOT_A_KNOB,
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
  },
  {
    policy: "eks-require-private-node-placement",
    change: "give nodes public IP addresses to pull images without NAT",
    set: { "platform:cluster.nodeGroups.application.associatePublicIpAddress": true },
    configError: noSuchKey("platform:cluster.nodeGroups.application.associatePublicIpAddress"),
    because: NOT_A_KNOB,
  },
  {
    policy: "eks-require-node-groups-in-private-subnets",
    change: "run the application node group in the public subnets",
    set: { "platform:cluster.nodeGroups.application.subnets": "public" },
    configError: noSuchKey("platform:cluster.nodeGroups.application.subnets"),
    because: NOT_A_KNOB,
  },
  {
    policy: "ec2-disallow-unrestricted-ingress",
    change: "open SSH on the application nodes to the internet for debugging",
    set: { "platform:cluster.nodeGroups.application.sshCidrs": ["0.0.0.0/0"] },
    configError: noSuchKey("platform:cluster.nodeGroups.application.sshCidrs"),
    because: "node groups have no remote-access (SSH) setting, and the components' ingress admits only security groups, the VPC CIDR, CloudFront's prefix list or privateAccessCidrs (next row), so no config key opens a port to the internet; the policy guards hand-written groups and rules and other programs",
  },
  {
    policy: "ec2-disallow-unrestricted-ingress",
    change: "let CI runners anywhere reach the cluster API by admitting 0.0.0.0/0 in privateAccessCidrs",
    set: { "platform:cluster.endpoint.privateAccessCidrs": ["0.0.0.0/0"] },
    configError: /platform:cluster\.endpoint\.privateAccessCidrs\[0\]: got "0\.0\.0\.0\/0"; allowed: an IPv4 CIDR block with prefix \/8 to \/32/,
    because: "privateAccessCidrs is the only ingress source config sets, on 443 (a port the policy authorizes), and its schema refuses any prefix under /8; the policy guards hand-written groups and rules and other programs",
  },
  {
    policy: "ec2-require-launch-template-imdsv2",
    change: "allow IMDSv1 on the nodes for an old SDK",
    set: { "platform:cluster.nodeGroups.application.httpTokens": "optional" },
    configError: noSuchKey("platform:cluster.nodeGroups.application.httpTokens"),
    because: NOT_A_KNOB,
  },
  {
    policy: "ec2-require-launch-template-encryption",
    change: "leave the nodes' root volumes unencrypted",
    set: { "platform:cluster.nodeGroups.application.diskEncrypted": false },
    configError: noSuchKey("platform:cluster.nodeGroups.application.diskEncrypted"),
    because: NOT_A_KNOB,
  },
  {
    policy: "ecr-require-image-scanning",
    change: "turn off scan on push to speed up builds",
    set: { "platform:cluster.registry.scanOnPush": false },
    configError: noSuchKey("platform:cluster.registry.scanOnPush"),
    because: NOT_A_KNOB,
  },
  {
    policy: "ecr-require-immutable-tags",
    change: "let CI re-push the latest tag",
    set: { "platform:cluster.registry.immutableTags": false },
    configError: /platform:cluster\.registry\.immutableTags: got false; allowed: true when profile is prod/,
    because: "the cluster rules require immutable tags in prod; the policy guards repositories other code or programs declare",
  },
  {
    policy: "ecr-require-lifecycle-policy",
    change: "keep every image forever (no lifecycle expiry)",
    set: { "platform:cluster.registry.keepImages": 0 },
    configError: /platform:cluster\.registry\.keepImages: got 0; allowed: at least 1/,
    because: "every repository gets a lifecycle policy keeping 1 to 1000 images; the policy guards repositories other code or programs declare",
  },
  {
    policy: "iam-disallow-wildcard-admin",
    change: "grant a service every secret with a wildcard",
    set: { "platform:services[0].secrets": ["*"] },
    configError: /platform:services\[0\]\.secrets\[0\]: got "\*"; allowed: a lowercase DNS label/,
    because: "service roles are built from typed documents naming exact actions on exact resources; the policy guards hand-written roles and other programs",
  },
  ...ECS_MUTATIONS,
];
