/**
 * Renders aws.iam.getPolicyDocument arguments to the JSON AWS would see, the way the provider does:
 * statements with sid, effect, actions, resources, principals and conditions.
 */
type Block = Record<string, any>;

function one<T>(values: T[] | undefined): T | T[] | undefined {
  if (!values || values.length === 0) return undefined;
  return values.length === 1 ? values[0] : values;
}

function principals(list: Block[] | undefined): Record<string, unknown> | undefined {
  if (!list || list.length === 0) return undefined;
  const out: Record<string, unknown> = {};
  for (const p of list) out[p.type] = one(p.identifiers);
  return out;
}

function conditions(list: Block[] | undefined): Record<string, Record<string, unknown>> | undefined {
  if (!list || list.length === 0) return undefined;
  const out: Record<string, Record<string, unknown>> = {};
  for (const c of list) out[c.test] = { ...(out[c.test] ?? {}), [c.variable]: one(c.values) };
  return out;
}

export function renderPolicyDocument(inputs: Block): string {
  const statements = (inputs.statements ?? []).map((s: Block) => {
    const st: Record<string, unknown> = { Sid: s.sid, Effect: s.effect ?? "Allow" };
    const entries: [string, unknown][] = [
      ["Principal", principals(s.principals)],
      ["NotPrincipal", principals(s.notPrincipals)],
      ["Action", one(s.actions)],
      ["NotAction", one(s.notActions)],
      ["Resource", one(s.resources)],
      ["NotResource", one(s.notResources)],
      ["Condition", conditions(s.conditions)],
    ];
    for (const [k, v] of entries) if (v !== undefined) st[k] = v;
    if (st.Sid === undefined) delete st.Sid;
    return st;
  });
  return JSON.stringify({ Version: inputs.version ?? "2012-10-17", Statement: statements }, null, 2);
}
