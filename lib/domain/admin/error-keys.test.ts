import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import nl from "@/lib/i18n/messages/admin/nl.json";

// Every error key the administration's schemas and commands can answer with
// has a Dutch text (the catalogue test checks the other languages against it).
describe("administration error keys", () => {
  const sources = readdirSync(__dirname).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
  const keys = new Set(sources.flatMap((f) => [...readFileSync(path.join(__dirname, f), "utf8").matchAll(/"((?:school|calendar|staff)Errors\.[A-Za-z]+)"/g)].map((m) => m[1])));

  it("are found in the sources", () => expect(keys.size).toBeGreaterThan(30));

  it("all have a text", () => {
    const catalogue = nl as unknown as Record<string, Record<string, string>>;
    const missing = [...keys].filter((key) => {
      const [namespace, name] = key.split(".");
      return typeof catalogue[namespace]?.[name] !== "string";
    });
    expect(missing).toEqual([]);
  });
});
