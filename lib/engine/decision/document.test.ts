import { describe, expect, it } from "vitest";
import { resolveDevice } from "../rules/device";
import { buildDocument, buildRenderScope } from "./document";
import { visitor } from "./test-builders";

describe("evaluation document", () => {
  const v = visitor({
    profile: { id: "int-1", profileId: "anon-1", userId: "u-42", accountId: "acme", attributes: { plan: "free", first_name: "Ada" }, accountAttributes: { tier: "gold" } },
    request: {
      url: "https://shop.example/pricing/pro?utm_source=mail&utm_source=x&q=1",
      referrer: "https://google.com/",
      userAgent: "UA",
      sessionId: "s-1",
      attributes: { cart: { value: 120 }, user: { plan: "pro" }, id: "spoofed", context: { url: "spoofed" }, profileId: "spoofed" },
    },
  });
  const doc = buildDocument(v, resolveDevice("mobile", "UA"));

  it("has SPEC §3's shape, with path and query parsed from the URL", () => {
    expect(doc).toEqual({
      cart: { value: 120 },
      user: { plan: "pro", first_name: "Ada" },
      account: { tier: "gold" },
      id: "int-1",
      userId: "u-42",
      profileId: "anon-1",
      context: {
        url: "https://shop.example/pricing/pro?utm_source=mail&utm_source=x&q=1",
        path: "/pricing/pro",
        query: { utm_source: "mail", q: "1" },
        referrer: "https://google.com/",
        device: "mobile",
        userAgent: "UA",
      },
    });
  });

  it("lets request attributes refine user attributes but never the identity or the context", () => {
    expect(doc.user.plan).toBe("pro");
    expect(doc.id).toBe("int-1");
    expect(doc.profileId).toBe("anon-1");
    expect(doc.context.url).not.toBe("spoofed");
  });

  it("reads site-relative URLs and tolerates garbage", () => {
    expect(buildDocument(visitor({ request: { url: "/a/b?x=1" } }), resolveDevice(null, null)).context).toMatchObject({ path: "/a/b", query: { x: "1" } });
    expect(buildDocument(visitor({ request: { url: "http://[::1" } }), resolveDevice(null, null)).context).toMatchObject({ path: null, query: {} });
    expect(buildDocument(visitor(), resolveDevice(null, null)).context).toEqual({ url: null, path: null, query: {}, referrer: null, device: null, userAgent: null });
  });

  it("gives templates attribute (user, account, request attributes), profile, session and request", () => {
    expect(buildRenderScope(v, doc)).toEqual({
      attribute: { cart: { value: 120 }, user: { plan: "pro", first_name: "Ada" }, account: { tier: "gold" } },
      profile: { id: "int-1", profileId: "anon-1", userId: "u-42", accountId: "acme" },
      session: { id: "s-1", visitId: "s-1" },
      request: doc.context,
    });
  });
});
