import { CLUSTER_MUTATIONS } from "./mutations/cluster";
import { DATA_MUTATIONS } from "./mutations/data";
import { DEPLOY_MUTATIONS } from "./mutations/deploy";
import { describeInCode } from "./mutations/inCodeSuite";

describeInCode("cluster, deploy runner and data", [...CLUSTER_MUTATIONS, ...DEPLOY_MUTATIONS, ...DATA_MUTATIONS]);
