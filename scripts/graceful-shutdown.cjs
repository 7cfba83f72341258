// Graceful shutdown of a server process (docs/decisions/0044-operations.md).
// On SIGTERM (or SIGINT): readiness answers 503 from now on (the drain mark,
// lib/domain/health/queries.ts), the listening sockets close so no new
// connection is accepted, the requests in flight finish (their connections
// are closed after the answer instead of kept alive), and the process exits 0
// once the last one has been answered — or after SHUTDOWN_TIMEOUT_SECONDS
// (default 25), cutting what is left, with exit code 1.
// Next's own handler (server.close without a bound, exit 143) is switched off
// with NEXT_MANUAL_SIG_HANDLE, so this one decides. Load it before Next
// creates its server (it notes every HTTP server this process creates).
"use strict";
const diagnostics = require("node:diagnostics_channel");
const http = require("node:http");
const { log } = require("../lib/log.cjs");

const DRAINING = Symbol.for("schoolkompas.draining");
const timeoutSeconds = Number(process.env.SHUTDOWN_TIMEOUT_SECONDS ?? 25);
const servers = new Set();
const inFlight = new Set();

process.env.NEXT_MANUAL_SIG_HANDLE = "true";

const createServer = http.createServer;
http.createServer = function (...args) {
  const server = createServer.apply(this, args);
  servers.add(server);
  return server;
};

diagnostics.subscribe("http.server.request.start", ({ response }) => {
  inFlight.add(response);
  response.once("close", () => inFlight.delete(response));
  // Draining: answer this one (it came on a connection opened before), then close the connection.
  if (globalThis[DRAINING]) response.shouldKeepAlive = false;
});

let started = false;
function drain(signal) {
  if (started) return;
  started = true;
  globalThis[DRAINING] = true;
  log.info({ signal, inFlight: inFlight.size }, "shutting down: no new connections, finishing the requests in flight");
  for (const response of inFlight) if (!response.headersSent) response.shouldKeepAlive = false;
  let open = servers.size;
  const finished = () => {
    log.info({ signal }, "shut down: every request answered");
    process.exit(0);
  };
  if (open === 0) return finished();
  for (const server of servers) {
    server.close(() => {
      open -= 1;
      if (open === 0) finished();
    });
    server.closeIdleConnections();
  }
  // A keep-alive connection that just became idle closes now rather than at its timeout.
  setInterval(() => {
    for (const server of servers) server.closeIdleConnections();
  }, 200).unref();
  setTimeout(() => {
    log.warn({ signal, cut: inFlight.size, timeoutSeconds }, "shut down: requests still in flight were cut");
    for (const server of servers) server.closeAllConnections();
    process.exit(1);
  }, timeoutSeconds * 1000).unref();
}

process.on("SIGTERM", () => drain("SIGTERM"));
process.on("SIGINT", () => drain("SIGINT"));

module.exports = { drain };
