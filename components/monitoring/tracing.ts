/**
 * Tracing: an X-Ray sampling rule for the stack's services, and the IAM policy an OpenTelemetry
 * (ADOT) collector needs; the cluster tier runs the collector and attaches the policy to its role.
 * Pure.
 */
import { PolicyDocument, policyDocument } from "../iam/policyDocument";

/**
 * A catch-all sampling rule: one trace per second per service, then `fixedRate` of the rest.
 * https://docs.aws.amazon.com/xray/latest/devguide/xray-console-sampling.html
 */
export function samplingRuleArgs(ruleName: string, fixedRate: number) {
  return {
    ruleName, priority: 9000, version: 1, reservoirSize: 1, fixedRate,
    host: "*", httpMethod: "*", serviceName: "*", serviceType: "*", urlPath: "*", resourceArn: "*",
  };
}

/**
 * What an ADOT collector needs to send traces to X-Ray and follow the sampling rules. These X-Ray
 * actions support no resource-level permissions, hence Resource "*" (named actions only).
 * https://docs.aws.amazon.com/xray/latest/devguide/security_iam_service-with-iam.html
 */
export function xrayCollectorPolicy(): PolicyDocument {
  return policyDocument({
    Sid: "SendTraces",
    Effect: "Allow",
    Action: ["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets", "xray:GetSamplingStatisticSummaries"],
    Resource: "*",
  });
}
