// Small answers for route handlers: JSON that no cache may keep, and the 404
// a refused lookup gives (domain code calls notFound(), which pages turn into
// the not-found page; a route handler answers it itself).

export function jsonNoStore(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" } });
}

/** What Next's notFound() throws. */
export function isNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && "digest" in error && String((error as { digest: unknown }).digest).startsWith("NEXT_HTTP_ERROR_FALLBACK;404");
}

export function notFoundResponse(): Response {
  return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
