// Headers a cached public page carries with it (docs/decisions/0021). Next.js
// sends a cached page's stored headers with every copy it serves — the first
// render as well as every hit — so whatever is put on the entry here reaches
// the browser exactly with the HTML it belongs to:
// - Content-Security-Policy with the hashes of the page's own inline scripts
//   (a per-request nonce cannot work for a page rendered once for everyone);
// - Vary: Cookie, Accept-Language, because the public address answers in the
//   visitor's language (proxy.ts picks it), so a shared cache must keep the
//   languages apart. Next sets its own Vary on pages and would drop one set
//   anywhere else; stored headers are added after it.
"use strict";
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, loaded by Next at run time */

const { hashPolicy, inlineScriptHashes } = require("../http/content-security-policy.cjs");

const LANGUAGE_VARY = "Cookie, Accept-Language";

/** Adds the headers to a cached App Router page (once: the entry is kept in memory and served many times). */
function withPageHeaders(value) {
  if (!value || value.kind !== "APP_PAGE" || typeof value.html !== "string") return value;
  const headers = value.headers ?? {};
  if (headers["content-security-policy"]) return value;
  value.headers = { ...headers, "content-security-policy": hashPolicy(inlineScriptHashes(value.html)), vary: LANGUAGE_VARY };
  return value;
}

module.exports = { withPageHeaders, LANGUAGE_VARY };
