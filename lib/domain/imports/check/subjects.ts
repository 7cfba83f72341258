import type { CheckFile } from "@/lib/domain/imports/check/types";
import { checkText, type Checker } from "@/lib/domain/imports/check/checker";

/** Subjects by their code (lower case, as the school's timetable writes it). */
export async function checkSubjects(checker: Checker, file: CheckFile): Promise<void> {
  const seen = new Map<string, number>();
  for await (const row of checker.rows(file)) {
    const code = checkText(checker, file.position, row, "subjectCode", 20, true)?.toLowerCase();
    const name = checkText(checker, file.position, row, "subjectName", 80, true);
    if (code && seen.has(code)) {
      checker.error(file.position, row.line, "duplicateSubject", { value: code, firstLine: seen.get(code)! });
      continue;
    }
    if (code) seen.set(code, row.line);
    if (!code || !name) {
      if (code) checker.subjects.set(code, "bad");
      continue;
    }
    addSubject(checker, code, name);
  }
}

/** A subject the set names: created when new, renamed when its name changed. */
export function addSubject(checker: Checker, code: string, name: string): { id: string } {
  const existing = checker.state.subjects.get(code);
  if (!existing) {
    const id = checker.newId();
    checker.plan.subjects.create.push({ id, code, name });
    checker.subjects.set(code, { id });
    checker.count("subjects", "created", { label: `${code} ${name}` });
    return { id };
  }
  if (existing.name !== name) {
    checker.plan.subjects.update.push({ id: existing.id, name });
    checker.count("subjects", "changed", { label: `${code} ${name}`, fields: ["subjectName"] });
  } else checker.count("subjects", "unchanged");
  checker.subjects.set(code, { id: existing.id });
  return { id: existing.id };
}
