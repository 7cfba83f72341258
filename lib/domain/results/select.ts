/** The columns of a result the report (averages, trends, release) needs. */
export const resultSelect = {
  id: true,
  grade: true,
  textValue: true,
  enteredAt: true,
  assessment: {
    select: {
      description: true,
      weight: true,
      heldOn: true,
      period: { select: { number: true } },
      subject: { select: { id: true, code: true, name: true } },
    },
  },
} as const;

/** A pupil's results and absences of the school year that started on `startsOn` (nested select). */
export function schoolYearRecords(startsOn: Date) {
  return {
    results: { where: { assessment: { heldOn: { gte: startsOn } } }, select: resultSelect },
    absences: {
      where: { date: { gte: startsOn } },
      orderBy: [{ date: "desc" as const }, { lessonHour: "asc" as const }],
      select: { id: true, date: true, lessonHour: true, kind: true, minutes: true, reason: true },
    },
  };
}
