import type { CheckFile } from "@/lib/domain/imports/check/types";
import { checkText, type Checker } from "@/lib/domain/imports/check/checker";
import { iso } from "@/lib/domain/imports/check/state";
import { joinName, parseDutchDate, parseInteger, parseTrack } from "@/lib/domain/imports/values";

/**
 * Pupils by the school's own pupil number. A full export also names who left:
 * pupils of the school missing from it are marked as left (never deleted), and
 * a pupil who was marked left and appears again is back.
 */
export async function checkPupils(checker: Checker, file: CheckFile): Promise<void> {
  const seen = new Map<string, number>();
  const classInfo = classesWithTrack(checker);
  for await (const row of checker.rows(file)) {
    const number = checkText(checker, file.position, row, "studentNumber", 20, true);
    if (number && seen.has(number)) {
      checker.error(file.position, row.line, "duplicatePupil", { value: number, firstLine: seen.get(number)! });
      continue;
    }
    if (number) seen.set(number, row.line);
    const firstName = checkText(checker, file.position, row, "firstName", 80, true);
    const lastName = checkText(checker, file.position, row, "lastName", 80, true);
    const prefix = checkText(checker, file.position, row, "prefix", 20, false);
    const birthDate = parseDutchDate(row.get("birthDate"));
    if (!birthDate) checker.error(file.position, row.line, row.has("birthDate") ? "dateInvalid" : "required", { field: "birthDate", value: row.get("birthDate") });
    else if (birthDate > checker.ctx.today || birthDate.getUTCFullYear() < 1900) checker.error(file.position, row.line, "birthDateImplausible", { value: row.get("birthDate") });
    const className = checkText(checker, file.position, row, "className", 20, true);
    const klass = className ? checker.classes.get(className.toUpperCase()) : undefined;
    if (className && !klass) checker.error(file.position, row.line, "unknownClass", { value: className });
    const valid = number && firstName && lastName && prefix !== null && birthDate && birthDate <= checker.ctx.today && birthDate.getUTCFullYear() >= 1900 && klass && klass !== "bad";
    if (!valid) {
      if (number) checker.pupils.set(number, "bad");
      continue;
    }
    const info = classInfo.get(klass.id);
    const year = parseInteger(row.get("year"));
    const track = row.has("track") ? parseTrack(row.get("track")) : null;
    if (info && ((year !== null && year !== info.year) || (track !== null && track !== info.track))) {
      checker.warn(file.position, row.line, "differsFromClass", { value: klass.name });
    }
    const fullLastName = joinName(prefix, lastName);
    const label = `${number} ${firstName} ${fullLastName}`;
    const existing = checker.state.pupils.get(number);
    if (!existing) {
      const id = checker.newId();
      checker.plan.pupils.create.push({ id, studentNumber: number, firstName, lastName: fullLastName, birthDate: iso(birthDate), classGroupId: klass.id });
      checker.pupils.set(number, { id, classGroupId: klass.id, label });
      checker.count("pupils", "created", { label: `${label} (${klass.name})` });
      continue;
    }
    checker.pupils.set(number, { id: existing.id, classGroupId: klass.id, label });
    const fields = [
      ...(existing.firstName !== firstName ? ["firstName"] : []),
      ...(existing.lastName !== fullLastName ? ["lastName"] : []),
      ...(existing.birthDate !== iso(birthDate) ? ["birthDate"] : []),
      ...(existing.classGroupId !== klass.id ? ["className"] : []),
      ...(existing.leftOn ? ["returned"] : []),
    ];
    if (fields.length === 0) checker.count("pupils", "unchanged");
    else {
      checker.plan.pupils.update.push({ id: existing.id, firstName, lastName: fullLastName, birthDate: iso(birthDate), classGroupId: klass.id });
      checker.count("pupils", "changed", { label: `${label} (${klass.name})`, fields });
    }
  }
  if (!checker.ctx.fullExport) return;
  for (const [number, pupil] of checker.state.pupils) {
    if (pupil.leftOn || seen.has(number)) continue;
    checker.plan.pupils.leave.push(pupil.id);
    checker.count("pupils", "removed", { label: `${number} ${pupil.firstName} ${pupil.lastName}` });
  }
}

function classesWithTrack(checker: Checker): Map<string, { year: number; track: string }> {
  const map = new Map<string, { year: number; track: string }>();
  for (const c of checker.state.classes.values()) map.set(c.id, c);
  for (const c of checker.plan.classes.create) map.set(c.id, c);
  for (const c of checker.plan.classes.update) map.set(c.id, c);
  return map;
}
