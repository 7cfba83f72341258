import type { CheckFile } from "@/lib/domain/imports/check/types";
import { checkText, type Checker } from "@/lib/domain/imports/check/checker";
import { addSubject } from "@/lib/domain/imports/check/subjects";
import { pastDateOfYear } from "@/lib/domain/imports/check/dates";
import { assignPeriods, type PendingAssessment } from "@/lib/domain/imports/check/periods";
import { parseGrade, parseInteger } from "@/lib/domain/imports/values";

/**
 * Results, one line per pupil and test; the test (assessment) is the class,
 * subject, date and description, so the same file imported again finds the
 * same tests. A line without a grade is not a result yet and is skipped.
 */
export async function checkResults(checker: Checker, file: CheckFile): Promise<void> {
  const assessments = new Map<string, PendingAssessment>();
  const seen = new Map<string, number>();
  for await (const row of checker.rows(file)) {
    if (!row.has("grade")) continue;
    const number = row.get("studentNumber");
    const pupil = number ? checker.pupils.get(number) : undefined;
    if (!number) checker.error(file.position, row.line, "required", { field: "studentNumber" });
    else if (!pupil) checker.error(file.position, row.line, "unknownPupil", { value: number });
    const code = checkText(checker, file.position, row, "subjectCode", 20, true)?.toLowerCase();
    let subject = code ? checker.subjects.get(code) : undefined;
    if (code && !subject) {
      if (row.has("subjectName")) subject = addSubject(checker, code, row.get("subjectName").slice(0, 80));
      else checker.error(file.position, row.line, "unknownSubject", { value: code });
    }
    const description = checkText(checker, file.position, row, "description", 120, true);
    const heldOn = pastDateOfYear(checker, file.position, row, "date");
    const weight = parseInteger(row.get("weight"));
    if (weight === null || weight < 0 || weight > 100) checker.error(file.position, row.line, row.has("weight") ? "weightInvalid" : "required", { field: "weight", value: row.get("weight") });
    const period = row.has("period") ? parseInteger(row.get("period").replace(/^p(eriode)?\s*/i, "")) : null;
    if (row.has("period") && (period === null || period < 1 || period > 8)) checker.error(file.position, row.line, "periodInvalid", { value: row.get("period") });
    const grade = parseGrade(row.get("grade"));
    if (grade === null) checker.error(file.position, row.line, "gradeInvalid", { value: row.get("grade") });
    else if (grade === "outOfRange") checker.error(file.position, row.line, "gradeOutOfRange", { value: row.get("grade") });
    const className = row.get("className");
    const klass = className ? checker.classes.get(className.toUpperCase()) : undefined;
    if (className && !klass) checker.error(file.position, row.line, "unknownClass", { value: className });
    if (!pupil || pupil === "bad" || !subject || subject === "bad" || !description || !heldOn || weight === null || weight < 0 || weight > 100) continue;
    if ((row.has("period") && (period === null || period < 1 || period > 8)) || grade === null || grade === "outOfRange" || (className && (!klass || klass === "bad"))) continue;

    const classGroupId = klass && klass !== "bad" ? klass.id : pupil.classGroupId;
    const key = `${classGroupId}|${subject.id}|${heldOn}|${description}`;
    let assessment = assessments.get(key);
    if (!assessment) {
      const existing = checker.state.assessments.get(key);
      assessment = { id: existing?.id ?? checker.newId(), key, classGroupId, subjectId: subject.id, description, heldOn, weight, period, line: row.line, existing };
      assessments.set(key, assessment);
    } else if (assessment.weight !== weight || (period !== null && assessment.period !== null && assessment.period !== period)) {
      checker.error(file.position, row.line, "assessmentConflict", { firstLine: assessment.line });
      continue;
    }
    assessment.period ??= period;
    const resultKey = `${pupil.id}|${assessment.id}`;
    if (seen.has(resultKey)) {
      checker.error(file.position, row.line, "duplicateResult", { value: number, firstLine: seen.get(resultKey)! });
      continue;
    }
    seen.set(resultKey, row.line);
    const before = checker.state.results.get(resultKey);
    const label = `${pupil.label}: ${code} ${description} (${heldOn}) ${grade.grade ?? grade.text}`;
    if (before && before.grade === grade.grade && before.text === grade.text) checker.count("results", "unchanged");
    else {
      checker.plan.results.push({ pupilId: pupil.id, assessmentId: assessment.id, grade: grade.grade, text: grade.text });
      checker.count("results", before ? "changed" : "created", { label, ...(before ? { fields: ["grade"] } : {}) });
    }
  }
  assignPeriods(checker, file.position, [...assessments.values()]);
}
