import { FOUNDATION_MUTATIONS } from "./mutations/foundation";
import { MONITORING_MUTATIONS } from "./mutations/monitoring";
import { describeInCode } from "./mutations/inCodeSuite";

describeInCode("foundation and monitoring", [...FOUNDATION_MUTATIONS, ...MONITORING_MUTATIONS]);
