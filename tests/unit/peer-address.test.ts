import http from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/auth/client-address";

// scripts/serve.ts loads scripts/peer-address.cjs, which appends the socket
// address to X-Forwarded-For before the request reaches Next.js: a client
// that sends its own header cannot choose the address the sign-in limit counts.
createRequire(import.meta.url)("../../scripts/peer-address.cjs");

let server: http.Server;
let url: string;
beforeAll(async () => {
  server = http.createServer((req, res) => res.end(String(req.headers["x-forwarded-for"] ?? "")));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("the peer address", () => {
  it("is appended to X-Forwarded-For, so the last entry is the socket's", async () => {
    expect(await (await fetch(url)).text()).toBe("127.0.0.1");
    const spoofed = await (await fetch(url, { headers: { "x-forwarded-for": "6.6.6.6" } })).text();
    expect(spoofed).toBe("6.6.6.6, 127.0.0.1");
    expect(clientAddress(spoofed, 0)).toBe("127.0.0.1");
  });
});
