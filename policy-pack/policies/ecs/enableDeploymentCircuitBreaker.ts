import { SERVICE_TYPES, isPlain } from "../../lib/ecs";
import type { PackResourcePolicy } from "../../lib/metadata";
import { Unknown, resolve, undecidable } from "../../lib/unknowns";

/**
 * A rolling deployment that cannot reach a steady state stops and rolls back to the last deployment
 * that completed, instead of replacing healthy tasks with failing ones until someone notices. The
 * circuit breaker exists only for the rolling update (ECS) deployment controller, so services deployed
 * by CodeDeploy or an external controller are left to those. No FSBP control covers it.
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentCircuitBreaker.html
 */
export const enableDeploymentCircuitBreaker: PackResourcePolicy = {
  name: "ecs-enable-deployment-circuit-breaker",
  resourceTypes: SERVICE_TYPES,
  description: "ECS services deployed by rolling update have the deployment circuit breaker on with rollback, so a failing deployment rolls back by itself.",
  severity: "medium",
  remediationSteps: "Set deploymentCircuitBreaker: { enable: true, rollback: true } on the service.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (!SERVICE_TYPES.includes(args.type)) return;
    const controller = resolve(args.props, "deploymentController");
    const controllerType = isPlain(controller) ? controller.type : controller;
    if (controllerType instanceof Unknown) undecidable(args.props, controllerType);
    if (controllerType !== undefined && controllerType !== "ECS") return;
    const breaker = resolve(args.props, "deploymentCircuitBreaker");
    if (breaker instanceof Unknown) undecidable(args.props, breaker);
    const enable = isPlain(breaker) ? breaker.enable : undefined;
    const rollback = isPlain(breaker) ? breaker.rollback : undefined;
    for (const v of [enable, rollback]) if (v instanceof Unknown) undecidable(args.props, v);
    if (enable !== true || rollback !== true) {
      const state = enable !== true ? "off" : "on without rollback";
      reportViolation(`ECS service has its deployment circuit breaker ${state}, so a failing deployment keeps replacing healthy tasks; set deploymentCircuitBreaker { enable: true, rollback: true }.`);
    }
  },
};
