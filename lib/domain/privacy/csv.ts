import { stringify } from "csv-stringify/sync";

// The privacy export as Dutch Excel opens it: UTF-8 with a byte-order mark,
// ";" between cells, CRLF line ends, and every text cell that a spreadsheet
// would run as a formula (= + - @ tab CR, and their full-width forms) prefixed
// with ' (csv-stringify's escape_formulas; OWASP "CSV injection").

const OPTIONS = { delimiter: ";", record_delimiter: "\r\n", escape_formulas: true, quoted_match: /[\r\n]/ } as const;

export type CsvCell = string | null;

/** The first part of the file: BOM, header and the first rows. */
export function csvStart(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return stringify([[...header], ...rows.map((r) => [...r])], { ...OPTIONS, bom: true });
}

/** A later part: rows only. */
export function csvRows(rows: readonly (readonly CsvCell[])[]): string {
  return rows.length ? stringify(rows.map((r) => [...r]), OPTIONS) : "";
}
