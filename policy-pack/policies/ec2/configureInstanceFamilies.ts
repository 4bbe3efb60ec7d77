import type { PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

export interface InstanceFamiliesConfig {
  /** Instance families (the part of an instance type before the dot, e.g. c6i) the stack may run. */
  allowedInstanceFamilies: string[];
}

/**
 * Current-generation families for services, by default: burstable, general purpose, compute and
 * memory optimized (Intel, AMD and Graviton, with their local-NVMe "d", network "n" and "flex"
 * variants), and the inference accelerators a document-AI service runs on (NVIDIA G4dn/G5/G6,
 * Inferentia2). Left out until a team adds them deliberately: previous generations (t2, m4, c4, r4,
 * ...), high-memory and storage families (x, u, z, i, d, h), HPC, FPGA, Mac and training
 * accelerators (p, trn, dl), whose hourly price is a budget decision.
 * https://docs.aws.amazon.com/ec2/latest/instancetypes/instance-types.html
 */
export const DEFAULT_INSTANCE_FAMILIES = [
  "t3", "t3a", "t4g",
  "m5", "m5a", "m5d", "m5n", "m6a", "m6g", "m6gd", "m6i", "m6id", "m6in", "m7a", "m7g", "m7gd", "m7i", "m7i-flex", "m8a", "m8g", "m8gd", "m8i", "m8i-flex",
  "c5", "c5a", "c5d", "c5n", "c6a", "c6g", "c6gd", "c6gn", "c6i", "c6id", "c6in", "c7a", "c7g", "c7gd", "c7gn", "c7i", "c7i-flex", "c8a", "c8g", "c8gd", "c8i", "c8i-flex",
  "r5", "r5a", "r5d", "r5n", "r6a", "r6g", "r6gd", "r6i", "r6id", "r6in", "r7a", "r7g", "r7gd", "r7i", "r8a", "r8g", "r8gd", "r8i", "r8i-flex",
  "g4dn", "g5", "g5g", "g6", "g6e", "inf2",
];

/**
 * The family of an instance type, as the EC2 API defines it: everything before the dot
 * ("c6i.2xlarge" is c6i, not c6; "m7i-flex.large" is m7i-flex).
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_PerformanceFactorReferenceRequest.html
 */
export const familyOf = (instanceType: string): string => instanceType.split(".")[0].toLowerCase();

const strings = (v: unknown): string[] => (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === "string");

/**
 * The instance types a resource asks for, with what to call it in a message; undefined for other
 * types. An omitted type asks for nothing here: a node group or instance without one takes it from
 * its launch template, which this policy checks on its own.
 */
interface Requested {
  what: string;
  /** Instance types, or for a Karpenter NodePool restricted by family, the family names themselves. */
  types: string[];
  /** A Karpenter NodePool that names no family and no type: it may launch any. */
  unrestricted?: boolean;
}

type Requirement = { key?: string; operator?: string; values?: string[] };

/**
 * What a Karpenter NodePool may launch: the families of an `In` instance-family requirement, else
 * the types of an `In` instance-type requirement, else anything (a category or generation
 * requirement alone still admits previous generations and new families).
 * https://karpenter.sh/docs/concepts/nodepools/#well-known-labels
 */
function nodePoolRequests(props: Record<string, any>): Requested {
  const requirements: Requirement[] = props.spec?.template?.spec?.requirements ?? [];
  const restrictedBy = (key: string) => requirements.find((r) => r.key === key && r.operator === "In" && (r.values ?? []).length > 0)?.values;
  const families = restrictedBy("karpenter.k8s.aws/instance-family");
  const types = families ?? restrictedBy("node.kubernetes.io/instance-type");
  return { what: "Karpenter NodePool", types: types ?? [], unrestricted: types === undefined };
}

function requested(type: string, props: Record<string, any>): Requested | undefined {
  switch (type) {
    case T.karpenterNodePool:
      return nodePoolRequests(props);
    case T.launchTemplate:
      return { what: "Launch template", types: strings(props.instanceType) };
    case T.ec2Instance:
      return { what: "EC2 instance", types: strings(props.instanceType) };
    case T.eksComponentNodeGroup:
    case T.eksComponentNodeGroupV2:
      return { what: "Node group", types: strings(props.instanceType) };
    case T.eksComponentManagedNodeGroup:
    case T.eksNodeGroup:
      return { what: "Node group", types: strings(props.instanceTypes) };
    case T.autoscalingGroup: {
      // Mixed-instances overrides name types; a plain group takes its type from the launch template.
      const overrides: Array<{ instanceType?: string }> = props.mixedInstancesPolicy?.launchTemplate?.overrides ?? [];
      return { what: "Auto Scaling group", types: overrides.flatMap((o) => strings(o.instanceType)) };
    }
    default:
      return undefined;
  }
}

const list = (xs: string[]) => (xs.length === 1 ? xs[0] : `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`);

export const configureInstanceFamilies: PackResourcePolicy = {
  name: "ec2-configure-instance-families",
  resourceTypes: [T.launchTemplate, T.ec2Instance, T.autoscalingGroup, T.eksNodeGroup, T.eksComponentManagedNodeGroup, T.eksComponentNodeGroup, T.eksComponentNodeGroupV2, T.karpenterNodePool],
  description:
    "Every EC2 instance type the program asks for (launch templates, instances, Auto Scaling group overrides, EKS node groups) belongs to an allowed instance family, " +
    "and every Karpenter NodePool limits the families (or types) it launches to allowed ones; " +
    "by default the current-generation burstable, general-purpose, compute, memory and inference families. No FSBP control covers instance families " +
    "(the nearest, EC2.24, only forbids paravirtual instances; AWS Config's desired-instance-type rule is not part of FSBP): this is a cost and supportability guard.",
  severity: "medium",
  remediationSteps:
    "Choose instance types of an allowed family (platform config: cluster.nodeGroups.<group>.instanceTypes), " +
    "or add the family to allowedInstanceFamilies in the pack config of the profile that needs it.",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: {
      allowedInstanceFamilies: {
        type: "array",
        items: { type: "string", pattern: "^[a-z][a-z0-9-]*$" },
        minItems: 1,
        uniqueItems: true,
        default: DEFAULT_INSTANCE_FAMILIES,
        description: "Instance families the stack may run: the part of an instance type before the dot, lower case (c6i for c6i.2xlarge).",
      },
    },
  },
  validateResource: (args, reportViolation) => {
    const asked = requested(args.type, args.props);
    if (!asked) return;
    if (asked.unrestricted) {
      reportViolation(`${asked.what} names no instance family or type, so Karpenter may launch any; add a requirement karpenter.k8s.aws/instance-family In families within allowedInstanceFamilies.`);
      return;
    }
    const allowed = new Set(args.getConfig<InstanceFamiliesConfig>().allowedInstanceFamilies.map((f) => f.toLowerCase()));
    const refused = [...new Set(asked.types.filter((t) => !allowed.has(familyOf(t))))];
    if (refused.length === 0) return;
    const families = [...new Set(refused.map(familyOf))];
    reportViolation(
      `${asked.what} asks for ${list(refused)}, of ${families.length > 1 ? "families" : "family"} ${list(families)} outside allowedInstanceFamilies; ` +
        `choose types of an allowed family or add ${list(families)} to allowedInstanceFamilies in the pack config.`,
    );
  },
};
