import { describe, expect, it } from "vitest";
import { isSameOrigin, localReferer } from "@/lib/http/same-origin";

const h = (entries: Record<string, string>) => new Headers(entries);

describe("isSameOrigin", () => {
  it("accepts the host the request was addressed to, whatever its name", () => {
    expect(isSameOrigin(h({ host: "localhost:3000", origin: "http://localhost:3000" }))).toBe(true);
    expect(isSameOrigin(h({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" }))).toBe(true);
    expect(isSameOrigin(h({ host: "app:3000", "x-forwarded-host": "portaal.school.nl", origin: "https://portaal.school.nl" }))).toBe(true);
  });

  it("refuses another site, and a browser that says the post is cross-site", () => {
    expect(isSameOrigin(h({ host: "127.0.0.1:3000", origin: "http://localhost:3000" }))).toBe(false);
    expect(isSameOrigin(h({ host: "localhost:3000", origin: "https://evil.example" }))).toBe(false);
    expect(isSameOrigin(h({ host: "localhost:3000", origin: "null" }))).toBe(false);
    expect(isSameOrigin(h({ host: "localhost:3000", "sec-fetch-site": "cross-site" }))).toBe(false);
  });

  it("lets a request without Origin through (not a cross-site browser form)", () => {
    expect(isSameOrigin(h({ host: "localhost:3000" }))).toBe(true);
  });
});

describe("localReferer", () => {
  it("keeps a page of this site, under any of its names, and drops others", () => {
    expect(localReferer(h({ host: "127.0.0.1:3000", referer: "http://127.0.0.1:3000/compare?x=1" }))).toBe("/compare?x=1");
    expect(localReferer(h({ host: "127.0.0.1:3000", referer: "https://evil.example/x" }))).toBe("/");
    expect(localReferer(h({ host: "127.0.0.1:3000" }))).toBe("/");
    expect(localReferer(h({ host: "127.0.0.1:3000", referer: "::not a url" }))).toBe("/");
  });
});
