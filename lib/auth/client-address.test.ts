import { describe, expect, it } from "vitest";
import { clientAddress, trustedProxyHops } from "@/lib/auth/client-address";

describe("clientAddress", () => {
  it("without a proxy takes the socket address the server appended, whatever the client wrote before it", () => {
    expect(clientAddress("127.0.0.1", 0)).toBe("127.0.0.1");
    expect(clientAddress("6.6.6.6, 7.7.7.7, 192.0.2.10", 0)).toBe("192.0.2.10");
    expect(clientAddress("::ffff:192.0.2.10", 0)).toBe("192.0.2.10");
  });

  it("behind N proxies takes the entry the outermost trusted proxy appended", () => {
    // client-written, the client's address (appended by the proxy), the proxy (appended by our server)
    expect(clientAddress("6.6.6.6, 203.0.113.7, 10.0.0.2", 1)).toBe("203.0.113.7");
    expect(clientAddress("203.0.113.7, 10.0.0.3, 10.0.0.2", 2)).toBe("203.0.113.7");
  });

  it("answers 'unknown' when there are fewer entries than trusted proxies, or none", () => {
    expect(clientAddress("10.0.0.2", 1)).toBe("unknown");
    expect(clientAddress(null, 0)).toBe("unknown");
    expect(clientAddress(" , ", 0)).toBe("unknown");
  });

  it("reads TRUSTED_PROXY_HOPS, ignoring nonsense", () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: "2" })).toBe(2);
    for (const value of ["-1", "1.5", "x", "99"]) expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: value })).toBe(0);
  });
});
