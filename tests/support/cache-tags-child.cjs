// One "server process" for tests/integration/cache-tags.test.ts: loads the
// cache handler as Next does and reports what happens to one tag.
//   node cache-tags-child.cjs listen <tag>   → "ready", then "expired" once another process expires <tag>
//   node cache-tags-child.cjs expire <tag>   → expires <tag> here (and so everywhere), prints "expired-here"
"use strict";
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS child process */
const Handler = require("../../lib/cache/shared-tags.cjs");
const { tagsManifest } = require("next/dist/server/lib/incremental-cache/tags-manifest.external");

const [role, tag] = process.argv.slice(2);
const handler = new Handler({ flushToDisk: false, revalidatedTags: [] });

(async () => {
  await Handler.listening();
  if (role === "listen") {
    if (tagsManifest.has(tag)) throw new Error("tag expired before anyone expired it");
    console.log("ready");
    const timer = setInterval(() => {
      if (tagsManifest.get(tag)?.expired) {
        console.log("expired");
        clearInterval(timer);
        process.exit(0);
      }
    }, 10);
  } else {
    await handler.revalidateTag([tag]);
    if (tagsManifest.get(tag)?.expired) console.log("expired-here");
    process.exit(0);
  }
})();
