import { z } from "zod";
import { surnameSortKey } from "@/lib/domain/pupils/names";

export const MENTOR_LIST_SORTS = ["reach", "name", "lastContact", "class"] as const;
export type MentorListSort = (typeof MENTOR_LIST_SORTS)[number];

/**
 * The mentor list's query string; anything unexpected falls back to the
 * default. By default the families not reached come first: on a phone the
 * mentor sees whom to call without choosing a sort.
 */
export const MentorListQuery = z.object({
  show: z.enum(["all", "notReached"]).catch("all"),
  sort: z.enum(MENTOR_LIST_SORTS).catch("reach"),
});
export type MentorListQuery = z.infer<typeof MentorListQuery>;

/** What the sorts read of a row of the mentor's list. */
export type SortableRow = { name: string; lastName: string; className: string; daysSinceLast: number | null; notReached: boolean };

const byName = (a: SortableRow, b: SortableRow) =>
  surnameSortKey(a.lastName).localeCompare(surnameSortKey(b.lastName), "nl") || a.name.localeCompare(b.name, "nl");
// Longest without contact first; never contacted at the very top.
const byLastContact = (a: SortableRow, b: SortableRow) => (b.daysSinceLast ?? Infinity) - (a.daysSinceLast ?? Infinity) || byName(a, b);

const SORTERS: Record<MentorListSort, (a: SortableRow, b: SortableRow) => number> = {
  // Not reached first (never contacted, then longest ago), then everyone else by surname.
  reach: (a, b) => Number(b.notReached) - Number(a.notReached) || (a.notReached ? byLastContact(a, b) : byName(a, b)),
  name: byName,
  class: (a, b) => a.className.localeCompare(b.className, "nl", { numeric: true }) || byName(a, b),
  lastContact: byLastContact,
};

/** The rows in the order the mentor chose (a new array). */
export function sortMentorRows<T extends SortableRow>(rows: readonly T[], sort: MentorListSort): T[] {
  return [...rows].sort(SORTERS[sort]);
}
