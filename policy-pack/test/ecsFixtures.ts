/**
 * Fixtures for the ECS policies' specs: one compliant resource per type, shaped as the program
 * records them. The offline plan shows the awsx components' arguments (remote components, no children
 * under mocks); a real run shows aws:ecs/* resources, the task definition's containers as JSON text.
 * A failing case copies a fixture and changes one property.
 */
import { T } from "../lib/types";
import { RecordedResource, component, fixture } from "./fixtures";

type Props = Record<string, any>;

const ACCOUNT = "123456789012";
export const DB_SECRET_ARN = `arn:aws:secretsmanager:us-west-2:${ACCOUNT}:secret:ecs-ai/database-url-AbCdEf`;
export const SSM_PARAMETER_ARN = `arn:aws:ssm:us-west-2:${ACCOUNT}:parameter/ecs-ai/database-url`;
const CLUSTER_ARN = `arn:aws:ecs:us-west-2:${ACCOUNT}:cluster/ecs-ai-cluster-1a2b3c4`;
const SUBNETS = ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0bbbbbbbbbbbbbbb2"];
export const AZ_SPREAD = { type: "spread", field: "attribute:ecs.availability-zone" };

/** The backend container as the ECS engine declares it: secrets by ARN, awslogs, not privileged. */
export function backendContainer(): Props {
  return {
    name: "backend",
    image: `${ACCOUNT}.dkr.ecr.us-west-2.amazonaws.com/ecs-ai/backend:1.4.2`,
    cpu: 512,
    memory: 1024,
    essential: true,
    portMappings: [{ containerPort: 5001, hostPort: 5001, protocol: "tcp" }],
    environment: [{ name: "PORT", value: "5001" }, { name: "REDIS_HOST", value: "redis.ecs-ai.local" }],
    secrets: [{ name: "DATABASE_URL", valueFrom: DB_SECRET_ARN }],
    logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": "/ecs/ecs-ai", "awslogs-region": "us-west-2", "awslogs-stream-prefix": "backend" } },
    privileged: false,
    readonlyRootFilesystem: true,
    user: "1000:1000",
  };
}

/** awsx task definition arguments around one container; EC2 ones carry networkMode. */
function taskArgs(container: Props, ec2: boolean): Props {
  return {
    ...(ec2 ? { networkMode: "awsvpc" } : {}),
    containers: { backend: container },
    executionRole: { roleArn: `arn:aws:iam::${ACCOUNT}:role/ecs-ai-backend-execution` },
    taskRole: { roleArn: `arn:aws:iam::${ACCOUNT}:role/ecs-ai-backend-task` },
    logGroup: { skip: true },
  };
}

const serviceArgs = (ec2: boolean): Props => ({
  cluster: CLUSTER_ARN,
  desiredCount: 2,
  networkConfiguration: { subnets: [...SUBNETS], securityGroups: ["sg-0ccccccccccccccc3"], assignPublicIp: false },
  deploymentCircuitBreaker: { enable: true, rollback: true },
  ...(ec2 ? { orderedPlacementStrategies: [AZ_SPREAD, { type: "binpack", field: "memory" }], capacityProviderStrategies: [{ capacityProvider: "ecs-ai-cp", weight: 1 }] } : {}),
});

export interface TaskEdit {
  /** Changes the backend container (a fresh copy). */
  container?: (c: Props) => void;
  /** Task-level arguments to set (an undefined value removes one). */
  task?: Props;
}

function patched(props: Props, patch: Props = {}): Props {
  const out = { ...props, ...patch };
  for (const [k, v] of Object.entries(patch)) if (v === undefined) delete out[k];
  return out;
}

function container(edit: TaskEdit): Props {
  const c = backendContainer();
  edit.container?.(c);
  return c;
}

/** Every type that declares the backend's task, each with the same edit applied. */
export function taskVariants(edit: TaskEdit = {}): RecordedResource[] {
  const ec2Args = patched(taskArgs(container(edit), true), edit.task);
  const fargateArgs = patched(taskArgs(container(edit), false), edit.task);
  const json = patched({ family: "ecs-ai-backend", networkMode: "awsvpc", requiresCompatibilities: ["EC2"], cpu: "512", memory: "1024" }, edit.task);
  return [
    component(T.awsxEc2Service, "backend", { inputs: { ...serviceArgs(true), taskDefinitionArgs: ec2Args } }),
    component(T.awsxFargateService, "backend-fargate", { inputs: { ...serviceArgs(false), taskDefinitionArgs: fargateArgs } }),
    component(T.awsxEc2TaskDefinition, "backend-td", { inputs: ec2Args }),
    component(T.awsxFargateTaskDefinition, "backend-fargate-td", { inputs: fargateArgs }),
    fixture(T.ecsTaskDefinition, "backend", { inputs: { ...json, containerDefinitions: JSON.stringify([container(edit)]) } }),
  ];
}

/** Every type that runs the backend as a service: awsx on EC2 and Fargate, and a real run's aws:ecs services. */
export function serviceVariants(patch: Props = {}): RecordedResource[] {
  const ec2 = patched(serviceArgs(true), patch);
  const fargate = patched(serviceArgs(false), patch);
  const taskDefinition = `arn:aws:ecs:us-west-2:${ACCOUNT}:task-definition/ecs-ai-backend:3`;
  return [
    component(T.awsxEc2Service, "backend", { inputs: { ...ec2, taskDefinitionArgs: taskArgs(backendContainer(), true) } }),
    component(T.awsxFargateService, "backend-fargate", { inputs: { ...fargate, taskDefinitionArgs: taskArgs(backendContainer(), false) } }),
    fixture(T.ecsService, "backend", { inputs: { ...ec2, taskDefinition } }),
    fixture(T.ecsService, "backend-fargate", { inputs: { ...fargate, launchType: "FARGATE", taskDefinition } }),
  ];
}

/** The cluster as the ECS engine declares it: Container Insights enhanced. `null`: no settings at all. */
export function ecsCluster(settings: unknown[] | null = [{ name: "containerInsights", value: "enhanced" }]): RecordedResource {
  return fixture(T.ecsCluster, "ecs-ai-cluster", { inputs: settings === null ? {} : { settings } });
}

/** A task set (CodeDeploy or external deployments) with private networking. */
export function taskSet(network: Props = { subnets: [...SUBNETS], assignPublicIp: false }): RecordedResource {
  return fixture(T.ecsTaskSet, "backend-blue", { inputs: { cluster: CLUSTER_ARN, service: "backend", taskDefinition: "ecs-ai-backend:3", networkConfiguration: network } });
}
