import { strict as assert } from "node:assert";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { DB_SECRET_ARN, SSM_PARAMETER_ARN, taskVariants } from "../../test/ecsFixtures";
import { assertOneViolation, check } from "../../test/fixtures";
import { disallowPlaintextSecrets as policy } from "./disallowPlaintextSecrets";

const withEnv = (name: string, value: unknown = "s3cr3t-value") => ({ container: (c: Record<string, any>) => c.environment.push({ name, value }) });
const withValueFrom = (valueFrom: unknown) => ({ container: (c: Record<string, any>) => (c.secrets[0].valueFrom = valueFrom) });
const configured = (settings: Record<string, unknown>) => ({ all: "mandatory" as const, [policy.name]: settings });

describe("ecs-disallow-plaintext-secrets (FSBP ECS.8)", () => {
  for (const r of taskVariants()) {
    it(`passes ${r.type} whose credentials come from Secrets Manager through secrets`, async () => {
      assert.deepEqual(await check(policy, [r]), []);
    });
  }

  for (const r of taskVariants(withEnv("DB_PASSWORD"))) {
    it(`fails ${r.type} passing DB_PASSWORD as a plain environment variable`, async () => {
      assertOneViolation(await check(policy, [r]), policy, [/plain environment variables \(backend: DB_PASSWORD\)/, /move each to secrets with valueFrom a Secrets Manager secret ARN/]);
    });
  }

  it("fails the three names FSBP ECS.8 checks", async () => {
    for (const name of ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "ECS_ENGINE_AUTH_DATA"]) {
      const [r] = taskVariants(withEnv(name));
      assertOneViolation(await check(policy, [r]), policy, [new RegExp(`backend: ${name}`)]);
    }
  });

  it("fails credential words anywhere in the name, in any case", async () => {
    for (const name of ["OPENAI_API_KEY", "github_token", "githubToken", "JWT_SECRET", "TLS_PRIVATE_KEY", "SERVICE_CREDENTIALS", "PASSWORD", "DB_PASSWORDS"]) {
      const [r] = taskVariants(withEnv(name));
      assert.equal((await check(policy, [r])).length, 1, name);
    }
  });

  it("passes names that only contain a credential word inside another word", async () => {
    for (const name of ["TOKENIZERS_PARALLELISM", "PASSWORDLESS_LOGIN", "SECRETARY_EMAIL", "API_KEYRING_PATH"]) {
      const [r] = taskVariants(withEnv(name, "true"));
      assert.deepEqual(await check(policy, [r]), [], name);
    }
  });

  it("passes a credential-named variable whose value is an ARN: it points at a secret and holds none", async () => {
    const [r] = taskVariants(withEnv("DB_SECRET_ARN", DB_SECRET_ARN));
    assert.deepEqual(await check(policy, [r]), []);
  });

  it("takes its names and words from the config", async () => {
    const [password] = taskVariants(withEnv("DB_PASSWORD"));
    const [license] = taskVariants(withEnv("LICENSE_KEY"));
    const [passphrase] = taskVariants(withEnv("GPG_PASSPHRASE"));
    const config = configured({ secretNames: ["LICENSE_KEY"], secretNameWords: ["PASSPHRASE"] });
    assert.deepEqual(await check(policy, [password], config), []);
    assertOneViolation(await check(policy, [license], config), policy, [/backend: LICENSE_KEY/]);
    assertOneViolation(await check(policy, [passphrase], config), policy, [/backend: GPG_PASSPHRASE/]);
  });

  for (const r of taskVariants(withValueFrom("database-url"))) {
    it(`fails ${r.type} taking a secret from a bare name instead of an ARN`, async () => {
      assertOneViolation(await check(policy, [r]), policy, [/other than a Secrets Manager secret ARN \(backend: DATABASE_URL from "database-url"\)/, /set valueFrom to the secret's full ARN/]);
    });
  }

  it("passes a Secrets Manager ARN with a JSON key and version stage", async () => {
    const [r] = taskVariants(withValueFrom(`${DB_SECRET_ARN}:url:AWSCURRENT:`));
    assert.deepEqual(await check(policy, [r]), []);
  });

  it("fails an SSM parameter by default, and passes it where allowSsmParameters is set", async () => {
    const [r] = taskVariants(withValueFrom(SSM_PARAMETER_ARN));
    assertOneViolation(await check(policy, [r]), policy, [/from "arn:aws:ssm:/]);
    assert.deepEqual(await check(policy, [r], configured({ allowSsmParameters: true })), []);
  });

  it("fails a log driver secret option that is not a Secrets Manager ARN", async () => {
    const [r] = taskVariants({ container: (c) => (c.logConfiguration.secretOptions = [{ name: "splunk-token", valueFrom: "plain-token" }]) });
    assertOneViolation(await check(policy, [r]), policy, [/backend: splunk-token from "plain-token"/]);
  });

  it("reports what it can decide in preview, then says it can't run for the unknown secret ARN", async () => {
    const r = taskVariants({ container: (c) => (c.environment.push({ name: "AWS_SECRET_ACCESS_KEY", value: "x" }), (c.secrets[0].valueFrom = unknownValue)) })[0];
    const violations = await check(policy, [r]);
    assert.deepEqual(violations.map((v) => v.level), ["mandatory", "advisory"]);
    assert.match(violations[0].message, /backend: AWS_SECRET_ACCESS_KEY/);
    assert.match(violations[1].message, /can't run policy 'ecs-disallow-plaintext-secrets' during preview: .*\.secrets\.0\.valueFrom/);
  });
});
