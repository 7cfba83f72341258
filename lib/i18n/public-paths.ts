// Where proxy.ts sends the public pages: app/(public)/site/[locale]/…
// (kept free of server-only imports: proxy.ts and the compare page share it).

/** Where app/(public)/site/[locale] lives. */
const PUBLIC_TREE = "/site";
/** Starts every compare segment (the compare page removes it). */
export const SEGMENT_MARK = "~";

/**
 * Public pages are the same for everyone with the same language, so they are
 * rendered once and served from cache. Their addresses stay as they are
 * (`/`, `/schools/x`, `/compare?schools=a,b`); inside, the request goes to
 * `/site/<locale>/…`, where the language is a path segment instead of a cookie.
 * The compare selection moves from the query into the path (one segment per
 * comma-separated part, marked with SEGMENT_MARK) so each selection is its own cache entry.
 */
export function publicRewrite(url: URL, locale: string): URL | null {
  const { pathname, searchParams } = url;
  const target = new URL(url);
  if (pathname === "/") {
    target.pathname = `${PUBLIC_TREE}/${locale}`;
  } else if (/^\/schools\/[^/]+\/?$/.test(pathname)) {
    target.pathname = `${PUBLIC_TREE}/${locale}${pathname.replace(/\/$/, "")}`;
    target.search = "";
  } else if (pathname === "/compare" || pathname === "/compare/") {
    const parts = searchParams.getAll("schools").flatMap((value) => value.split(",")).map((p) => p.trim()).filter(Boolean);
    // Each segment starts with "~", so no part (say "..") can be a path step.
    const segments = parts.map((part) => `${SEGMENT_MARK}${encodeURIComponent(part)}`);
    target.pathname = [`${PUBLIC_TREE}/${locale}/compare`, ...segments].join("/");
    target.search = "";
  } else if (pathname === PUBLIC_TREE || pathname.startsWith(`${PUBLIC_TREE}/`)) {
    // The internal addresses are not addresses of the site.
    target.pathname = "/_not-found";
  } else {
    return null;
  }
  return target;
}
