import { strict as assert } from "node:assert";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { assertOneViolation, check, dependsOn } from "../../test/fixtures";
import { FILE_SYSTEM_ARN, change, compliantFileSystem, messages, tlsOnlyFileSystemPolicy, without } from "../../test/storageFixtures";
import { requireTlsOnlyPolicy } from "./requireTlsOnlyPolicy";

const withPolicy = (patch: Record<string, unknown>) => change(compliantFileSystem(), "efs-policy", { policy: tlsOnlyFileSystemPolicy(patch) });
const MESSAGE = 'File system efs has no file system policy denying non-TLS access; add an aws.efs.FileSystemPolicy for it with a Deny of "*" for every principal when aws:SecureTransport is false.';

describe("efs-require-tls-only-policy", () => {
  it("passes a file system whose policy denies everything, to everyone, without TLS", async () => {
    assert.deepEqual(await messages(requireTlsOnlyPolicy, compliantFileSystem()), []);
  });

  it("fails a file system without a file system policy", async () => {
    assert.deepEqual(await messages(requireTlsOnlyPolicy, without(compliantFileSystem(), "efs-policy")), [MESSAGE]);
  });

  it("fails a file system when the only policy is another file system's", async () => {
    assert.deepEqual(await messages(requireTlsOnlyPolicy, change(compliantFileSystem(), "efs-policy", { fileSystemId: "fs-other" })), [MESSAGE]);
  });

  const failing: Array<[string, Record<string, unknown>]> = [
    ["an Allow over TLS instead of a Deny without it", { Effect: "Allow", Condition: { Bool: { "aws:SecureTransport": "true" } } }],
    ["a Deny for one role only", { Principal: { AWS: "arn:aws:iam::123456789012:role/app" } }],
    ["a Deny of plaintext writes only", { Action: "elasticfilesystem:ClientWrite" }],
    ["a Deny without the SecureTransport condition", { Condition: undefined }],
    ["a Deny narrowed to clients outside one network", { Condition: { Bool: { "aws:SecureTransport": "false" }, NotIpAddress: { "aws:SourceIp": "203.0.113.0/24" } } }],
    ["a Deny on another file system", { Resource: "arn:aws:elasticfilesystem:us-west-2:123456789012:file-system/fs-0fedcba9876543210" }],
  ];
  for (const [what, patch] of failing) {
    it(`fails ${what}`, async () => {
      assert.deepEqual(await messages(requireTlsOnlyPolicy, withPolicy(patch)), [MESSAGE]);
    });
  }

  const passing: Array<[string, Record<string, unknown>]> = [
    ['Principal "*"', { Principal: "*" }],
    ['Action "elasticfilesystem:*"', { Action: "elasticfilesystem:*" }],
    ["no Resource (the policy's own file system)", { Resource: undefined }],
    ['Resource "*"', { Resource: "*" }],
    ["a Resource pattern matching the file system", { Resource: "arn:aws:elasticfilesystem:us-west-2:123456789012:file-system/*" }],
    ["a Bool condition written as a boolean", { Condition: { Bool: { "aws:SecureTransport": false } } }],
  ];
  for (const [what, patch] of passing) {
    it(`passes the Deny with ${what}`, async () => {
      assert.deepEqual(await messages(requireTlsOnlyPolicy, withPolicy(patch)), []);
    });
  }

  describe("during preview, when ids, ARNs and the policy document are unknown", () => {
    const [fs, backup, policy, ap] = compliantFileSystem();
    const previewFs = { ...fs, outputs: { ...fs.outputs, id: unknownValue, arn: unknownValue } };
    const linked = { ...policy, outputs: { fileSystemId: unknownValue, policy: unknownValue }, ...dependsOn({ fileSystemId: [fs.urn] }) };

    it("says it cannot decide an unknown policy document, and reports nothing", async () => {
      assertOneViolation(await check(requireTlsOnlyPolicy, [previewFs, backup, linked, ap]), requireTlsOnlyPolicy, [/can't run policy 'efs-require-tls-only-policy' during preview/, /\.policy /], "advisory");
    });

    it("still fails a file system with no policy at all", async () => {
      assertOneViolation(await check(requireTlsOnlyPolicy, [previewFs, backup, ap]), requireTlsOnlyPolicy, [/^File system efs has no file system policy denying non-TLS access/]);
    });

    it("passes a known document whose Deny names no file system in particular", async () => {
      const known = { ...linked, outputs: { fileSystemId: unknownValue, policy: tlsOnlyFileSystemPolicy({ Resource: undefined }) } };
      assert.deepEqual(await check(requireTlsOnlyPolicy, [previewFs, backup, known, ap]), []);
    });

    it("cannot decide a Deny naming a specific ARN while the file system's ARN is unknown, and says so", async () => {
      const known = { ...linked, outputs: { fileSystemId: unknownValue, policy: tlsOnlyFileSystemPolicy({ Resource: FILE_SYSTEM_ARN }) } };
      assertOneViolation(await check(requireTlsOnlyPolicy, [previewFs, backup, known, ap]), requireTlsOnlyPolicy, [/can't run policy 'efs-require-tls-only-policy' during preview/, /\.arn /], "advisory");
    });

    it("cannot decide when an unknown fileSystemId links to nothing, and says so", async () => {
      const loose = { ...linked, dependencies: [], propertyDependencies: {} };
      assertOneViolation(await check(requireTlsOnlyPolicy, [previewFs, backup, loose, ap]), requireTlsOnlyPolicy, [/can't run policy 'efs-require-tls-only-policy' during preview/, /\.fileSystemId /], "advisory");
    });
  });
});
