import { strict as assert } from "node:assert";
import { endpointProblems, isEmail, isHttpsUrl, subscriptions } from "./endpoints";

describe("notification endpoints", () => {
  const emails: [string, boolean][] = [
    ["oncall@example.com", true], ["platform.team+alerts@mail.example.org", true],
    ["oncall@example", false], ["on call@example.com", false], ["@example.com", false], ["oncall", false], ["a@b@example.com", false],
  ];
  for (const [v, ok] of emails) it(`${ok ? "accepts" : "rejects"} the address ${JSON.stringify(v)}`, () => assert.equal(isEmail(v), ok));

  const urls: [string, boolean][] = [
    ["https://hooks.example.com/alerts", true], ["https://paging.example.com/integrations/sns/x?token=1", true],
    ["http://hooks.example.com/alerts", false], ["https://user:secret@hooks.example.com/", false], ["hooks.example.com", false], ["ftp://example.com", false],
  ];
  for (const [v, ok] of urls) it(`${ok ? "accepts" : "rejects"} the URL ${JSON.stringify(v)}`, () => assert.equal(isHttpsUrl(v), ok));

  it("subscribes e-mails with protocol email and URLs with https", () => {
    assert.deepEqual(subscriptions({ emails: ["a@example.com"], httpsUrls: ["https://x.example.com"] }), [
      { protocol: "email", endpoint: "a@example.com" }, { protocol: "https", endpoint: "https://x.example.com" },
    ]);
  });

  it("names the key and index of each bad endpoint", () => {
    assert.deepEqual(endpointProblems({ emails: ["ok@example.com", "nope"], httpsUrls: ["http://x.example.com"] }, "k").map((p) => p.key), ["k.emails[1]", "k.httpsUrls[0]"]);
  });
});
