/**
 * Lifecycle presets per bucket purpose and the rules S3 enforces on transitions. Pure; no Pulumi
 * imports. The same checks run in config validation (so a bad stack file fails before any resource)
 * and in the component (so a direct caller cannot bypass them).
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-transition-general-considerations.html
 */

/** Storage classes a lifecycle transition may target (S3 Standard is where objects start). */
export const STORAGE_CLASSES = ["STANDARD_IA", "INTELLIGENT_TIERING", "ONEZONE_IA", "GLACIER_IR", "GLACIER", "DEEP_ARCHIVE"] as const;
export type StorageClass = (typeof STORAGE_CLASSES)[number];

/** What a bucket holds; selects its lifecycle preset. Exactly one bucket per stack has purpose `logs`. */
export const BUCKET_PURPOSES = ["documents", "static-assets", "ml-artifacts", "logs", "backups", "archive"] as const;
export type BucketPurpose = (typeof BUCKET_PURPOSES)[number];

export interface Transition {
  /** Days after object creation. */
  days: number;
  storageClass: StorageClass;
}

export interface LifecyclePolicy {
  /** In order of days; each to a colder class than the one before. */
  transitions: Transition[];
  /** Days after creation when current versions expire (become noncurrent); none when absent. */
  expirationDays?: number;
}

/**
 * Presets per purpose:
 * - documents: Standard 30 days, Standard-IA, Glacier Flexible Retrieval at 90, Deep Archive after a year.
 * - static-assets: stays in Standard; the CDN reads it constantly.
 * - ml-artifacts, logs: Intelligent-Tiering from day 0; access is unpredictable. S3 leaves objects
 *   under 128 KB in Standard (the rule above), which costs the same.
 * - backups: Glacier Instant Retrieval at 30 (restores in milliseconds), Deep Archive at 180.
 * - archive: Deep Archive from day 0.
 */
export const LIFECYCLE_PRESETS: Record<BucketPurpose, LifecyclePolicy> = {
  documents: { transitions: [{ days: 30, storageClass: "STANDARD_IA" }, { days: 90, storageClass: "GLACIER" }, { days: 365, storageClass: "DEEP_ARCHIVE" }] },
  "static-assets": { transitions: [] },
  "ml-artifacts": { transitions: [{ days: 0, storageClass: "INTELLIGENT_TIERING" }] },
  logs: { transitions: [{ days: 0, storageClass: "INTELLIGENT_TIERING" }] },
  backups: { transitions: [{ days: 30, storageClass: "GLACIER_IR" }, { days: 180, storageClass: "DEEP_ARCHIVE" }] },
  archive: { transitions: [{ days: 0, storageClass: "DEEP_ARCHIVE" }] },
};

/** The waterfall: from each class, the classes a later transition may move to. */
const NEXT: Record<StorageClass, readonly StorageClass[]> = {
  STANDARD_IA: ["INTELLIGENT_TIERING", "ONEZONE_IA", "GLACIER_IR", "GLACIER", "DEEP_ARCHIVE"],
  INTELLIGENT_TIERING: ["ONEZONE_IA", "GLACIER", "DEEP_ARCHIVE"],
  ONEZONE_IA: ["GLACIER", "DEEP_ARCHIVE"],
  GLACIER_IR: ["GLACIER", "DEEP_ARCHIVE"],
  GLACIER: ["DEEP_ARCHIVE"],
  DEEP_ARCHIVE: [],
};

/** Standard-IA and One Zone-IA take objects only after 30 days in Standard. */
export const INFREQUENT_ACCESS_MIN_DAYS = 30;
const INFREQUENT: readonly StorageClass[] = ["STANDARD_IA", "ONEZONE_IA"];

export interface LifecycleProblem {
  /** Path under the lifecycle key, e.g. "transitions[1].days". */
  field: string;
  value: unknown;
  allowed: string;
}

/** Classes that must wait out an earlier IA transition's 30-day minimum within the same rule. */
const AFTER_IA_MIN: readonly StorageClass[] = ["GLACIER", "DEEP_ARCHIVE", "ONEZONE_IA"];

function transitionProblems(t: Transition, i: number, earlier: Transition[]): LifecycleProblem[] {
  const problems: LifecycleProblem[] = [];
  const at = `transitions[${i}]`;
  const prev = earlier[earlier.length - 1];
  if (INFREQUENT.includes(t.storageClass) && t.days < INFREQUENT_ACCESS_MIN_DAYS) {
    problems.push({ field: `${at}.days`, value: t.days, allowed: `at least ${INFREQUENT_ACCESS_MIN_DAYS} for ${t.storageClass}: S3 moves objects to an IA class only after 30 days in Standard` });
  }
  if (!prev) return problems;
  if (t.days <= prev.days) {
    problems.push({ field: `${at}.days`, value: t.days, allowed: `more than ${prev.days}, the days of transitions[${i - 1}] (transitions run in order)` });
  }
  if (!NEXT[prev.storageClass].includes(t.storageClass)) {
    problems.push({ field: `${at}.storageClass`, value: t.storageClass, allowed: `a class S3 can move ${prev.storageClass} objects to: ${NEXT[prev.storageClass].join(", ") || "none (Deep Archive is final)"}` });
  }
  const ia = earlier.find((e) => INFREQUENT.includes(e.storageClass) && AFTER_IA_MIN.includes(t.storageClass) && t.days - e.days < INFREQUENT_ACCESS_MIN_DAYS);
  if (ia) {
    problems.push({ field: `${at}.days`, value: t.days, allowed: `at least ${ia.days + INFREQUENT_ACCESS_MIN_DAYS}: S3 rejects ${t.storageClass} within 30 days of the ${ia.storageClass} transition in one rule` });
  }
  return problems;
}

/** Every way S3 would reject this lifecycle, or nothing. */
export function lifecycleProblems(policy: LifecyclePolicy): LifecycleProblem[] {
  const problems = policy.transitions.flatMap((t, i) => transitionProblems(t, i, policy.transitions.slice(0, i)));
  const last = policy.transitions[policy.transitions.length - 1];
  if (policy.expirationDays !== undefined && last && policy.expirationDays <= last.days) {
    problems.push({ field: "expirationDays", value: policy.expirationDays, allowed: `more than ${last.days}, the days of the last transition (S3 rejects an expiration at or before a transition)` });
  }
  return problems;
}

/** Abandoned multipart uploads are invisible but billed; S3 drops them after this many days. */
export const ABORT_INCOMPLETE_UPLOAD_DAYS = 7;

/** The bucket's one lifecycle rule, in the shape aws.s3.BucketLifecycleConfiguration takes. */
export function lifecycleRule(policy: LifecyclePolicy, noncurrentVersionExpirationDays: number) {
  return {
    id: "platform-lifecycle",
    status: "Enabled",
    // An empty filter applies the rule to every object.
    filter: {},
    transitions: policy.transitions.map((t) => ({ days: t.days, storageClass: t.storageClass })),
    ...(policy.expirationDays !== undefined ? { expiration: { days: policy.expirationDays } } : {}),
    noncurrentVersionExpiration: { noncurrentDays: noncurrentVersionExpirationDays },
    abortIncompleteMultipartUpload: { daysAfterInitiation: ABORT_INCOMPLETE_UPLOAD_DAYS },
  };
}
