/** What Next's notFound() throws: the router turns it into a 404 response. */
export function isNotFoundError(error: unknown): boolean {
  return typeof error === "object" && error !== null && "digest" in error && String((error as { digest: unknown }).digest).startsWith("NEXT_HTTP_ERROR_FALLBACK;404");
}

export async function expectNotFound(promise: Promise<unknown>): Promise<void> {
  let caught: unknown = null;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  if (!isNotFoundError(caught)) throw new Error(`expected notFound(), got ${caught === null ? "a result" : String(caught)}`);
}
