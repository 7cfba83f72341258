import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, pageRequestOf } from "@/lib/domain/privacy/cursor";

describe("keyset cursors", () => {
  it("come back as they went out", () => {
    const cursor = { at: new Date("2026-12-06T16:03:12.345Z"), id: "cmabc123_-x" };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it("are ignored when edited or made up (the first page is shown)", () => {
    const forged = Buffer.from("2026-13-45T00:00:00.000Z|x").toString("base64url");
    const injected = Buffer.from("2026-12-06T16:03:12.345Z|x' OR 1=1").toString("base64url");
    for (const bad of [undefined, "", "%%%", "a".repeat(300), forged, injected, Buffer.from("nothing").toString("base64url")]) {
      expect(decodeCursor(bad)).toBeNull();
    }
    expect(pageRequestOf(() => "garbage")).toEqual({ cursor: null, direction: "older" });
  });
});
