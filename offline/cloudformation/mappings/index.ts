/**
 * Every aws:* type our stacks can create, by token: its CloudFormation type and properties, the
 * parent it folds into, or why CloudFormation cannot express it.
 */
import type { Mapping } from "../types";
import { CONTAINER_MAPPINGS } from "./containers";
import { DATA_MAPPINGS } from "./data";
import { DEPLOY_MAPPINGS } from "./deploy";
import { EDGE_MAPPINGS } from "./edge";
import { MONITORING_MAPPINGS } from "./monitoring";
import { NETWORK_MAPPINGS } from "./network";
import { SECURITY_MAPPINGS } from "./security";
import { STORAGE_MAPPINGS } from "./storage";

export const MAPPINGS: Record<string, Mapping> = {
  ...NETWORK_MAPPINGS,
  ...SECURITY_MAPPINGS,
  ...STORAGE_MAPPINGS,
  ...CONTAINER_MAPPINGS,
  ...DEPLOY_MAPPINGS,
  ...DATA_MAPPINGS,
  ...EDGE_MAPPINGS,
  ...MONITORING_MAPPINGS,
};
