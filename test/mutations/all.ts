/** Every row of the mutation suite, tier by tier. */
import { CLUSTER_MUTATIONS } from "./cluster";
import { DATA_MUTATIONS } from "./data";
import { DEPLOY_MUTATIONS } from "./deploy";
import { EDGE_MUTATIONS } from "./edge";
import { FOUNDATION_MUTATIONS } from "./foundation";
import type { Mutation } from "./harness";
import { MONITORING_MUTATIONS } from "./monitoring";
import { STORAGE_MUTATIONS } from "./storage";

export const MUTATIONS: Mutation[] = [...FOUNDATION_MUTATIONS, ...STORAGE_MUTATIONS, ...CLUSTER_MUTATIONS, ...DEPLOY_MUTATIONS, ...DATA_MUTATIONS, ...EDGE_MUTATIONS, ...MONITORING_MUTATIONS];
