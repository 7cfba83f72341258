// Keyset paging on (at, id), newest first: a cursor names the row a page
// starts after (older) or before (newer). Opaque to the visitor, checked
// strictly on the way back in: anything else is ignored (the first page).

export type Cursor = { at: Date; id: string };
export type PageDirection = "older" | "newer";

const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.at.toISOString()}|${cursor.id}`, "utf8").toString("base64url");
}

export function decodeCursor(value: unknown): Cursor | null {
  if (typeof value !== "string" || value.length > 200 || !/^[A-Za-z0-9_-]+$/.test(value)) return null;
  const [iso, id, ...rest] = Buffer.from(value, "base64url").toString("utf8").split("|");
  if (rest.length || !id || !ID.test(id) || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(iso ?? "")) return null;
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) || at.toISOString() !== iso ? null : { at, id };
}

/** The page an address asks for: `older=<cursor>` or `newer=<cursor>`; anything else is the newest page. */
export function pageRequestOf(get: (key: string) => string | undefined): { cursor: Cursor | null; direction: PageDirection } {
  const older = decodeCursor(get("older"));
  if (older) return { cursor: older, direction: "older" };
  const newer = decodeCursor(get("newer"));
  return newer ? { cursor: newer, direction: "newer" } : { cursor: null, direction: "older" };
}
