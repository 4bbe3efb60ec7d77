import { strict as assert } from "node:assert";
import { AI_APP_SERVICES } from "../../test/fixtures/ecsAiApp";
import { containerDefinition, taskVolumes } from "./taskDefinition";

const svc = (name: string) => AI_APP_SERVICES.find((s) => s.name === name)!;
const SECRET = "arn:aws:secretsmanager:us-west-2:123456789012:secret:ecsai/mongodb-AbCdEf";
const refs = { image: "123456789012.dkr.ecr.us-west-2.amazonaws.com/ecsai-test/backend:v1", logGroupName: "/ecs/ecsai-test/backend", region: "us-west-2", secretArns: { mongodb: SECRET }, discoveryNamespace: "ecsai-test.local" };
const efs = { fileSystemId: "fs-0123456789abcdef0", fileSystemArn: "arn:aws:elasticfilesystem:us-west-2:123456789012:file-system/fs-0123456789abcdef0", accessPointIds: { qdrant: "fsap-0123456789abcdef0" } };

describe("ECS container definition", () => {
  it("runs one essential, unprivileged container of the service's size on its port", () => {
    const c = containerDefinition(svc("backend"), refs);
    assert.deepEqual([c.name, c.image, c.cpu, c.memory, c.essential, c.privileged], ["backend", refs.image, 512, 1024, true, false]);
    assert.deepEqual(c.portMappings, [{ containerPort: 5001, protocol: "tcp" }]);
  });

  it("injects each secret by ARN, never its value, and keeps plain variables apart", () => {
    const c = containerDefinition(svc("backend"), refs);
    assert.deepEqual(c.secrets, [{ name: "MONGODB_SECRET", valueFrom: SECRET }]);
    assert.deepEqual(c.environment.map((e) => e.name), ["AI_SERVICE_URL", "REDIS_HOST", "SERVICE_DISCOVERY_NAMESPACE"]);
    assert.ok(!JSON.stringify(c.environment).includes("secretsmanager"));
  });

  it("logs through awslogs to the service's own group, one stream prefix per service", () => {
    assert.deepEqual(containerDefinition(svc("backend"), refs).logConfiguration, {
      logDriver: "awslogs",
      options: { "awslogs-group": "/ecs/ecsai-test/backend", "awslogs-region": "us-west-2", "awslogs-stream-prefix": "backend" },
    });
  });

  it("mounts EFS volumes through their access point, encrypted in transit, with IAM authorization", () => {
    assert.deepEqual(containerDefinition(svc("qdrant"), { ...refs, image: "qdrant/qdrant:v1.13.4" }).mountPoints, [{ sourceVolume: "qdrant", containerPath: "/qdrant/storage", readOnly: false }]);
    assert.deepEqual(taskVolumes(svc("qdrant"), efs), [{
      name: "qdrant",
      efsVolumeConfiguration: { fileSystemId: efs.fileSystemId, transitEncryption: "ENABLED", authorizationConfig: { accessPointId: "fsap-0123456789abcdef0", iam: "ENABLED" } },
    }]);
  });

  it("has no volumes for a stateless service, and refuses volumes without a file system", () => {
    assert.deepEqual(taskVolumes(svc("frontend"), undefined), []);
    assert.throws(() => taskVolumes(svc("qdrant"), undefined), /service qdrant mounts volumes but the stack has no EFS file system/);
  });
});
