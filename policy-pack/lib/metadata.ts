/**
 * Metadata every policy carries: severity, the AWS Foundational Security Best Practices control it
 * implements (where one applies) and remediation text, in @pulumi/policy's own fields so Pulumi
 * Cloud shows them too.
 */
import type { PolicyComplianceFramework } from "@pulumi/policy";

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
