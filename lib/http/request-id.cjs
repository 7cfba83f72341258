// The request id: the one the reverse proxy sent (nginx: `proxy_set_header
// X-Request-Id $request_id`, 32 hexadecimal digits) when it is well formed,
// else a new one. Used by scripts/request-id.cjs (every request the server
// takes) and proxy.ts (pages, also under `next dev`). docs/decisions/0044.
"use strict";
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, shared by the server scripts and the app */
const { randomUUID } = require("node:crypto");

/** Letters, digits and . _ : - only, 8 to 128 characters: nothing a log line or header could be abused with. */
const WELL_FORMED = /^[A-Za-z0-9._:-]{8,128}$/;

/** The incoming `X-Request-Id` when it is well formed, else a new random one. */
function requestIdFrom(value) {
  return typeof value === "string" && WELL_FORMED.test(value) ? value : randomUUID();
}

module.exports = { requestIdFrom, REQUEST_ID_HEADER: "x-request-id" };
