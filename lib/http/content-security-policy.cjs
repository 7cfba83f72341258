// The Content-Security-Policy of every page (docs/decisions/0021). Plain
// CommonJS because two places build it: proxy.ts for pages rendered per
// request (with a nonce Next.js puts on its own scripts) and the page cache
// (lib/cache/shared-tags.cjs, loaded by Next at run time outside its bundles)
// for the public pages served from cache, whose inline scripts are allowed by
// their hashes — a nonce would be baked into the cached copy.
"use strict";
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, shared with the cache handler */

const { createHash } = require("node:crypto");

/** Every page: nothing from elsewhere, no plugins, no <base>, forms only to us, never in a frame. */
const COMMON = [
  "default-src 'self'",
  // Style attributes (React's style prop, Next's route announcer) need 'unsafe-inline'; a nonce here would switch it off.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

/**
 * A page rendered for this request: its scripts carry the nonce, and scripts
 * they load are trusted through 'strict-dynamic' ('self' only counts in
 * browsers without it). `dev`: React's development build needs eval.
 */
function noncePolicy(nonce, { dev = false } = {}) {
  return [...COMMON, `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`].join("; ");
}

/** A page served from cache: its own inline scripts by hash, script files from this site. */
function hashPolicy(hashes) {
  return [...COMMON, ["script-src 'self'", ...hashes.map((hash) => `'${hash}'`)].join(" ")].join("; ");
}

/** Responses that are not pages (API answers, next-auth's own forms): nothing runs. */
const NON_PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;

/**
 * The sha256 sources of a page's inline scripts, in order, without repeats.
 * Next escapes "<" inside the scripts it writes, so "</script>" ends each one.
 */
function inlineScriptHashes(html) {
  const hashes = new Set();
  for (const [, attributes, body] of html.matchAll(INLINE_SCRIPT)) {
    if (/\bsrc\s*=/i.test(attributes) || !body) continue;
    hashes.add(`sha256-${createHash("sha256").update(body, "utf8").digest("base64")}`);
  }
  return [...hashes];
}

module.exports = { noncePolicy, hashPolicy, inlineScriptHashes, NON_PAGE_POLICY };
