/**
 * Who gets notified: e-mail addresses and HTTPS webhooks per topic. Pure.
 * SNS sends each a confirmation first; nothing is delivered until someone confirms.
 * https://docs.aws.amazon.com/sns/latest/dg/sns-create-subscribe-endpoint-to-topic.html
 */

export interface Endpoints<Url = string> {
  /** E-mail addresses; each must confirm the subscription from the mail SNS sends. */
  emails: string[];
  /**
   * HTTPS URLs (a paging service's SNS integration, a chat webhook); plain HTTP is not accepted.
   * Pass a secret Output (`pulumi.secret(url)`) when the URL carries a token.
   */
  httpsUrls: Url[];
}

/** A pragmatic address check: one @, a dot in the domain, no spaces. */
export const isEmail = (s: string): boolean => /^[^@\s]+@[^@\s]+\.[^@\s.]+$/.test(s);

export function isHttpsUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === "https:" && u.hostname.length > 0 && !u.username && !u.password;
  } catch {
    return false;
  }
}

export interface Subscription<Url = string> {
  protocol: "email" | "https";
  endpoint: string | Url;
}

export function subscriptions<Url>(e: Endpoints<Url>): Subscription<Url>[] {
  return [...e.emails.map((endpoint) => ({ protocol: "email" as const, endpoint })), ...e.httpsUrls.map((endpoint) => ({ protocol: "https" as const, endpoint }))];
}

/** Problems with one topic's endpoints, keyed under `base` (e.g. platform:monitoring.notifications.critical). */
export function endpointProblems<Url>(e: Endpoints<Url>, base: string): { key: string; value: string; allowed: string }[] {
  return [
    ...e.emails.flatMap((v, i) => (isEmail(v) ? [] : [{ key: `${base}.emails[${i}]`, value: v, allowed: "an e-mail address such as oncall@example.com" }])),
    // A secret URL cannot be read here; AWS checks it when the subscription is created.
    ...e.httpsUrls.flatMap((v, i) => (typeof v !== "string" || isHttpsUrl(v) ? [] : [{ key: `${base}.httpsUrls[${i}]`, value: v, allowed: "an https:// URL without credentials, such as https://hooks.example.com/alerts" }])),
  ];
}
