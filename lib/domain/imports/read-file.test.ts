import { describe, expect, it } from "vitest";
import { strToU8, zipSync } from "fflate";
import { decodeText, detectDelimiter, formatOf, readCsv, readXlsx } from "@/lib/domain/imports/read-file";
import { xlsxBytes } from "@/scripts/import-samples/files";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("reading a CSV file", () => {
  it("gives every record the line it starts on, after blank lines and quoted cells over several lines", () => {
    const text = 'Leerlingnummer;Opmerking\r\n1001;gewoon\r\n\r\n1002;"twee\r\nregels"\r\n\r\n\r\n1003;"drie\nregels\nlang"\n1004;laatste';
    const read = readCsv(bytes(text));
    expect(read.ok && read.table.rows.map((r) => [r.line, r.cells[0]])).toEqual([[2, "1001"], [4, "1002"], [8, "1003"], [11, "1004"]]);
    expect(read.ok && read.table.rows[1].cells[1]).toBe("twee\nregels");
  });

  it("finds the delimiter (; , or tab) from the header, ignoring quoted text", () => {
    expect(detectDelimiter("a;b;c\n1,2;3")).toBe(";");
    expect(detectDelimiter('"Naam; verzorger",E-mail,Relatie\n')).toBe(",");
    expect(detectDelimiter("a\tb\tc")).toBe("\t");
    const read = readCsv(bytes("\uFEFFKlas,Leerjaar\n1A,1"));
    expect(read.ok && read.table.headers).toEqual(["Klas", "Leerjaar"]);
  });

  it("reads Windows-1252 text (Excel on Dutch Windows) when the file is not UTF-8", () => {
    expect(decodeText(new Uint8Array([0x4a, 0x6f, 0x73, 0xe9]))).toBe("José");
    expect(decodeText(bytes("Zoë"))).toBe("Zoë");
  });

  it("says so for an empty file, a header without rows, and a quote that never closes", () => {
    expect(readCsv(bytes("\n\n"))).toEqual({ ok: false, code: "empty" });
    expect(readCsv(bytes("\nKlas;Leerjaar\n"))).toEqual({ ok: false, code: "noRows", line: 2 });
    expect(readCsv(bytes('Klas;Leerjaar\n"1A;1\n2B;2\n'))).toMatchObject({ ok: false, code: "unreadable" });
  });

  it("knows a file by its extension and content", () => {
    expect(formatOf("leerlingen.CSV", bytes("a;b"))).toBe("csv");
    expect(formatOf("export.xlsx", new Uint8Array([0x50, 0x4b, 3, 4]))).toBe("xlsx");
    expect(formatOf("export.xlsx", bytes("a;b"))).toBeNull();
    expect(formatOf("foto.png", bytes("x"))).toBeNull();
  });
});

describe("reading an Excel file", () => {
  it("numbers rows as Excel shows them, empty rows included", async () => {
    const file = await xlsxBytes([["Leerlingnummer", "Roepnaam"], ["230001", "Sanne"], ["", ""], ["230002", "=HYPERLINK(\"x\")"]]);
    const read = await readXlsx(new Uint8Array(file));
    expect(read.ok && read.table.rows.map((r) => [r.line, ...r.cells])).toEqual([[2, "230001", "Sanne"], [4, "230002", '=HYPERLINK("x")']]);
  });

  it("counts rows Excel left out of the file (it stores only rows with cells, each with its number)", async () => {
    const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
      <row r="3"><c r="A3" t="inlineStr"><is><t>Klas</t></is></c><c r="B3" t="inlineStr"><is><t>Leerjaar</t></is></c></row>
      <row r="7"><c r="A7" t="inlineStr"><is><t>1A</t></is></c><c r="B7"><v>1</v></c></row></sheetData></worksheet>`;
    const zip = zipSync({
      "[Content_Types].xml": strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
      "_rels/.rels": strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
      "xl/workbook.xml": strToU8('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>'),
      "xl/_rels/workbook.xml.rels": strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
      "xl/worksheets/sheet1.xml": strToU8(sheet),
    });
    const read = await readXlsx(zip);
    expect(read).toEqual({ ok: true, table: { headers: ["Klas", "Leerjaar"], headerLine: 3, rows: [{ line: 7, cells: ["1A", "1"] }] } });
  });

  it("says a broken file is unreadable", async () => {
    expect(await readXlsx(new Uint8Array([0x50, 0x4b, 1, 2, 3]))).toEqual({ ok: false, code: "unreadable" });
  });
});
