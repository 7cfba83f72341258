import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, AUDIT_CATEGORIES } from "@/lib/auth/audit";
import { actionKey } from "@/lib/domain/privacy/categories";
import { rowWords, type Translate } from "@/lib/domain/privacy/words";
import type { AccessRow } from "@/lib/domain/privacy/sql";
import { LOCALES } from "@/lib/i18n/config";

// The privacy view says in words what someone did ("bekeek de leerling"), in
// the reader's language. Every action the audit trail can write and every
// category needs a phrase in every catalogue; without one the page fell back to
// the raw action name ("reach:view").

type Privacy = { action: Record<string, string>; categoryValue: Record<string, string> };
const catalogue = (locale: string): Privacy =>
  JSON.parse(readFileSync(path.resolve(__dirname, `../../lib/i18n/messages/privacy/${locale}.json`), "utf8")).privacy;

describe("the privacy view's words for the audit trail", () => {
  it.each(LOCALES)("%s has a phrase for every audit action and category", (locale) => {
    const words = catalogue(locale);
    expect(AUDIT_ACTIONS.filter((a) => !words.action[actionKey(a)]?.trim())).toEqual([]);
    expect(AUDIT_CATEGORIES.filter((c) => !words.categoryValue[c]?.trim())).toEqual([]);
  });

  it("a row reads as the phrase, not the raw action name; an unknown action falls back to its name", () => {
    const words = catalogue("nl");
    const t = Object.assign((key: string) => {
      const [group, name] = key.split(".");
      const value = (words as unknown as Record<string, Record<string, string> | string>)[group];
      return typeof value === "string" ? value : (value?.[name] ?? key);
    }, { has: (key: string) => { const [group, name] = key.split("."); return Boolean((words as unknown as Record<string, Record<string, string>>)[group]?.[name]); } }) as Translate;
    const tRoles = Object.assign(() => "Schoolleider", { has: () => true }) as Translate;
    const row = { id: "1", at: new Date(), actorName: "A. Leider", role: "LEADER", action: "reach:view", category: "contacts", outcome: "ALLOWED", route: "/leader/reach/classes/[classId]", pupil: null, askedId: null } as unknown as AccessRow;
    expect(rowWords(row, t, tRoles).action).toBe("bekeek welke gezinnen nog niet bereikt zijn");
    expect(rowWords({ ...row, action: "future:thing" } as AccessRow, t, tRoles).action).toBe("future:thing");
  });
});
