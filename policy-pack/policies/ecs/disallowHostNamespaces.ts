import { TASK_TYPES, taskOf } from "../../lib/ecs";
import { fsbp, type PackResourcePolicy } from "../../lib/metadata";
import { Unknown, undecidable } from "../../lib/unknowns";

/** The task-level settings that can hand a task one of the container instance's namespaces. */
const MODES = ["networkMode", "pidMode", "ipcMode"] as const;

/**
 * Tasks get namespaces of their own, never the container instance's: host networking lets a
 * container reach services bound to the host's loopback and impersonate the host (FSBP ECS.17, which
 * replaced the retired ECS.1); a shared PID namespace lets it see and signal every process on the
 * host (FSBP ECS.3); a shared IPC namespace, its shared memory. The pack cites ECS.17; ECS.3 is the
 * pidMode half. awsx's EC2TaskDefinition sets networkMode awsvpc after spreading its arguments
 * (awsx/ecs/ec2TaskDefinition.ts), but a request for host mode is refused all the same, so no change in
 * awsx can quietly honour it.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#network_mode
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#task_definition_pidmode
 */
export const disallowHostNamespaces: PackResourcePolicy = {
  name: "ecs-disallow-host-namespaces",
  resourceTypes: TASK_TYPES,
  description: "ECS tasks share no namespace with their container instance: networkMode, pidMode and ipcMode are never host (FSBP ECS.17 and ECS.3).",
  severity: "high",
  framework: fsbp("ECS.17"),
  remediationSteps: "Use networkMode awsvpc (each task gets its own network interface and security groups), and leave pidMode and ipcMode unset or set them to task.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    const task = taskOf(args.type, args.props);
    if (!task) return;
    const pending: Unknown[] = [];
    const host: string[] = [];
    for (const mode of MODES) {
      const value = task[mode];
      if (value instanceof Unknown) pending.push(value);
      else if (value === "host") host.push(`${mode}: host`);
    }
    if (host.length > 0) {
      reportViolation(`Task definition shares its container instance's namespaces (${host.join(", ")}); use networkMode awsvpc and leave pidMode and ipcMode unset or task.`);
    }
    if (pending.length > 0) undecidable(args.props, pending[0]);
  },
};
