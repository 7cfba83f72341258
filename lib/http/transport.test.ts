import { describe, expect, it } from "vitest";
import { forwardedProto, isHttpsRequest, strictTransportSecurity } from "@/lib/http/transport";
import { PLAIN_SESSION_COOKIE, SECURE_SESSION_COOKIE, sessionCookieFor } from "@/lib/auth/session-cookie";

const h = (entries: Record<string, string> = {}) => new Headers(entries);
const plain = { NEXTAUTH_URL: "http://localhost:3000" };
const public_ = { NEXTAUTH_URL: "https://portaal.school.nl" };
const behindProxy = { NEXTAUTH_URL: "http://app:3000", TRUSTED_PROXY_HOPS: "1" };

describe("whether a request came over https", () => {
  it("follows the public address in the configuration", () => {
    expect(isHttpsRequest(h(), public_)).toBe(true);
    expect(isHttpsRequest(h(), plain)).toBe(false);
    expect(isHttpsRequest(h(), {})).toBe(false);
  });

  it("believes X-Forwarded-Proto only from a proxy the configuration trusts", () => {
    expect(isHttpsRequest(h({ "x-forwarded-proto": "https" }), plain)).toBe(false);
    expect(isHttpsRequest(h({ "x-forwarded-proto": "https" }), behindProxy)).toBe(true);
    expect(isHttpsRequest(h({ "x-forwarded-proto": "http" }), behindProxy)).toBe(false);
    expect(isHttpsRequest(h(), behindProxy)).toBe(false);
  });

  it("reads the outermost trusted proxy's entry, never one the client wrote before it", () => {
    // The client claims https; the one trusted proxy appended what it saw: http.
    expect(forwardedProto(h({ "x-forwarded-proto": "https, http" }), behindProxy)).toBe("http");
    // Two trusted proxies that append: the outer one (the client's connection) said https.
    expect(forwardedProto(h({ "x-forwarded-proto": "https, http" }), { TRUSTED_PROXY_HOPS: "2" })).toBe("https");
    // Proxies that overwrite leave one entry.
    expect(forwardedProto(h({ "x-forwarded-proto": "HTTPS" }), { TRUSTED_PROXY_HOPS: "2" })).toBe("https");
  });
});

describe("the session cookie's one name", () => {
  it("is __Secure- with the Secure flag over https, the plain name otherwise", () => {
    expect(sessionCookieFor(h(), public_)).toEqual({ name: SECURE_SESSION_COOKIE, secure: true });
    expect(sessionCookieFor(h({ "x-forwarded-proto": "https" }), behindProxy)).toEqual({ name: SECURE_SESSION_COOKIE, secure: true });
    expect(sessionCookieFor(h({ "x-forwarded-proto": "https" }), plain)).toEqual({ name: PLAIN_SESSION_COOKIE, secure: false });
  });
});

describe("HSTS", () => {
  it("is sent over https only, for a year unless configured", () => {
    expect(strictTransportSecurity(h(), plain)).toBeNull();
    expect(strictTransportSecurity(h(), public_)).toBe("max-age=31536000");
    expect(strictTransportSecurity(h(), { ...public_, HSTS_MAX_AGE: "63072000" })).toBe("max-age=63072000");
    expect(strictTransportSecurity(h(), { ...public_, HSTS_MAX_AGE: "0" })).toBeNull();
    expect(strictTransportSecurity(h(), { ...public_, HSTS_MAX_AGE: "soon" })).toBe("max-age=31536000");
  });
});
