/**
 * The shapes the CloudFormation rendering works with: a source resource (recorded by the plan or
 * synthesized from a remote component), and how its aws:* type maps to CloudFormation.
 */
export type Props = Record<string, any>;

/** One aws:* resource to render: recorded by the plan, or synthesized by offline/expand.ts. */
export interface Source {
  urn: string;
  type: string;
  name: string;
  region: string;
  inputs: Props;
  /** Outputs other resources may reference (id, arn, name...). */
  outputs: Props;
  /** URNs this resource's inputs depend on (the union of the recorder's propertyDependencies). */
  dependsOn: string[];
  /** The remote component it was synthesized from, if any. */
  componentUrn?: string;
  /** Its place in the component's creation order: it may reference siblings created before it. */
  order?: number;
  protect: boolean;
  retainOnDelete: boolean;
  /** The provider's default tags, which the provider adds to every taggable resource. */
  defaultTags: Record<string, string>;
}

/** What a mapping gets besides the inputs. */
export interface MapContext {
  source: Source;
  region: string;
  account: string;
  /** Tags as CloudFormation's [{Key, Value}] list: the provider's default tags, then the resource's. */
  tagList(tags: Record<string, string> | undefined): Array<{ Key: string; Value: string }> | undefined;
  /** The same tags as a plain map, for the types whose Tags property is one. */
  tagMap(tags: Record<string, string> | undefined): Record<string, string> | undefined;
}

/** A type with a CloudFormation equivalent. */
export interface ResourceMapping {
  cfnType: string;
  properties(inputs: Props, ctx: MapContext): Props;
  /**
   * How to reference each output of the aws:* type: "Ref", or the GetAtt attribute. Defaults:
   * id -> Ref, arn -> Arn.
   */
  attributes?: Record<string, string>;
  /** Resources CloudFormation needs besides the main one (an internet gateway's attachment). */
  companions?(inputs: Props, ctx: MapContext, self: string): Array<{ suffix: string; Type: string; Properties: Props }>;
  /** Rewrites the properties once references are resolved (a route to an instance's interface). */
  finalize?(resolved: Props): Props;
}

/** A configuration resource CloudFormation expresses as properties of its parent. */
export interface FoldMapping {
  parentType: string;
  /** The input naming the parent (bucket name, role name, repository name...). */
  parentInput: string;
  fold(parent: Props, inputs: Props, ctx: MapContext): void;
}

/** A type CloudFormation cannot express. */
export interface NoEquivalent {
  none: string;
}

export type Mapping = ResourceMapping | FoldMapping | NoEquivalent;

export const isFold = (m: Mapping): m is FoldMapping => "parentType" in m;
export const isNone = (m: Mapping): m is NoEquivalent => "none" in m;
