import writeXlsxFile from "write-excel-file/node";
import type { SampleFile } from "./generate";

/** A CSV as Excel writes it: the delimiter, quotes only where needed, CRLF line ends. */
export function csvText(rows: string[][], delimiter = ";"): string {
  const cell = (value: string) => (value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return rows.map((row) => row.map(cell).join(delimiter)).join("\r\n") + "\r\n";
}

/** An .xlsx with one sheet of text cells (numbers stay text, as pupil numbers should). */
export async function xlsxBytes(rows: string[][]): Promise<Buffer> {
  return (await writeXlsxFile(rows.map((row) => row.map((value) => (value === "" ? null : value))), { sheet: "Leerlingen" }).toBuffer()) as Buffer;
}

/** The bytes of a sample file in its format (by extension); `,` for the guardians' export, as SOMtoday writes it. */
export async function fileBytes(file: SampleFile): Promise<Buffer> {
  if (file.name.endsWith(".xlsx")) return xlsxBytes(file.rows);
  return Buffer.from(csvText(file.rows, file.name.startsWith("verzorgers") ? "," : ";"), "utf8");
}
