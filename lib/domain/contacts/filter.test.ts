import { describe, expect, it } from "vitest";
import { MentorListQuery, sortMentorRows, type SortableRow } from "@/lib/domain/contacts/filter";

const row = (name: string, className: string, daysSinceLast: number | null, notReached: boolean): SortableRow => ({
  name, lastName: name.split(" ").slice(1).join(" "), className, daysSinceLast, notReached,
});
// Threshold 6 weeks (42 days): "not reached" is never contacted or more than 42 days ago.
const rows = [
  row("Anna de Boer", "2B", 20, false),
  row("Bram Visser", "2A", 50, true),
  row("Cas van Dijk", "2A", null, true),
  row("Dewi Aksoy", "2B", 10, false),
  row("Eva Bakker", "2A", 90, true),
];
const names = (sorted: SortableRow[]) => sorted.map((r) => r.name);

describe("the mentor's list", () => {
  it("puts the families not reached first by default: never contacted, then longest ago; then the rest by surname", () => {
    const sort = MentorListQuery.parse({}).sort;
    expect(sort).toBe("reach");
    expect(names(sortMentorRows(rows, sort))).toEqual(["Cas van Dijk", "Eva Bakker", "Bram Visser", "Dewi Aksoy", "Anna de Boer"]);
  });

  it("keeps the other sorts, and falls back to the default for an unknown one", () => {
    expect(names(sortMentorRows(rows, "name"))).toEqual(["Dewi Aksoy", "Eva Bakker", "Anna de Boer", "Cas van Dijk", "Bram Visser"]);
    expect(names(sortMentorRows(rows, "lastContact"))).toEqual(["Cas van Dijk", "Eva Bakker", "Bram Visser", "Anna de Boer", "Dewi Aksoy"]);
    expect(names(sortMentorRows(rows, "class"))).toEqual(["Eva Bakker", "Cas van Dijk", "Bram Visser", "Dewi Aksoy", "Anna de Boer"]);
    expect(MentorListQuery.parse({ show: "everything", sort: "shoe size" })).toEqual({ show: "all", sort: "reach" });
    expect(MentorListQuery.parse({ show: "notReached", sort: "name" })).toEqual({ show: "notReached", sort: "name" });
  });

  it("does not change the rows it was given", () => {
    const copy = [...rows];
    sortMentorRows(rows, "reach");
    expect(rows).toEqual(copy);
  });
});
