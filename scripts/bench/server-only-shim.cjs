// Lets the app's data layer load in a plain Node process for the benchmark:
// "server-only" (a guard against bundling server code for browsers) resolves
// to an empty module here, as it does in the test setup.
const Module = require("node:module");
const path = require("node:path");

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === "server-only") return path.join(__dirname, "empty.cjs");
  return resolve.call(this, request, ...rest);
};
