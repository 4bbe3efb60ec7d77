import { strict as assert } from "node:assert";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { DOCUMENT_PROPERTIES } from "../../lib/policyDocuments";
import { T } from "../../lib/types";
import { assertOneViolation, check, component, fixture } from "../../test/fixtures";
import { requireKnownActions as policy } from "./requireKnownActions";

const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const rolePolicy = (policyDoc: string, name = "reader") => fixture(T.iamRolePolicy, name, { outputs: { role: "app", policy: policyDoc } });
const messages = async (...resources: Parameters<typeof check>[1]) => (await check(policy, resources)).map((v) => v.message);

const ISSUER = "oidc.eks.us-west-2.amazonaws.com/id/E8CF17AF59A8B927DB30A94A54C5707A";
const PROVIDER_ARN = `arn:aws:iam::123456789012:oidc-provider/${ISSUER}`;
const OTHER_ISSUER = "oidc.eks.us-west-2.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF";
const OTHER_ARN = `arn:aws:iam::123456789012:oidc-provider/${OTHER_ISSUER}`;
const cluster = component(T.eksComponentCluster, "eks", { outputs: { oidcProviderArn: PROVIDER_ARN, oidcIssuer: ISSUER } });

/** An IRSA trust policy: the Federated provider and the issuer its keys name. */
const irsaTrust = (federated: string, issuer: string, claims: Record<string, string> = { sub: "system:serviceaccount:kube-system:ebs-csi", aud: "sts.amazonaws.com" }) =>
  fixture(T.iamRole, "irsa", {
    outputs: {
      assumeRolePolicy: doc({
        Effect: "Allow", Principal: { Federated: federated }, Action: "sts:AssumeRoleWithWebIdentity",
        Condition: { StringEquals: Object.fromEntries(Object.entries(claims).map(([c, v]) => [`${issuer}:${c}`, v])) },
      }),
    },
  });

