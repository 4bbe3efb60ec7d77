import { STORAGE_MUTATIONS } from "./mutations/storage";
import { EDGE_MUTATIONS } from "./mutations/edge";
import { describeInCode } from "./mutations/inCodeSuite";

describeInCode("storage and edge", [...STORAGE_MUTATIONS, ...EDGE_MUTATIONS]);
