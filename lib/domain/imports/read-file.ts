import { parse } from "csv-parse/sync";
import { readSheet } from "read-excel-file/node";

/** A file as rows of text, each with the line (CSV) or row (Excel) number the administrator sees. */
export type Table = { headers: string[]; headerLine: number; rows: { line: number; cells: string[] }[] };

export type ReadResult = { ok: true; table: Table } | { ok: false; code: "unreadable" | "empty" | "noRows"; line?: number };

export type FileFormat = "csv" | "xlsx";

/** The format by extension (and the ZIP signature every .xlsx starts with); null for anything else. */
export function formatOf(name: string, bytes: Uint8Array): FileFormat | null {
  const lower = name.toLowerCase();
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (lower.endsWith(".xlsx")) return zip ? "xlsx" : null;
  if (lower.endsWith(".csv") || lower.endsWith(".txt")) return zip ? null : "csv";
  return null;
}

/**
 * Text of a CSV file: UTF-8 (with or without BOM) when it is valid UTF-8,
 * otherwise Windows-1252, which Excel on Dutch Windows still writes.
 */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/** `;`, `,` or tab: whichever occurs most in the first line outside quotes (Dutch Excel writes `;`). */
export function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ";": 0, ",": 0, "\t": 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && char in counts) counts[char]++;
  }
  const [best, count] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
  return count > 0 ? best : ";";
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === "");

/**
 * Reads a CSV file. Every record carries the line it STARTS on, counted as an
 * editor counts them: blank lines count, and a quoted cell spanning several
 * lines moves the next record down by as many.
 */
export function readCsv(bytes: Uint8Array): ReadResult {
  // One line ending everywhere (a mix confuses the parser; a line is a line either way).
  const text = decodeText(bytes).replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (text.trim() === "") return { ok: false, code: "empty" };
  let records: { record: string[]; info: { lines: number }; raw: string }[];
  try {
    records = parse(text, { delimiter: detectDelimiter(text), info: true, raw: true, relax_column_count: true, skip_empty_lines: true, relax_quotes: true }) as unknown as typeof records;
  } catch (error) {
    const line = typeof (error as { lines?: unknown }).lines === "number" ? (error as { lines: number }).lines : undefined;
    return { ok: false, code: "unreadable", line };
  }
  const rows = records
    .map(({ record, info, raw }) => {
      // raw holds the blank lines skipped before the record and its own line ending.
      const own = raw.replace(/^\n+/, "").replace(/\n$/, "");
      const newlines = own.split("\n").length - 1;
      return { line: info.lines - newlines, cells: record };
    })
    .filter((r) => !isBlank(r.cells));
  return toTable(rows);
}

/** Cell values of an Excel sheet as the text a CSV export would hold. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e6) / 1e6);
  if (typeof value === "boolean") return value ? "ja" : "nee";
  return String(value);
}

/** Reads the first sheet of an .xlsx file; row numbers are Excel's own (empty rows count). */
export async function readXlsx(bytes: Uint8Array): Promise<ReadResult> {
  let sheet: unknown[][];
  try {
    sheet = (await readSheet(Buffer.from(bytes))) as unknown[][];
  } catch {
    return { ok: false, code: "unreadable" };
  }
  const rows = sheet.map((cells, i) => ({ line: i + 1, cells: cells.map(cellText) })).filter((r) => !isBlank(r.cells));
  return toTable(rows);
}

function toTable(rows: { line: number; cells: string[] }[]): ReadResult {
  if (rows.length === 0) return { ok: false, code: "empty" };
  // A NUL byte: another encoding (UTF-16) or a damaged file; PostgreSQL refuses text holding one.
  const damaged = rows.find((r) => r.cells.some((cell) => cell.includes("\u0000")));
  if (damaged) return { ok: false, code: "unreadable", line: damaged.line };
  const [header, ...body] = rows;
  if (body.length === 0) return { ok: false, code: "noRows", line: header.line };
  return { ok: true, table: { headers: header.cells.map((h) => h.trim()), headerLine: header.line, rows: body } };
}

export async function readTable(format: FileFormat, bytes: Uint8Array): Promise<ReadResult> {
  return format === "xlsx" ? readXlsx(bytes) : readCsv(bytes);
}
