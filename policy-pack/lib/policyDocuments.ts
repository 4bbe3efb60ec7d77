/**
 * Every IAM policy document a resource carries, with the words a violation uses for it: role trust
 * and inline policies, identity policies, and the resource policies of keys, buckets, topics,
 * queues, file systems, log groups, repositories, vaults and secrets.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html
 */
import { T } from "./types";
import { Unknown, resolve } from "./unknowns";

/** One document: what to call it, and its value as plain data (JSON text or an object), or an Unknown marker during preview. */
export interface LocatedDocument {
  what: string;
  doc: unknown;
  /** Where it sits in the resource's properties, for "can't run during preview". */
  path: string[];
}

/** Each type's document properties, and what a violation calls the document of resource `n`. */
export const DOCUMENT_PROPERTIES: Readonly<Record<string, ReadonlyArray<readonly [prop: string, what: (n: string) => string]>>> = {
  [T.iamRole]: [["assumeRolePolicy", (n) => `The trust policy of role ${n}`]],
  [T.iamRolePolicy]: [["policy", (n) => `Role policy ${n}`]],
  [T.iamPolicy]: [["policy", (n) => `Managed policy ${n}`]],
  [T.iamUserPolicy]: [["policy", (n) => `User policy ${n}`]],
  [T.iamGroupPolicy]: [["policy", (n) => `Group policy ${n}`]],
  [T.kmsKey]: [["policy", (n) => `The key policy of KMS key ${n}`]],
  [T.kmsKeyPolicy]: [["policy", (n) => `Key policy ${n}`]],
  [T.bucket]: [["policy", (n) => `The policy of bucket ${n}`]],
  [T.bucketPolicy]: [["policy", (n) => `Bucket policy ${n}`]],
  [T.snsTopic]: [["policy", (n) => `The policy of topic ${n}`]],
  [T.snsTopicPolicy]: [["policy", (n) => `Topic policy ${n}`]],
  [T.sqsQueue]: [["policy", (n) => `The policy of queue ${n}`]],
  [T.sqsQueuePolicy]: [["policy", (n) => `Queue policy ${n}`]],
  [T.efsFileSystemPolicy]: [["policy", (n) => `File system policy ${n}`]],
  [T.logResourcePolicy]: [["policyDocument", (n) => `Log resource policy ${n}`]],
  [T.ecrRepositoryPolicy]: [["policy", (n) => `Repository policy ${n}`]],
  [T.ecrRegistryPolicy]: [["policy", (n) => `Registry policy ${n}`]],
  [T.backupVaultPolicy]: [["policy", (n) => `Vault policy ${n}`]],
  [T.secret]: [["policy", (n) => `The policy of secret ${n}`]],
  [T.secretPolicy]: [["policy", (n) => `Secret policy ${n}`]],
};

/** Every type that carries a document: those above, and roles' inline policies (inlinePolicies[].policy). */
export const DOCUMENT_TYPES: readonly string[] = Object.keys(DOCUMENT_PROPERTIES);

/** The documents of one resource (type, name, props as the policy sees them); absent ones are left out. */
export function documentsOf(type: string, name: string, props: Record<string, any>): LocatedDocument[] {
  const out: LocatedDocument[] = [];
  for (const [prop, what] of DOCUMENT_PROPERTIES[type] ?? []) {
    const doc = resolve(props, prop);
    if (doc !== undefined && doc !== "") out.push({ what: what(name), doc, path: [prop] });
  }
  if (type === T.iamRole) {
    const inline = resolve(props, "inlinePolicies");
    if (inline instanceof Unknown) out.push({ what: `The inline policies of role ${name}`, doc: inline, path: inline.path as string[] });
    else if (Array.isArray(inline)) {
      inline.forEach((p: any, i) => {
        const label = typeof p?.name === "string" ? p.name : `${i + 1}`;
        if (p instanceof Unknown || (p?.policy !== undefined && p.policy !== "")) out.push({ what: `Inline policy ${label} of role ${name}`, doc: p instanceof Unknown ? p : p.policy, path: ["inlinePolicies", String(i), "policy"] });
      });
    }
  }
  return out;
}
