import { strict as assert } from "node:assert";
import { AI_APP_SERVICES } from "../../test/fixtures/ecsAiApp";
import { accessPointArn, executionRolePolicy, taskRolePolicy, taskTrustPolicy } from "./rolePolicies";

const ACCOUNT = { accountId: "123456789012", partition: "aws", region: "us-west-2" };
const svc = (name: string) => AI_APP_SERVICES.find((s) => s.name === name)!;
const REPO = "arn:aws:ecr:us-west-2:123456789012:repository/ecsai-test/backend";
const LOGS = "arn:aws:logs:us-west-2:123456789012:log-group:/ecs/ecsai-test/backend";
const SECRET = "arn:aws:secretsmanager:us-west-2:123456789012:secret:ecsai/mongodb-AbCdEf";
const SECRETS_KEY = "arn:aws:kms:us-west-2:123456789012:key/secrets";
const grants = {
  region: "us-west-2", bucketArns: { "ml-artifacts": "arn:aws:s3:::ecsai-ml" }, secretArns: { mongodb: SECRET }, queueArns: {},
  dataKeyArn: "arn:aws:kms:us-west-2:123456789012:key/data", secretsKeyArn: SECRETS_KEY,
};

describe("ECS role policies", () => {
  it("trust only ECS tasks of this account and region", () => {
    assert.deepEqual(taskTrustPolicy(ACCOUNT).Statement, [{
      Sid: "TrustService", Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole",
      Condition: { StringEquals: { "aws:SourceAccount": "123456789012" }, ArnLike: { "aws:SourceArn": "arn:aws:ecs:us-west-2:123456789012:*" } },
    }]);
  });

  it("let the execution role pull its own image, write its own logs and read exactly its secrets", () => {
    const doc = executionRolePolicy({ region: "us-west-2", repositoryArn: REPO, logGroupArn: LOGS, secretArns: [SECRET], secretsKeyArn: SECRETS_KEY });
    assert.deepEqual(doc.Statement, [
      { Sid: "EcrAuthToken", Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" },
      { Sid: "EcrPull", Effect: "Allow", Action: ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"], Resource: REPO },
      { Sid: "Logs", Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: [LOGS, `${LOGS}:log-stream:*`] },
      { Sid: "InjectSecrets", Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: [SECRET] },
      { Sid: "SecretsKey", Effect: "Allow", Action: "kms:Decrypt", Resource: SECRETS_KEY, Condition: { StringEquals: { "kms:ViaService": "secretsmanager.us-west-2.amazonaws.com" } } },
    ]);
  });

  it("give a third-party image's execution role no ECR access, and a secretless one no secrets", () => {
    const doc = executionRolePolicy({ region: "us-west-2", logGroupArn: LOGS, secretArns: [], secretsKeyArn: SECRETS_KEY });
    assert.deepEqual(doc.Statement.map((s) => s.Sid), ["Logs"]);
  });

  it("give a task role exactly its service's grants", () => {
    assert.deepEqual(taskRolePolicy(svc("ai-service"), grants, ACCOUNT)?.Statement.map((s) => [s.Sid, s.Resource]), [
      ["Objects0", "arn:aws:s3:::ecsai-ml/*"],
      ["List0", "arn:aws:s3:::ecsai-ml"],
      ["BucketKey", grants.dataKeyArn],
    ]);
    assert.deepEqual(taskRolePolicy(svc("backend"), grants, ACCOUNT)?.Statement.map((s) => [s.Sid, s.Resource]), [["ReadSecrets", [SECRET]], ["SecretsKey", SECRETS_KEY]]);
  });

  it("give a service that touches nothing no policy at all", () => {
    assert.equal(taskRolePolicy(svc("redis"), grants, ACCOUNT), undefined);
    assert.equal(taskRolePolicy(svc("frontend"), grants, ACCOUNT), undefined);
  });

  it("let an EFS-backed task mount and write only through its own access point", () => {
    const fs = "arn:aws:elasticfilesystem:us-west-2:123456789012:file-system/fs-0123456789abcdef0";
    assert.deepEqual(taskRolePolicy(svc("qdrant"), grants, ACCOUNT, { fileSystemArn: fs, accessPointIds: ["fsap-0123456789abcdef0"] })?.Statement, [{
      Sid: "EfsAccessPoints",
      Effect: "Allow",
      Action: ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"],
      Resource: fs,
      Condition: { StringEquals: { "elasticfilesystem:AccessPointArn": ["arn:aws:elasticfilesystem:us-west-2:123456789012:access-point/fsap-0123456789abcdef0"] } },
    }]);
    assert.equal(accessPointArn(ACCOUNT, "fsap-1"), "arn:aws:elasticfilesystem:us-west-2:123456789012:access-point/fsap-1");
  });
});
