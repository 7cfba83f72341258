// One "server process" for tests/integration/cache-tags.test.ts: loads the
// cache handler as Next does (its default class, one store per process) and
// reports what happens to a cached page tagged <tag>.
//   node cache-tags-child.cjs listen <tag>   → "ready", then "expired" once another process expires <tag>
//   node cache-tags-child.cjs expire <tag>   → expires <tag> here (and so everywhere), prints "expired-here"
"use strict";
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS child process */
const Handler = require("../../lib/cache/shared-tags.cjs");

const [role, tag] = process.argv.slice(2);
const handler = new Handler({ revalidatedTags: [] });
const page = () => ({ kind: "APP_PAGE", html: "<p>cached</p>", rscData: Buffer.from("rsc"), headers: { "x-next-cache-tags": `${tag},_N_T_/page` }, status: 200 });
const ctx = { kind: "APP_PAGE" };

(async () => {
  await Handler.listening();
  await handler.set("/page", page(), { cacheControl: { revalidate: 60 } });
  if (!(await handler.get("/page", ctx))) throw new Error("the page was not cached");
  if (role === "listen") {
    console.log("ready");
    const timer = setInterval(async () => {
      if (!(await handler.get("/page", ctx))) {
        console.log("expired");
        clearInterval(timer);
        process.exit(0);
      }
    }, 10);
  } else {
    await handler.revalidateTag([tag]);
    if (!(await handler.get("/page", ctx))) console.log("expired-here");
    process.exit(0);
  }
})();
