import { day, instant } from "@/lib/db/json-values";
import type { ResultRow } from "@/lib/domain/results/report";

/** A result as the hand-written statements build it with json_build_object (decision 0006). */
export type ResultJson = {
  id: string; grade: string | null; textValue: string | null; enteredAt: string; description: string;
  weight: number; heldOn: string; period: number; subjectId: string; subjectCode: string; subjectName: string;
};

/**
 * The SQL for one ResultJson of result `re`, assessment `a`, its period `ap` and subject `su`
 * (json_build_object's arguments; the grade as text keeps its decimal exactly).
 */
export const RESULT_JSON_FIELDS = `'id', re.id, 'grade', re.grade::text, 'textValue', re."textValue", 'enteredAt', re."enteredAt",
      'description', a.description, 'weight', a.weight, 'heldOn', a."heldOn", 'period', ap.number,
      'subjectId', su.id, 'subjectCode', su.code, 'subjectName', su.name`;

/** The same row as Prisma gives it with `resultSelect`. */
export function toResultRow(r: ResultJson): ResultRow {
  return {
    id: r.id,
    grade: r.grade,
    textValue: r.textValue,
    enteredAt: instant(r.enteredAt),
    assessment: {
      description: r.description,
      weight: r.weight,
      heldOn: day(r.heldOn),
      period: { number: r.period },
      subject: { id: r.subjectId, code: r.subjectCode, name: r.subjectName },
    },
  };
}
