// Lets scripts (the job worker) load server modules outside Next.js: the
// `server-only` guard package throws unless bundled for the server, so it
// resolves to an empty module here. Used as: node --require ./scripts/server-only-preload.cjs
const Module = require("node:module");
const path = require("node:path");

const empty = path.join(__dirname, "empty-module.cjs");
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === "server-only") return empty;
  return resolve.call(this, request, ...rest);
};
