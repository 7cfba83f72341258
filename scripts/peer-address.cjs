// Appends the socket's address to X-Forwarded-For before Next.js sees a
// request, as a reverse proxy does. Next itself only fills the header when it
// is missing, so a client connecting directly could otherwise choose the
// address the sign-in limit counts (lib/auth/client-address.ts). Node publishes
// "http.server.request.start" synchronously before the request listener runs.
"use strict";
const diagnostics = require("node:diagnostics_channel");

function appendPeerAddress({ request, socket }) {
  const peer = socket?.remoteAddress;
  if (!peer) return;
  const existing = request.headers["x-forwarded-for"];
  request.headers["x-forwarded-for"] = existing ? `${existing}, ${peer}` : peer;
}

diagnostics.subscribe("http.server.request.start", appendPeerAddress);

module.exports = { appendPeerAddress };
