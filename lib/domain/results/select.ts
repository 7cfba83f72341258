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
