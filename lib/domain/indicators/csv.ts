import { parse } from "csv-parse/sync";

export const CSV_MAX_BYTES = 200_000;
const HEADER = ["indicator", "schooltype", "value", "explanation"];

export type CsvRow = { line: number; indicatorCode: string; schoolType: string; value: string; explanation: string };
export type CsvResult = { ok: true; rows: CsvRow[] } | { ok: false; errors: { line: number; error: string }[] };

/**
 * Reads the upload: a header row `indicator;schoolType;value;explanation`
 * (semicolons as Dutch spreadsheets write them, or commas), one row per value.
 */
export function readIndicatorCsv(text: string): CsvResult {
  if (text.length > CSV_MAX_BYTES) return { ok: false, errors: [{ line: 0, error: "indicatorErrors.csvTooLarge" }] };
  // A NUL byte means another encoding (UTF-16) or a binary file; PostgreSQL would refuse the text anyway.
  if (text.includes("\u0000")) return { ok: false, errors: [{ line: 0, error: "indicatorErrors.csvUnreadable" }] };
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = firstLine.includes(";") ? ";" : ",";
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ""), { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch {
    return { ok: false, errors: [{ line: 0, error: "indicatorErrors.csvUnreadable" }] };
  }
  const [header, ...body] = records;
  if (!header || header.map((h) => h.toLowerCase()).join() !== HEADER.join()) {
    return { ok: false, errors: [{ line: 1, error: "indicatorErrors.csvHeader" }] };
  }
  if (body.length === 0) return { ok: false, errors: [{ line: 0, error: "indicatorErrors.csvEmpty" }] };
  const errors: { line: number; error: string }[] = [];
  const rows: CsvRow[] = [];
  body.forEach((cells, i) => {
    const line = i + 2;
    if (cells.length < 3 || cells.length > 4) errors.push({ line, error: "indicatorErrors.csvColumns" });
    else rows.push({ line, indicatorCode: cells[0].toUpperCase(), schoolType: cells[1].toUpperCase() || "ALL", value: cells[2], explanation: cells[3] ?? "" });
  });
  return errors.length ? { ok: false, errors } : { ok: true, rows };
}
