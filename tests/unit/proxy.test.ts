import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { encodeSession } from "@/lib/auth/session-jwt";
import { PLAIN_SESSION_COOKIE, SECURE_SESSION_COOKIE } from "@/lib/auth/session-cookie";
import { proxy } from "@/proxy";

// proxy.ts as Next calls it: which cookie counts as the session, where the
// idle timer is renewed (never on a page a shared cache may keep), and what
// it refuses before any page runs.

const SECRET = "unit-test-secret-unit-test-secret-000000";
const now = () => Math.floor(Date.now() / 1000);
const token = (idleSeconds: number) => encodeSession({ token: { sub: "user-1", sv: 1, authTime: now() - 3600, lastActivity: now() - idleSeconds }, secret: SECRET, maxAge: 3600 });

function request(address: string, init: { cookies?: Record<string, string>; headers?: Record<string, string>; method?: string; body?: string } = {}) {
  const headers = new Headers({ host: "portaal.school.nl", ...init.headers });
  if (init.cookies) headers.set("cookie", Object.entries(init.cookies).map(([k, v]) => `${k}=${v}`).join("; "));
  return new NextRequest(new URL(address, "https://portaal.school.nl"), { headers, method: init.method ?? "GET", body: init.body });
}

const setCookies = (response: Response) => response.headers.getSetCookie();

beforeEach(() => {
  vi.stubEnv("NEXTAUTH_SECRET", SECRET);
  vi.stubEnv("NEXTAUTH_URL", "https://portaal.school.nl");
  vi.stubEnv("TRUSTED_PROXY_HOPS", "0");
});
afterEach(() => vi.unstubAllEnvs());

describe("the session cookie the proxy reads", () => {
  it("ignores a planted non-secure cookie when the app is served over https", async () => {
    const planted = await proxy(request("/parent", { cookies: { [PLAIN_SESSION_COOKIE]: await token(60) } }));
    expect(planted.status).toBe(307);
    expect(planted.headers.get("location")).toMatch(/\/login\?callbackUrl=%2Fparent$/);

    const real = await proxy(request("/parent", { cookies: { [PLAIN_SESSION_COOKIE]: "planted", [SECURE_SESSION_COOKIE]: await token(60) } }));
    expect(real.status).toBe(200);
  });

  it("renews the idle timer on portal pages only, with the secure name and flag, privately", async () => {
    const portal = await proxy(request("/parent", { cookies: { [SECURE_SESSION_COOKIE]: await token(6 * 60) } }));
    const [renewed] = setCookies(portal);
    expect(renewed).toMatch(/^__Secure-next-auth\.session-token=.+; .*Secure/i);
    expect(renewed).toMatch(/HttpOnly/i);
    expect(portal.headers.get("cache-control")).toBe("private, no-store");

    for (const address of ["/", "/schools/het-beukenhout", "/compare?schools=a,b", "/login", "/robots.txt", "/icon.svg"]) {
      const response = await proxy(request(address, { cookies: { [SECURE_SESSION_COOKIE]: await token(6 * 60) } }));
      expect(setCookies(response), address).toEqual([]);
    }
  });

  it("clears an expired cookie on the way to sign-in, in a response no cache keeps", async () => {
    const response = await proxy(request("/mentor", { cookies: { [SECURE_SESSION_COOKIE]: await token(61 * 60) } }));
    expect(response.headers.get("location")).toMatch(/expired=1/);
    expect(setCookies(response)[0]).toMatch(/^__Secure-next-auth\.session-token=;.*Max-Age=0/i);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
  });
});

describe("what the proxy refuses", () => {
  it("answers 400 with a page in the visitor's language for an address no page can read", async () => {
    for (const address of ["/?q=%00", "/schools/%E0%A4%A", "/parent/children/%C0%AF", "/api/imports/x/%00"]) {
      const response = await proxy(request(address, { headers: { "accept-language": "ar" } }));
      expect(response.status, address).toBe(400);
      expect(response.headers.get("cache-control")).toBe("private, no-store");
      expect(await response.text()).toContain('<html lang="ar" dir="rtl">');
    }
  });

  it("answers 403 to a form posted from another site, before any action runs", async () => {
    const foreign = await proxy(request("/parent", { method: "POST", headers: { origin: "https://evil.example", "next-action": "abc" } }));
    expect(foreign.status).toBe(403);
    const crossSite = await proxy(request("/mentor/pupils/p1", { method: "POST", headers: { "sec-fetch-site": "cross-site" } }));
    expect(crossSite.status).toBe(403);
    const own = await proxy(request("/login", { method: "POST", headers: { origin: "https://portaal.school.nl" } }));
    expect(own.status).toBe(200);
  });

  it("answers 400 to a post Next could not decode as a server action's arguments", async () => {
    const own = { origin: "https://portaal.school.nl" };
    const post = (headers: Record<string, string>, body: string) => proxy(request("/mentor", { method: "POST", headers: { ...own, ...headers }, body }));
    expect((await post({ "content-type": "multipart/form-data; boundary=zz" }, "garbage")).status).toBe(400);
    expect((await post({ "next-action": "00ab", "content-type": "text/plain;charset=UTF-8" }, "garbage")).status).toBe(400);
    expect((await post({ "next-action": "00ab", "content-type": "text/plain;charset=UTF-8" }, '"\\u0000"')).status).toBe(400);
    // Readable ones go on (to sign-in here: nobody is signed in).
    expect((await post({ "next-action": "00ab", "content-type": "text/plain;charset=UTF-8" }, '[null,"x"]')).status).toBe(307);
    const multipart = "--zz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--zz--\r\n";
    expect((await post({ "content-type": "multipart/form-data; boundary=zz" }, multipart)).status).toBe(307);
  });
});

describe("headers the proxy adds", () => {
  it("gives pages rendered per request a fresh nonce, and leaves cached public pages to their cached policy", async () => {
    const a = (await proxy(request("/login"))).headers.get("content-security-policy");
    const b = (await proxy(request("/login"))).headers.get("content-security-policy");
    expect(a).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(a).not.toBe(b);
    expect((await proxy(request("/schools/het-beukenhout"))).headers.get("content-security-policy")).toBeNull();
    expect((await proxy(request("/?q=a"))).headers.get("content-security-policy")).toMatch(/'nonce-/);
  });

  it("sends HSTS over https only", async () => {
    expect((await proxy(request("/"))).headers.get("strict-transport-security")).toBe("max-age=31536000");
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
    expect((await proxy(request("/"))).headers.get("strict-transport-security")).toBeNull();
  });
});

describe("the request id", () => {
  it("echoes a well-formed X-Request-Id and passes it on; replaces a malformed one with a new one", async () => {
    const kept = await proxy(request("/", { headers: { "x-request-id": "0123456789abcdef0123456789abcdef" } }));
    expect(kept.headers.get("x-request-id")).toBe("0123456789abcdef0123456789abcdef");

    const fresh = await proxy(request("/login", { headers: { "x-request-id": "bad id <forged>" } }));
    const id = fresh.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    // The new id goes on the request the page sees (Next's request-header override).
    expect(fresh.headers.get("x-middleware-request-x-request-id")).toBe(id);

    const none = await proxy(request("/parent"));
    expect(none.status).toBe(307);
    expect(none.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const refused = await proxy(request("/%00"));
    expect(refused.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
