import type { CheckFile } from "@/lib/domain/imports/check/types";
import { checkText, type Checker } from "@/lib/domain/imports/check/checker";
import { parseInteger, parseTrack } from "@/lib/domain/imports/values";

/** Classes of this school year by name: new ones are created, a changed year or track is updated. */
export async function checkClasses(checker: Checker, file: CheckFile): Promise<void> {
  const seen = new Map<string, number>();
  for await (const row of checker.rows(file)) {
    const name = checkText(checker, file.position, row, "className", 20, true);
    const key = name?.toUpperCase();
    if (key && seen.has(key)) {
      checker.error(file.position, row.line, "duplicateClass", { value: name!, firstLine: seen.get(key)! });
      continue;
    }
    if (key) seen.set(key, row.line);
    const year = parseInteger(row.get("year"));
    const track = parseTrack(row.get("track"));
    let ok = !!name;
    if (year === null || year < 1 || year > 6) {
      checker.error(file.position, row.line, row.has("year") ? "yearInvalid" : "required", { field: "year", value: row.get("year") });
      ok = false;
    }
    if (!track) {
      checker.error(file.position, row.line, row.has("track") ? "trackUnknown" : "required", { field: "track", value: row.get("track") });
      ok = false;
    }
    if (!ok) {
      if (key && !checker.classes.has(key)) checker.classes.set(key, "bad");
      continue;
    }
    const existing = checker.state.classes.get(key!);
    if (!existing) {
      const id = checker.newId();
      checker.plan.classes.create.push({ id, name: name!, year: year!, track: track! });
      checker.classes.set(key!, { id, name: name! });
      checker.count("classes", "created", { label: name! });
    } else if (existing.year !== year || existing.track !== track) {
      checker.plan.classes.update.push({ id: existing.id, year: year!, track: track! });
      checker.count("classes", "changed", { label: name!, fields: [...(existing.year !== year ? ["year"] : []), ...(existing.track !== track ? ["track"] : [])] });
    } else checker.count("classes", "unchanged");
  }
}
