// While the database is away the server answers 503 with Retry-After, not 500
// (issue 21, docs/decisions/0040-database-away.md). Next.js decides a page's
// status itself (an error → 500) and a server action's (always 200), so this
// keeps a small record per HTTP request (AsyncLocalStorage, entered as Node
// publishes "http.server.request.start", synchronously before Next sees the
// request) that the data layer marks (lib/http/database-away.ts), and corrects
// the status as the head is written:
// - a 5xx answer to a request that met the database away → 503;
// - a server action that answered "not saved, database away" in its result
//   (the form keeps the typed text) → 503 with that same body.
// A page whose head was already sent (a streamed page that failed below its
// first Suspense boundary) keeps the status it sent: it shows the calm text in
// its error boundary.
"use strict";
const diagnostics = require("node:diagnostics_channel");
const http = require("node:http");
const { AsyncLocalStorage } = require("node:async_hooks");

const RETRY_AFTER_SECONDS = "60";
const outcomes = new AsyncLocalStorage();
const requestOutcome = new WeakMap();

globalThis[Symbol.for("schoolkompas.requestOutcome")] = () => outcomes.getStore();

diagnostics.subscribe("http.server.request.start", ({ response }) => {
  const outcome = { databaseFailed: false, answerUnavailable: false };
  requestOutcome.set(response, outcome);
  outcomes.enterWith(outcome);
});

/** The status a response should have: 503 when the database's absence caused the answer. */
function correctedStatus(response, status) {
  const outcome = requestOutcome.get(response);
  if (!outcome) return status;
  if (outcome.answerUnavailable && status === 200) return 503;
  if (outcome.databaseFailed && status >= 500) return 503;
  return status;
}

function markUnavailable(response) {
  response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
  response.setHeader("Cache-Control", "no-store");
}

const writeHead = http.ServerResponse.prototype.writeHead;
http.ServerResponse.prototype.writeHead = function (status, ...rest) {
  const corrected = typeof status === "number" ? correctedStatus(this, status) : status;
  if (corrected === 503 && status !== 503) {
    markUnavailable(this);
    // writeHead(status, message?, headers?): a reason phrase for the old status would be wrong.
    if (typeof rest[0] === "string") rest.shift();
  }
  return writeHead.call(this, corrected, ...rest);
};

// A response written without writeHead (statusCode set, then write/end) gets its head implicitly: correct it there.
const implicitHeader = http.ServerResponse.prototype._implicitHeader;
http.ServerResponse.prototype._implicitHeader = function () {
  const corrected = correctedStatus(this, this.statusCode);
  if (corrected !== this.statusCode) {
    this.statusCode = corrected;
    this.statusMessage = "Service Unavailable";
    markUnavailable(this);
  }
  return implicitHeader.call(this);
};

module.exports = { correctedStatus };
