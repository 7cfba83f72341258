// Whether a POST to a page carries a body Next.js can decode as a server
// action's arguments. Next fails with a 500 on a multipart body that does not
// parse, and on an action call whose body is not a JSON array (React's
// encoding of the argument list); proxy.ts answers those 400 instead. What the
// arguments hold is each action's own check (lib/forms/form-data.ts).

export async function isReadableActionBody(request: Request): Promise<boolean> {
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  try {
    if (type.startsWith("multipart/form-data")) {
      await request.clone().formData();
      return true;
    }
    if (request.headers.has("next-action")) return Array.isArray(JSON.parse(await request.clone().text()));
    return true;
  } catch {
    return false;
  }
}
