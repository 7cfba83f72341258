// Text the school imported is stored exactly as it was (a name may start with
// "=" or "-"), but a CSV we hand back must never let a spreadsheet run it as a
// formula (CSV injection, OWASP): such cells get a leading apostrophe.

const FORMULA_START = /^[=+\-@\t\r\n]/;

/** One cell: formula-like text neutralised, then quoted as CSV requires. */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[";\n\r,]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as a `;`-separated CSV (how Dutch Excel opens it), with a BOM so Excel reads UTF-8. */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(";")).join("\r\n")}\r\n`;
}
