/**
 * Metadata every policy carries: severity, the AWS Foundational Security Best Practices control it
 * implements (where one applies) and remediation text, in @pulumi/policy's own fields so Pulumi
 * Cloud shows them too; plus `resourceTypes`, the pack's own field, from which docs/policies.md is
 * generated (scripts/policyDocs.ts). @pulumi/policy copies only its own fields to the engine
 * (protoutil.js makeAnalyzerInfo), so the extra field is invisible to the CLI and Pulumi Cloud.
 */
import type { PolicyComplianceFramework, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";

/** A control id such as "EC2.6" links to its section of the FSBP controls reference. */
export function fsbp(control: string): PolicyComplianceFramework {
  const [service, n] = control.split(".");
  const slug = service.toLowerCase();
  return {
    name: "AWS Foundational Security Best Practices",
    version: "1.0.0",
    reference: control,
    specification: `https://docs.aws.amazon.com/securityhub/latest/userguide/${slug}-controls.html#${slug}-${n}`,
  };
}

/** What every policy of the pack declares besides @pulumi/policy's fields. */
export interface PackMetadata {
  /**
   * Type tokens the policy checks: every type it reads or reports on (for a stack policy, the
   * setting resources it joins too). A resource policy must ignore every other type; a test holds
   * each policy to its list.
   */
  resourceTypes: readonly string[];
  /** A phrase docs/policies.md shows instead of the list when the list is long (e.g. "every taggable AWS type"). */
  resourceTypesSummary?: string;
  /**
   * Further FSBP controls ("EC2.8") this policy enforces besides its `framework` one, because
   * @pulumi/policy's `framework` names a single control. Where a control checks a resource the
   * program never creates directly (EC2.8 checks running instances; the pack checks the launch
   * templates they start from), the policy's description says how it covers it.
   */
  relatedControls?: readonly string[];
}

export type PackResourcePolicy = ResourceValidationPolicy & PackMetadata;
export type PackStackPolicy = StackValidationPolicy & PackMetadata;
/** A policy of this pack: @pulumi/policy's policy plus PackMetadata. */
export type PackPolicy = PackResourcePolicy | PackStackPolicy;

/** Every FSBP control a policy names: its `framework` control first, then its relatedControls. */
export const controlsOf = (p: PackPolicy): string[] => [...(p.framework?.reference ? [p.framework.reference] : []), ...(p.relatedControls ?? [])];
