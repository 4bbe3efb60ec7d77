/**
 * RDS instances as policies see them. Pure; no Pulumi imports.
 */
import { read } from "./unknowns";

/**
 * True for a read replica: replicateSourceDb names its source. During preview the source's ARN or
 * identifier is unknown until the source exists, but an unknown value is still a value the program
 * set, so the instance is a replica all the same.
 */
export function isReadReplica(props: Record<string, any>): boolean {
  const source = read(props, "replicateSourceDb");
  return source.unknown || (typeof source.value === "string" && source.value !== "");
}
