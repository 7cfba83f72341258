import { gzipSync } from "node:zlib";

/**
 * First-load JavaScript of a page: every script the HTML loads, gzipped,
 * summed (bytes). `nomodule` polyfills are left out: modern browsers skip them.
 */
export async function firstLoadJs(baseUrl: string, path: string, cookie?: string): Promise<{ scripts: number; gzipBytes: number }> {
  const html = await (await fetch(`${baseUrl}${path}`, { headers: cookie ? { cookie } : {} })).text();
  const tags = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]).filter((attrs) => !/\bnomodule\b/i.test(attrs));
  const sources = [...new Set(tags.flatMap((attrs) => /\bsrc="([^"]+)"/.exec(attrs)?.[1] ?? []))];
  let gzipBytes = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src, baseUrl))).arrayBuffer());
    gzipBytes += gzipSync(body).length;
  }
  return { scripts: sources.length, gzipBytes };
}
