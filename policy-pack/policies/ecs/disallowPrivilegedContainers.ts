import { TASK_TYPES, taskOf } from "../../lib/ecs";
import { fsbp, type PackResourcePolicy } from "../../lib/metadata";
import { Unknown, undecidable } from "../../lib/unknowns";

/**
 * No container runs privileged: a privileged container gets root's powers on the container instance
 * (FSBP ECS.4, AWS Config rule ecs-containers-nonprivileged). Checks the task definition a real run
 * shows and the awsx components' arguments the offline plan shows.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_security
 */
export const disallowPrivilegedContainers: PackResourcePolicy = {
  name: "ecs-disallow-privileged-containers",
  resourceTypes: TASK_TYPES,
  description: "No ECS container runs with privileged: true, which gives it root's powers on the container instance.",
  severity: "high",
  framework: fsbp("ECS.4"),
  remediationSteps: "Remove privileged: true from the container definition (awsx taskDefinitionArgs.containers.<name> or aws.ecs.TaskDefinition containerDefinitions); grant a specific Linux capability through linuxParameters.capabilities.add if the workload truly needs one.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    const task = taskOf(args.type, args.props);
    if (!task) return;
    const pending: Unknown[] = [...task.hidden];
    const privileged: string[] = [];
    for (const c of task.containers) {
      if (c.def.privileged instanceof Unknown) pending.push(c.def.privileged);
      else if (c.def.privileged === true) privileged.push(c.name);
    }
    if (privileged.length > 0) {
      reportViolation(`Task definition runs container ${privileged.join(", ")} privileged; remove privileged: true so a container cannot take over its host.`);
    }
    if (pending.length > 0) undecidable(args.props, pending[0]);
  },
};