/** Exact names, wildcards, NotAction, any case, and keys of every kind: global, variable, service, with suffixes. */
const VALID = doc(
  { Sid: "Read", Effect: "Allow", Action: ["s3:GetObject", "s3:get*", "S3:ListBucket"], Resource: "*", Condition: { StringEquals: { "s3:x-amz-server-side-encryption": "aws:kms", "aws:ResourceTag/Owner": "team", "AWS:SourceArn": "arn:aws:s3:::b" } } },
  { Effect: "Allow", Action: "kms:Decrypt", Resource: "*", Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:*" }, StringEquals: { "kms:ViaService": "s3.us-west-2.amazonaws.com" } } },
  { Effect: "Deny", NotAction: ["iam:*", "sts:GetCallerIdentity"], Resource: "*", Condition: { "ForAllValues:StringEquals": { "aws:TagKeys": ["Owner"] }, StringLike: { "aws:RequestTag/${TagKey}": "x" } } },
  { Effect: "Allow", Action: "*", Resource: "*", Condition: { StringEquals: { "ec2:CreateAction": "RunInstances" } } },
);

describe("iam-require-known-actions", () => {
  it("passes a document of real actions, wildcards and condition keys, in any case", async () => {
    assert.deepEqual(await messages(rolePolicy(VALID)), []);
  });

  it("fails a misspelt action, naming the document, the statement and the near match", async () => {
    assertOneViolation(await check(policy, [rolePolicy(doc({ Sid: "ReadDocs", Effect: "Allow", Action: ["s3:GetObjects"], Resource: "*" }))]), policy, [
      /^Role policy reader: statement "ReadDocs" names action s3:GetObjects, which is not an action of s3 \(did you mean s3:GetObject\?\); use the action and condition key names AWS's Service Authorization Reference lists\.$/,
    ]);
  });

  it("fails a misspelt condition key, naming the statement by its position when it has no Sid", async () => {
    const bad = doc({ Effect: "Allow", Action: "s3:ListBucket", Resource: "*" }, { Effect: "Deny", Action: "s3:PutObject", Resource: "*", Condition: { StringNotEquals: { "s3:x-amz-server-side-encryptio": "aws:kms" } } });
    assertOneViolation(await check(policy, [rolePolicy(bad)]), policy, [/^Role policy reader: statement 2 names condition key s3:x-amz-server-side-encryptio, which is neither a global condition key nor a key of any service \(did you mean s3:x-amz-server-side-encryption\?\)/]);
  });

  it("offers a variable key's near match with the document's own variable part", async () => {
    const bad = doc({ Effect: "Allow", Action: "ec2:StartInstances", Resource: "*", Condition: { StringEquals: { "aws:ResourceTagg/Owner": "team" } } });
    assert.deepEqual(await messages(rolePolicy(bad)), [
      "Role policy reader: statement 1 names condition key aws:ResourceTagg/Owner, which is neither a global condition key nor a key of any service (did you mean aws:ResourceTag/Owner?); use the action and condition key names AWS's Service Authorization Reference lists.",
    ]);
  });

  it("fails a wildcard that matches no action, and an unknown service prefix", async () => {
    const ms = await messages(rolePolicy(doc({ Effect: "Allow", Action: ["s3:Gett*", "s4:GetObject", "GetObject"], Resource: "*" })));
    assert.equal(ms.length, 3);
    assert.match(ms[0], /names action s3:Gett\*, which matches no action of s3;/);
    assert.match(ms[1], /names action s4:GetObject, whose service prefix s4 is no AWS service's \(did you mean s3\?\);/);
    assert.match(ms[2], /names action "GetObject", which is not of the form service:action;/);
  });

  it("fails a misspelt NotAction: it would exempt nothing", async () => {
    assert.match((await messages(rolePolicy(doc({ Effect: "Deny", NotAction: "iam:PassRoles", Resource: "*" }))))[0], /names action iam:PassRoles, which is not an action of iam \(did you mean iam:PassRole\?\)/);
  });

  it("fails a service key in a statement whose actions are all another service's", async () => {
    const bad = doc({ Effect: "Allow", Action: "kms:Decrypt", Resource: "*", Condition: { StringEquals: { "s3:x-amz-acl": "private" } } });
    assert.match((await messages(rolePolicy(bad)))[0], /names condition key s3:x-amz-acl, which belongs to s3, not to the services of the statement's actions \(kms\);/);
  });

  it("checks every document property of every type, and each inline policy of a role", async () => {
    const bad = doc({ Effect: "Allow", Action: "sqs:SendMessages", Resource: "*" });
    for (const [type, props] of Object.entries(DOCUMENT_PROPERTIES)) {
      for (const [prop, what] of props) {
        const ms = await messages(fixture(type, "x", { outputs: { [prop]: bad } }));
        assert.deepEqual(ms.map((m) => m.split(": ")[0]), [what("x")], `${type}.${prop}`);
      }
    }
    const role = fixture(T.iamRole, "app", { outputs: { inlinePolicies: [{ name: "ok", policy: VALID }, { name: "queue", policy: bad }, { name: "", policy: "" }] } });
    assert.deepEqual(await messages(role), [
      "Inline policy queue of role app: statement 1 names action sqs:SendMessages, which is not an action of sqs (did you mean sqs:SendMessage?); use the action and condition key names AWS's Service Authorization Reference lists.",
    ]);
  });

  it("reads documents given as objects as well as JSON text, and fails text that is no JSON document", async () => {
    assert.equal((await messages(rolePolicy(JSON.parse(doc({ Effect: "Allow", Action: "s3:GetObjects", Resource: "*" })) as never))).length, 1);
    assert.match((await messages(rolePolicy("{not json")))[0], /^Role policy reader: it is not a JSON policy document, so IAM rejects it;/);
  });

  describe("keys of OIDC providers", () => {
    it("passes an IRSA trust policy keyed by the issuer of the stack's own provider, by the EKS component or an aws.iam.OpenIdConnectProvider", async () => {
      assert.deepEqual(await messages(cluster, irsaTrust(PROVIDER_ARN, ISSUER)), []);
      const provider = fixture(T.iamOpenIdConnectProvider, "oidc", { outputs: { url: `https://${OTHER_ISSUER}`, arn: OTHER_ARN } });
      assert.deepEqual(await messages(provider, irsaTrust(OTHER_ARN, OTHER_ISSUER)), []);
    });

    it("fails keys of another cluster's provider, trusted by the statement but not created by the stack", async () => {
      const ms = await messages(cluster, irsaTrust(OTHER_ARN, OTHER_ISSUER));
      assert.equal(ms.length, 2);
      assert.match(ms[0], new RegExp(`^The trust policy of role irsa: statement 1 names condition key ${OTHER_ISSUER}:sub of OIDC provider ${OTHER_ISSUER.toLowerCase()}, which is no OIDC provider of this stack; trust the stack's own OIDC provider`));
    });

    it("fails keys naming an issuer other than the statement's Federated principal", async () => {
      const ms = await messages(cluster, irsaTrust(PROVIDER_ARN, OTHER_ISSUER));
      assert.equal(ms.length, 2);
      assert.match(ms[1], /:aud of OIDC provider .*, which is not the statement's Federated principal \(arn:aws:iam::123456789012:oidc-provider\/oidc\.eks/);
    });

    it("fails a claim IAM does not expose", async () => {
      assert.match((await messages(cluster, irsaTrust(PROVIDER_ARN, ISSUER, { subject: "x" })))[0], /whose claim subject is none IAM exposes for an OIDC provider \(aud, sub, amr, oaud\)/);
    });

    it("accepts a provider created outside the stack when the config lists its issuer", async () => {
      const github = irsaTrust("arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com", "token.actions.githubusercontent.com");
      assert.equal((await check(policy, [github])).length, 2);
      assert.deepEqual(await check(policy, [github], { all: "mandatory", "iam-require-known-actions": { externalOidcProviders: ["https://token.actions.githubusercontent.com"] } }), []);
    });
  });

  describe("during preview", () => {
    it("checks the documents it can read and says it can't run for one built from unknown ARNs", async () => {
      const vs = await check(policy, [rolePolicy(doc({ Effect: "Allow", Action: "s3:GetObjects", Resource: "*" })), rolePolicy(unknownValue as never, "pending")]);
      assert.equal(vs.length, 2);
      assert.match(vs[0].message, /names action s3:GetObjects/);
      assert.deepEqual([vs[1].level, vs[1].message], ["advisory", "can't run policy 'iam-require-known-actions' during preview: string value at .policy can't be known during preview"]);
    });

    it("waits on a cluster whose provider ARN is unknown before failing an issuer it has not matched", async () => {
      const previewCluster = component(T.eksComponentCluster, "eks", { outputs: { oidcProviderArn: unknownValue, oidcIssuer: unknownValue } });
      assertOneViolation(await check(policy, [previewCluster, irsaTrust(PROVIDER_ARN, ISSUER)]), policy, [/can't run policy 'iam-require-known-actions' during preview: .* value at \.oidcProviderArn /], "advisory");
    });
  });
});
