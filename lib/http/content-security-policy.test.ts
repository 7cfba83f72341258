import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashPolicy, inlineScriptHashes, noncePolicy } from "@/lib/http/content-security-policy.cjs";
import { withPageHeaders } from "@/lib/cache/page-headers.cjs";

const sha = (text: string) => `sha256-${createHash("sha256").update(text, "utf8").digest("base64")}`;
const directive = (policy: string, name: string) => policy.split("; ").find((d) => d.startsWith(`${name} `));

describe("the pages' Content-Security-Policy", () => {
  it("allows a page's own scripts by nonce, never inline scripts as such", () => {
    const policy = noncePolicy("abc123");
    expect(directive(policy, "script-src")).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    for (const d of ["object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'", "default-src 'self'"]) expect(policy).toContain(d);
    expect(policy).not.toContain("unsafe-eval");
    expect(noncePolicy("abc123", { dev: true })).toContain("'unsafe-eval'");
  });

  it("hashes exactly the inline scripts of a cached page", () => {
    const html = `<html><head><script src="/_next/static/a.js" async=""></script><script id="_R_">one()</script></head>
      <body><script>(self.__next_f=self.__next_f||[]).push([0])</script><script>two("\\u003c/b>")</script><script>one()</script><script></script></body></html>`;
    expect(inlineScriptHashes(html)).toEqual([sha("one()"), sha("(self.__next_f=self.__next_f||[]).push([0])"), sha('two("\\u003c/b>")')]);
    expect(directive(hashPolicy(inlineScriptHashes(html)), "script-src")).toBe(`script-src 'self' '${sha("one()")}' '${sha("(self.__next_f=self.__next_f||[]).push([0])")}' '${sha('two("\\u003c/b>")')}'`);
  });

  it("puts the policy and the language Vary on a cached page once, and leaves other entries alone", () => {
    const page = { kind: "APP_PAGE", html: "<script>x()</script>", headers: { "x-next-cache-tags": "a" } };
    withPageHeaders(page);
    expect(page.headers).toMatchObject({ "x-next-cache-tags": "a", vary: "Cookie, Accept-Language" });
    expect((page.headers as Record<string, string>)["content-security-policy"]).toContain(`'${sha("x()")}'`);
    const first = page.headers;
    withPageHeaders(page);
    expect(page.headers).toBe(first);
    const fetch = { kind: "FETCH", data: {} };
    expect(withPageHeaders(fetch)).toEqual({ kind: "FETCH", data: {} });
    expect(withPageHeaders(null)).toBeNull();
  });
});
