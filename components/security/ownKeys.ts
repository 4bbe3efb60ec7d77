/**
 * The customer-managed keys a component encrypts with: the ones it is given (a KeyRing's `keyArns`
 * fits), or its own for each class it needs and was not given.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { AccountContext } from "../account";
import { childName } from "../naming";
import type { DataClass } from "./keyPolicy";
import { classKey } from "./keyRing";
import { KEY_RING_DEFAULTS } from "./presets";

/**
 * KMS key ARNs by data class: data (stores, volumes, buckets), logs (log groups), secrets (Secrets
 * Manager). A component uses the classes it needs.
 */
export type KeyArns = Partial<Record<DataClass, pulumi.Input<string>>>;

/**
 * The key ARN of each class in `classes`: the given one, else a key the component creates for
 * itself, made as the KeyRing makes its keys (rotation on, the class's key policy), named
 * `<component>-keys-<class>` and waiting KEY_RING_DEFAULTS.deletionWindowDays (30) days before
 * deletion. `protect` is the component's own: a key is protected exactly when what it encrypts is.
 * Such a key has no alias: alias names are unique per account and region, and two components (or
 * two stacks) of one name would claim the same one; its description names its component instead.
 */
export function keysFor<C extends DataClass>(
  parent: pulumi.Resource,
  component: string,
  classes: readonly C[],
  given: KeyArns | undefined,
  o: { account: () => pulumi.Output<AccountContext>; protect: boolean; kind: string },
): Record<C, pulumi.Input<string>> {
  const ring = childName(component, "keys");
  let account: pulumi.Output<AccountContext> | undefined;
  const own = (c: C) => {
    account ??= o.account();
    return classKey(parent, ring, c, { deletionWindowDays: KEY_RING_DEFAULTS.deletionWindowDays, protect: o.protect, account, purpose: `${component} (${o.kind})`, alias: false }).arn;
  };
  return Object.fromEntries(classes.map((c) => [c, given?.[c] ?? own(c)])) as Record<C, pulumi.Input<string>>;
}
