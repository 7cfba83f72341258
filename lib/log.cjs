// The server's log: one JSON object per line on standard output (pino), with
// time, level, msg, the request id of the HTTP request it belongs to, and
// safe fields. Never personal data: messages are fixed texts, values go in
// fields, and fields whose key names personal data (names, e-mail addresses,
// phone numbers, pupils' and users' ids, passwords, tokens, bodies…) are
// dropped at any depth before the line is written; an error is logged as its
// type and code only (its message may hold values). docs/decisions/0044-operations.md.
"use strict";
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, shared by the server scripts and the app */
const { AsyncLocalStorage } = require("node:async_hooks");
const pino = require("pino");

// One request context per process, shared by every copy of this module (Next's bundles, the server scripts).
const CONTEXT = Symbol.for("schoolkompas.requestContext");
/** @type {AsyncLocalStorage<{ requestId: string }>} */
const requestContext = (globalThis[CONTEXT] ??= new AsyncLocalStorage());

/** Keys (lower-case, letters and digits only) whose values are, or may be, personal data. */
const PERSONAL_KEYS = new Set(
  [
    "email", "mail", "emailaddress", "to", "from", "cc", "recipient",
    "name", "firstname", "lastname", "fullname", "displayname", "surname", "givenname", "prefix", "username",
    "phone", "phonenumber", "mobile", "telephone", "sms",
    "address", "street", "housenumber", "postcode", "postalcode", "zipcode", "city",
    "birthdate", "dateofbirth", "birthday", "bsn", "nationalid",
    "user", "userid", "pupil", "pupilid", "child", "childid", "student", "studentid", "guardian", "guardianid", "parent", "parentid",
    "ip", "clientaddress", "remoteaddress", "forwardedfor", "xforwardedfor",
    "password", "passwordhash", "secret", "token", "accesstoken", "refreshtoken", "cookie", "cookies", "setcookie", "authorization", "session",
    "body", "payload", "text", "note", "comment", "content", "subject", "query", "params", "headers",
  ],
);
const normalise = (key) => key.toLowerCase().replace(/[^a-z0-9]/g, "");

/** A copy of `value` without personal-data keys (at any depth, ten levels at most). */
function withoutPersonalData(value, depth = 0) {
  if (value === null || typeof value !== "object") return value;
  if (depth >= 10) return "[too deep]";
  if (Array.isArray(value)) return value.map((item) => withoutPersonalData(item, depth + 1));
  const kept = {};
  for (const [key, inner] of Object.entries(value)) {
    if (PERSONAL_KEYS.has(normalise(key))) continue;
    kept[key] = withoutPersonalData(inner, depth + 1);
  }
  return kept;
}

/** An error as its type and its code (never its message or stack, which may hold values). */
function errorFields(error) {
  if (error === null || typeof error !== "object") return { type: typeof error };
  const code = error.code ?? error.originalCode;
  return { type: typeof error.name === "string" ? error.name : "Error", ...(typeof code === "string" && /^[A-Za-z0-9_]{1,40}$/.test(code) ? { code } : {}) };
}

/**
 * A logger writing to `destination` (standard output unless given); tests pass a stream.
 * @param {{ destination?: import("pino").DestinationStream, level?: string }} [options]
 */
function createLogger(options = {}) {
  return pino(
    {
      level: options.level ?? process.env.LOG_LEVEL ?? "info",
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      messageKey: "msg",
      serializers: { err: errorFields, error: errorFields },
      mixin() {
        const store = requestContext.getStore();
        return store ? { requestId: store.requestId } : {};
      },
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => withoutPersonalData(object),
      },
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

const log = createLogger();

module.exports = { log, createLogger, requestContext, withoutPersonalData, PERSONAL_KEYS };
