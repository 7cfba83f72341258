import type { SampleFile } from "./generate";

export type ExpectedError = { file: string; line: number; code: string };

const copy = (file: SampleFile): SampleFile => ({ name: file.name, rows: file.rows.map((r) => [...r]) });

/** The line each row starts on in a CSV: a cell with line breaks pushes the next rows down. */
function csvLines(rows: string[][]): number[] {
  const lines: number[] = [];
  let line = 1;
  for (const row of rows) {
    lines.push(line);
    line += 1 + row.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
  }
  return lines;
}

/**
 * The clean set with the errors a school's export typically has: a class that
 * does not exist, a birth date that is not a date, the same pupil twice, a
 * guardian's e-mail address given to another person, a grade of 11 — and,
 * before one of them, a household address over two lines in quotes and a
 * blank line, so the line numbers are tested where it is hard.
 */
export function withTypicalErrors(set: Record<string, SampleFile>): { files: Record<string, SampleFile>; errors: ExpectedError[] } {
  const files = Object.fromEntries(Object.entries(set).map(([k, f]) => [k, copy(f)]));
  const errors: ExpectedError[] = [];
  const pupils = files.pupils.rows;
  pupils[10][5] = "H4Z";
  errors.push({ file: files.pupils.name, line: 11, code: "unknownClass" });
  pupils[20][4] = "31-02-2012";
  errors.push({ file: files.pupils.name, line: 21, code: "dateInvalid" });
  pupils.push([...pupils[5]]);
  errors.push({ file: files.pupils.name, line: pupils.length, code: "duplicatePupil" });

  const bad = new Set([pupils[10][0], pupils[20][0]]);
  const guardians = files.guardians.rows;
  guardians[3][9] = "Lindelaan 4\n3811 AB Amersfoort";
  guardians.splice(7, 0, []);
  const first = guardians.findIndex((g, i) => i > 30 && g[6] && !bad.has(g[0]));
  const second = guardians.findIndex((g, i) => i > first + 4 && g[6] && g[1] !== guardians[first][1] && !bad.has(g[0]) && g[0] !== guardians[first][0]);
  guardians[second][6] = guardians[first][6];
  errors.push({ file: files.guardians.name, line: csvLines(guardians)[second], code: "sameEmailDifferentName" });

  const results = files.results.rows;
  const target = results.findIndex((r, i) => i > 14 && !bad.has(r[0]) && r[2] !== "lo");
  results[target][7] = "11";
  errors.push({ file: files.results.name, line: csvLines(results)[target], code: "gradeOutOfRange" });
  return { files, errors: errors.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line) };
}
