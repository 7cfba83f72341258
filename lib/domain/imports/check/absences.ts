import type { CheckFile } from "@/lib/domain/imports/check/types";
import { checkText, type Checker } from "@/lib/domain/imports/check/checker";
import { isSchoolDay, pastDateOfYear } from "@/lib/domain/imports/check/dates";
import { FIRST_LESSON, LAST_LESSON, LATE_MINUTES_MAX, LESSON_MINUTES, REASON_MAX } from "@/lib/domain/attendance/absence-fields";
import { parseAbsenceKind, parseInteger } from "@/lib/domain/imports/values";

/**
 * Absence per lesson (pupil, date, lesson hour — the same key a registration
 * uses, so an import corrects what is there). Imported absence is history: it
 * never sends a message to guardians (docs/decisions/0015).
 */
export async function checkAbsences(checker: Checker, file: CheckFile): Promise<void> {
  const seen = new Map<string, number>();
  for await (const row of checker.rows(file)) {
    const number = row.get("studentNumber");
    const pupil = number ? checker.pupils.get(number) : undefined;
    if (!number) checker.error(file.position, row.line, "required", { field: "studentNumber" });
    else if (!pupil) checker.error(file.position, row.line, "unknownPupil", { value: number });
    const date = pastDateOfYear(checker, file.position, row, "date");
    if (date && !isSchoolDay(checker, date)) checker.error(file.position, row.line, "notSchoolDay", { value: row.get("date") });
    const lesson = parseInteger(row.get("lessonHour"));
    const lessonOk = lesson !== null && lesson >= FIRST_LESSON && lesson <= LAST_LESSON;
    if (!lessonOk) checker.error(file.position, row.line, row.has("lessonHour") ? "lessonInvalid" : "required", { field: "lessonHour", value: row.get("lessonHour"), max: LAST_LESSON });
    const kind = parseAbsenceKind(row.get("kind"));
    if (!kind) checker.error(file.position, row.line, row.has("kind") ? "absenceKindUnknown" : "required", { field: "kind", value: row.get("kind") });
    const givenMinutes = row.has("minutes") ? parseInteger(row.get("minutes")) : null;
    const maxMinutes = kind === "LATE" ? LATE_MINUTES_MAX : 120;
    let minutesOk = true;
    if (row.has("minutes") && (givenMinutes === null || givenMinutes < 1 || givenMinutes > maxMinutes)) {
      checker.error(file.position, row.line, "minutesInvalid", { value: row.get("minutes"), max: maxMinutes });
      minutesOk = false;
    } else if (kind === "LATE" && givenMinutes === null) {
      checker.error(file.position, row.line, "minutesRequired");
      minutesOk = false;
    }
    const reason = checkText(checker, file.position, row, "reason", REASON_MAX, false);
    if (!pupil || pupil === "bad" || !date || !isSchoolDay(checker, date) || !lessonOk || !kind || !minutesOk || reason === null) continue;

    const key = `${pupil.id}|${date}|${lesson}`;
    if (seen.has(key)) {
      checker.error(file.position, row.line, "duplicateAbsence", { value: number, firstLine: seen.get(key)! });
      continue;
    }
    seen.set(key, row.line);
    const minutes = givenMinutes ?? LESSON_MINUTES;
    const record = { pupilId: pupil.id, date, lessonHour: lesson!, kind, minutes, reason: reason || null };
    const before = checker.state.absences.get(key);
    if (before && before.kind === kind && before.minutes === minutes && before.reason === record.reason) {
      checker.count("absences", "unchanged");
      continue;
    }
    checker.plan.absences.push(record);
    const fields = before ? [...(before.kind !== kind ? ["kind"] : []), ...(before.minutes !== minutes ? ["minutes"] : []), ...(before.reason !== record.reason ? ["reason"] : [])] : undefined;
    checker.count("absences", before ? "changed" : "created", { label: `${pupil.label}: ${date} ${lesson}`, fields });
  }
}
