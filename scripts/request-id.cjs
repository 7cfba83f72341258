// Every HTTP request the server takes gets a request id (the proxy's
// well-formed X-Request-Id, else a new one): put on the request's headers
// (the app reads it there), echoed in the response's X-Request-Id header, and
// kept for the request's log lines (lib/log.cjs). Entered as Node publishes
// "http.server.request.start", synchronously before Next sees the request,
// like scripts/unavailable-status.cjs. docs/decisions/0044-operations.md.
"use strict";
const diagnostics = require("node:diagnostics_channel");
const { requestContext } = require("../lib/log.cjs");
const { requestIdFrom, REQUEST_ID_HEADER } = require("../lib/http/request-id.cjs");

diagnostics.subscribe("http.server.request.start", ({ request, response }) => {
  const requestId = requestIdFrom(request.headers[REQUEST_ID_HEADER]);
  request.headers[REQUEST_ID_HEADER] = requestId;
  response.setHeader("X-Request-Id", requestId);
  requestContext.enterWith({ requestId });
});
