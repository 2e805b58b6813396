import { describe, expect, it } from "vitest";
import { buildSignedUrl, signUrl, verifyUrlSignature } from "../../core/signing/url-signature.ts";
import { assertSafeObjectKey } from "../../core/storage/object-key.ts";

const secret = "k".repeat(40);
const now = new Date("2026-01-01T00:00:00Z");

describe("signed URLs", () => {
  it("verifies its own signature until expiry", () => {
    const { url } = buildSignedUrl(secret, "GET", "http://h", "/api/v1/uploads/a/b.png", 60, now);
    const u = new URL(url);
    const args = [u.searchParams.get("exp")!, u.searchParams.get("sig")!] as const;
    expect(verifyUrlSignature(secret, "GET", u.pathname, ...args, now)).toBe("valid");
    expect(verifyUrlSignature(secret, "GET", u.pathname, ...args, new Date(now.getTime() + 61_000))).toBe("expired");
  });

  it("binds method, path and expiry", () => {
    const exp = Math.floor(now.getTime() / 1000) + 60;
    const sig = signUrl(secret, "GET", "/p", exp);
    expect(verifyUrlSignature(secret, "PUT", "/p", String(exp), sig, now)).toBe("invalid");
    expect(verifyUrlSignature(secret, "GET", "/q", String(exp), sig, now)).toBe("invalid");
    expect(verifyUrlSignature(secret, "GET", "/p", String(exp + 1), sig, now)).toBe("invalid");
    expect(verifyUrlSignature("x".repeat(40), "GET", "/p", String(exp), sig, now)).toBe("invalid");
    expect(verifyUrlSignature(secret, "GET", "/p", undefined, sig, now)).toBe("invalid");
    expect(verifyUrlSignature(secret, "GET", "/p", "12abc", sig, now)).toBe("invalid");
    expect(verifyUrlSignature(secret, "GET", "/p", String(exp), "%%%", now)).toBe("invalid");
  });
});

describe("object keys", () => {
  it("accepts nested relative keys", () => {
    expect(assertSafeObjectKey("ws/1/avatars/me.png")).toBe("ws/1/avatars/me.png");
  });
  it.each(["../etc/passwd", "a/../../b", "/abs", "a//b", "a/./b", "a\\b", "a\u0000b", ""])("refuses %j", (key) => {
    expect(() => assertSafeObjectKey(key)).toThrow(/not allowed/);
  });
});
