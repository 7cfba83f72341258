// Whether a request comes from a page of this site, however the site is
// reached: its own host name, another name for the same server (127.0.0.1 when
// NEXTAUTH_URL says localhost), or a proxy in front that passes the public name
// in X-Forwarded-Host. The same rule Next.js applies to server actions: the
// Origin's host must equal the host the request was addressed to.

/** The host the browser addressed: X-Forwarded-Host (first entry) from a proxy, else Host. */
export function requestHost(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return forwarded || headers.get("host");
}

/** The host of an absolute URL, or null when it is not one. */
function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

/**
 * False for a cross-site form post: an Origin of another host, or a browser
 * saying so (Sec-Fetch-Site). A request without either (old browsers, curl)
 * is not a cross-site browser request and passes.
 */
export function isSameOrigin(headers: Headers): boolean {
  if (headers.get("sec-fetch-site") === "cross-site") return false;
  const origin = headers.get("origin");
  if (!origin) return true;
  const host = requestHost(headers);
  return host !== null && hostOf(origin) === host;
}

/** The path of a Referer on this site (to return to after a form post), else "/". */
export function localReferer(headers: Headers): string {
  const referer = headers.get("referer");
  if (!referer) return "/";
  try {
    const from = new URL(referer);
    return from.host === requestHost(headers) ? `${from.pathname}${from.search}` : "/";
  } catch {
    return "/";
  }
}
