import { strict as assert } from "node:assert";
import { EFS_CLIENT_ACTIONS, fileSystemPolicy } from "./fileSystemPolicy";

const FS = "arn:aws:elasticfilesystem:us-west-2:123456789012:file-system/fs-0123456789abcdef0";
const AP = "arn:aws:elasticfilesystem:us-west-2:123456789012:access-point/fsap-0123456789abcdef0";
const sid = (doc: { Statement: { Sid: string }[] }, s: string) => doc.Statement.find((x) => x.Sid === s) as any;

describe("EFS file system policy", () => {
  it("denies everything not over TLS, to every principal", () => {
    assert.deepEqual(sid(fileSystemPolicy(FS, [AP]), "DenyInsecureTransport"), {
      Sid: "DenyInsecureTransport", Effect: "Deny", Principal: { AWS: "*" }, Action: "*", Resource: FS,
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    });
  });

  it("denies every client action that does not come through one of the stack's access points, to every principal", () => {
    assert.deepEqual(sid(fileSystemPolicy(FS, [AP]), "DenyOutsideAccessPoints"), {
      Sid: "DenyOutsideAccessPoints", Effect: "Deny", Principal: { AWS: "*" },
      Action: ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite", "elasticfilesystem:ClientRootAccess"], Resource: FS,
      Condition: { StringNotEquals: { "elasticfilesystem:AccessPointArn": [AP] } },
    });
  });

  it("lets no client mount at all when there is no access point", () => {
    const s = sid(fileSystemPolicy(FS, []), "DenyOutsideAccessPoints");
    assert.deepEqual([s.Effect, s.Action, s.Condition], ["Deny", EFS_CLIENT_ACTIONS, undefined]);
  });

  it("grants nothing: IAM-authorized task roles keep exactly their own grants, anonymous and root access get none", () => {
    const doc = fileSystemPolicy(FS, [AP]);
    assert.deepEqual(doc.Statement.map((s) => s.Effect), ["Deny", "Deny"]);
    assert.ok(!JSON.stringify(doc).includes('"Allow"'));
  });
});
