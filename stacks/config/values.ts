/**
 * Enumerations AWS accepts, shared by the schema and the components. Each cites its source.
 */

/** Profiles select per-environment defaults. They are a config key, never derived from the stack name. */
export { PROFILES } from "../../components/profiles";
export type { Profile } from "../../components/profiles";
export { mapProfiles } from "../../components/profiles";

/** CloudWatch Logs retention values: one home, beside the components that create log groups. */
export { LOG_RETENTION_DAYS } from "../../components/logs";

/** Interface endpoint short names: one home, beside the network component. */
export { INTERFACE_ENDPOINT_SERVICES } from "../../components/network/endpoints";
export type { InterfaceEndpointService } from "../../components/network/endpoints";

/** Region names of the standard AWS partition, e.g. us-east-1, eu-central-2, ap-southeast-4. */
export const REGION_PATTERN = /^(us|eu|ap|ca|sa|me|af|il|mx)-(north|south|east|west|central|northeast|southeast|northwest|southwest)-\d$/;

/** Availability zone names of a region: the region name plus one letter. */
export const AZ_PATTERN = /^[a-z]{2}-[a-z]+-\d[a-z]$/;
