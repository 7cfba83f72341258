import type { AccessRow } from "@/lib/domain/privacy/sql";
import { actionKey } from "@/lib/domain/privacy/categories";

/** A translator of the `privacy` namespace (next-intl's or fastTranslations'). */
export type Translate = ((key: string, values?: Record<string, string | number>) => string) & { has: (key: string) => boolean };

/** A row in words, in the reader's language: what the page and the CSV show. Missing columns read "—" or "unknown". */
export function rowWords(row: AccessRow, t: Translate, tRoles: Translate) {
  const action = t.has(`action.${actionKey(row.action)}`) ? t(`action.${actionKey(row.action)}`) : row.action;
  const category = row.category && t.has(`categoryValue.${row.category}`) ? t(`categoryValue.${row.category}`) : (row.category ?? t("none"));
  return {
    person: row.actorName ?? t("unknownPerson"),
    role: row.role && tRoles.has(row.role) ? tRoles(row.role) : t("unknown"),
    pupil: row.pupil ? row.pupil.name : row.askedId ? t("unknownPupil", { id: shortId(row.askedId) }) : t("noPupil"),
    pupilNumber: row.pupil?.studentNumber ?? "",
    className: row.pupil?.className ?? "",
    action,
    category,
    route: row.route ?? t("unknown"),
    outcome: t(`outcomeValue.${row.outcome}`),
    askedId: row.pupil ? "" : (row.askedId ?? ""),
  };
}

/** What someone typed into an address can be long: show the start. */
function shortId(id: string): string {
  return id.length > 40 ? `${id.slice(0, 40)}…` : id;
}

/** A moment as the CSV writes it: Dutch wall-clock time, "2026-12-06 17:03:12" (sortable, read as a date by Excel). */
export function csvTime(at: Date): string {
  return CSV_TIME.format(at);
}
const CSV_TIME = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Amsterdam", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23",
});
