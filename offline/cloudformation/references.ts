/**
 * References between resources. A value equal to another resource's output (its id, ARN, name...)
 * becomes Ref / GetAtt when the recorder saw the dependency (propertyDependencies), so equal
 * strings that merely look alike stay literal. An ARN followed by a path ("<bucket ARN>/*") becomes
 * Fn::Sub; other ARNs get the account, region and partition as pseudo parameters.
 */
import { MOCK_ACCOUNT_ID } from "../ids";
import type { Props, ResourceMapping, Source } from "./types";

interface Target {
  logicalId: string;
  urn: string;
  componentUrn?: string;
  order?: number;
  dependsOn: string[];
  expr: Props;
  /** The expression inside Fn::Sub: "${Logical}" or "${Logical.Attr}"; undefined when it is itself a Sub. */
  sub?: string;
}

/** Tags, FileSystemTags, BackupVaultTags... and launch template tag specifications. */
const TAG_KEYS = /(Tags|TagSpecifications)$/;

const DEFAULT_ATTRIBUTES: Record<string, string> = { id: "Ref", arn: "Arn" };

/** String leaves of a nested object, by dotted path ("masterUserSecrets.0.secretArn"). */
export function leaves(value: unknown, path = "", out: Array<[string, string]> = []): Array<[string, string]> {
  if (typeof value === "string") out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => leaves(v, path ? `${path}.${i}` : String(i), out));
  else if (value && typeof value === "object") Object.entries(value).forEach(([k, v]) => leaves(v, path ? `${path}.${k}` : k, out));
  return out;
}

/** The CloudFormation expression for attribute `attr` of `logicalId` ("Ref", "Arn", "Sub:...${Self}..."). */
export function expression(logicalId: string, attr: string): { expr: Props; sub?: string } {
  if (attr === "Ref") return { expr: { Ref: logicalId }, sub: `\${${logicalId}}` };
  if (attr.startsWith("Sub:")) return { expr: { "Fn::Sub": attr.slice(4).replace("${Self}", `\${${logicalId}}`) } };
  return { expr: { "Fn::GetAtt": [logicalId, attr] }, sub: `\${${logicalId}.${attr}}` };
}

export const isIntrinsic = (v: unknown): boolean =>
  !!v && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 1 && /^(Ref|Fn::)/.test(Object.keys(v)[0]);

/** Pseudo parameters for the account, this template's region and the partition in a literal ARN. */
export function pseudoArn(s: string, region: string): Props | string {
  if (!s.startsWith("arn:aws:")) return s;
  const body = s.replace(/\$\{/g, "${!").slice("arn:aws:".length);
  // service:region:account:resource
  const parts = body.split(":");
  if (parts[1] === region) parts[1] = "${AWS::Region}";
  if (parts[2] === MOCK_ACCOUNT_ID) parts[2] = "${AWS::AccountId}";
  return { "Fn::Sub": `arn:\${AWS::Partition}:${parts.join(":")}` };
}

export class ReferenceIndex {
  private readonly byValue = new Map<string, Target[]>();

  constructor(private readonly region: string) {}

  /** Indexes the outputs of a rendered resource. */
  add(source: Source, logicalId: string, mapping: ResourceMapping): void {
    const attributes = { ...DEFAULT_ATTRIBUTES, ...(mapping.attributes ?? {}) };
    for (const [path, value] of leaves(source.outputs)) {
      const attr = attributes[path];
      if (!attr || value.length < 3) continue;
      const { expr, sub } = expression(logicalId, attr);
      this.byValue.set(value, [...(this.byValue.get(value) ?? []), { logicalId, urn: source.urn, componentUrn: source.componentUrn, order: source.order, dependsOn: source.dependsOn, expr, sub }]);
    }
  }

  /**
   * The target `from` may reference by `value`: one it depends on (directly, or on the component
   * that synthesized it), or a sibling its component created before it. Never one that depends on
   * `from`: a folded configuration resource (a file-system policy naming an access point) can name
   * what is created after its parent, which CloudFormation would see as a cycle; it stays literal.
   */
  private target(value: string, from: Source, self: string): Target | undefined {
    const allowed = (t: Target) => from.dependsOn.includes(t.urn)
      || (t.componentUrn !== undefined && from.dependsOn.includes(t.componentUrn))
      || (t.componentUrn !== undefined && t.componentUrn === from.componentUrn && (t.order ?? 0) < (from.order ?? 0));
    return (this.byValue.get(value) ?? []).find((t) => t.logicalId !== self && !t.dependsOn.includes(from.urn) && allowed(t));
  }

  private resolveString(s: string, from: Source, self: string): unknown {
    const exact = this.target(s, from, self);
    if (exact) return exact.expr;
    if (s.startsWith("arn:")) {
      for (let k = s.length - 1; k > 0; k--) {
        if (s[k] !== "/" && s[k] !== ":") continue;
        const t = this.target(s.slice(0, k), from, self);
        if (t?.sub) return { "Fn::Sub": `${t.sub}${s.slice(k).replace(/\$\{/g, "${!")}` };
      }
    }
    return pseudoArn(s, this.region);
  }

  /** `props` with every reference it makes resolved. */
  resolve(props: unknown, from: Source, self: string): any {
    if (typeof props === "string") return this.resolveString(props, from, self);
    if (Array.isArray(props)) return props.map((p) => this.resolve(p, from, self));
    if (!props || typeof props !== "object" || isIntrinsic(props)) return props;
    // Tags are labels: a tag value equal to another resource's name is not a reference to it.
    return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, TAG_KEYS.test(k) ? v : this.resolve(v, from, self)]));
  }
}
