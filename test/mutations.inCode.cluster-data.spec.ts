import { CLUSTER_MUTATIONS } from "./mutations/cluster";
import { DATA_MUTATIONS } from "./mutations/data";
import { describeInCode } from "./mutations/inCodeSuite";

describeInCode("cluster and data", [...CLUSTER_MUTATIONS, ...DATA_MUTATIONS]);
