import { describe, expect, it } from "vitest";
import { hashSecret, newKeyPrefix, newKeySecret, presentedKey, secretMatches } from "./api-keys";

const headers = (h: Record<string, string>) => (name: string) => h[name.toLowerCase()] ?? null;
const b64 = (s: string) => Buffer.from(s).toString("base64");

describe("API keys", () => {
  it("have a prefix without the separators and a secret of at least 128 bits", () => {
    const prefix = newKeyPrefix();
    const secret = newKeySecret();
    expect(prefix).toMatch(/^bk_[1-9A-Za-z]{12}$/);
    expect(secret).not.toMatch(/[.:]/);
    expect(Buffer.from(secret, "base64url").length * 8).toBeGreaterThanOrEqual(128);
    expect(newKeySecret()).not.toBe(secret);
  });

  it("store only a hash and compare against it", () => {
    const secret = newKeySecret();
    const hash = hashSecret(secret);
    expect(hash).not.toContain(secret);
    expect(secretMatches(secret, hash)).toBe(true);
    expect(secretMatches(secret + "x", hash)).toBe(false);
    expect(secretMatches(secret, "not-hex")).toBe(false);
  });
});

describe("presentedKey", () => {
  it.each([
    ["Basic base64(prefix:secret)", { authorization: `Basic ${b64("bk_a:s3cret")}` }],
    ["Basic base64(prefix.secret:)", { authorization: `Basic ${b64("bk_a.s3cret:")}` }],
    ["Bearer prefix.secret", { authorization: "Bearer bk_a.s3cret" }],
    ["bearer, any case", { authorization: "bearer bk_a.s3cret" }],
    ["X-API-Key", { "x-api-key": "bk_a.s3cret" }],
  ])("reads %s", (_label, h) => {
    expect(presentedKey(headers(h))).toEqual({ prefix: "bk_a", secret: "s3cret" });
  });

  it("keeps a secret that itself contains a colon or dot after the first separator", () => {
    expect(presentedKey(headers({ authorization: `Basic ${b64("bk_a:s3:c.ret")}` }))).toEqual({ prefix: "bk_a", secret: "s3:c.ret" });
  });

  it("is null when no credential is presented", () => {
    expect(presentedKey(headers({}))).toBeNull();
    expect(presentedKey(headers({ authorization: "  " }))).toBeNull();
  });

  it.each([
    [{ authorization: "Bearer nodot" }, /Bearer prefix.secret/],
    [{ authorization: "Basic " }, /Basic credentials/],
    [{ authorization: `Basic ${b64("nocolon")}` }, /Basic credentials/],
    [{ authorization: "Digest abc" }, /Unsupported Authorization scheme "Digest"/],
    [{ "x-api-key": ".secret" }, /X-API-Key/],
  ])("rejects a malformed header %j with a 401 that says what is wrong", (h, message) => {
    expect(() => presentedKey(headers(h))).toThrow(message);
    try {
      presentedKey(headers(h));
    } catch (error) {
      expect((error as { code: string }).code).toBe("unauthorized");
    }
  });
});
