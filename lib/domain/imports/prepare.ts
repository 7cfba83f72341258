import type { ImportFileKind } from "@/lib/generated/prisma/enums";
import type { CheckFile, LineIssue } from "@/lib/domain/imports/check/types";
import { detectKind, mapColumns, type SchoolMappings } from "@/lib/domain/imports/headers";
import { readTable, type FileFormat } from "@/lib/domain/imports/read-file";

const READ_ISSUE = { unreadable: "fileUnreadable", empty: "fileBlank", noRows: "fileNoRows" } as const;

export type StoredFile = { id: string; position: number; name: string; format: string; content: Uint8Array | null; kind: ImportFileKind | null; kindChosen: boolean };
export type FileFacts = { id: string; kind: ImportFileKind | null; rowCount: number; headers: string[]; unmapped: string[] };

/**
 * Reads every file of a set and works out what it is: its kind (the one the
 * administrator chose, else recognised from the headers) and which column
 * holds which field. Problems with a file as a whole come back as issues on
 * line 0 (or the header line); rows are not looked at until every file is fine.
 */
export async function prepareFiles(files: StoredFile[], mappings: SchoolMappings): Promise<{ checkFiles: CheckFile[]; issues: LineIssue[]; facts: FileFacts[] }> {
  const checkFiles: CheckFile[] = [];
  const issues: LineIssue[] = [];
  const facts: FileFacts[] = [];
  const kinds = new Map<ImportFileKind, number>();
  for (const file of [...files].sort((a, b) => a.position - b.position)) {
    if (!file.content) {
      issues.push({ file: file.position, line: 0, code: "fileGone" });
      continue;
    }
    const read = await readTable(file.format as FileFormat, file.content);
    if (!read.ok) {
      issues.push({ file: file.position, line: read.line ?? 0, code: READ_ISSUE[read.code] });
      facts.push({ id: file.id, kind: file.kind, rowCount: 0, headers: [], unmapped: [] });
      continue;
    }
    const { table } = read;
    const kind = file.kindChosen && file.kind ? file.kind : detectKind(table.headers, mappings);
    if (!kind) {
      issues.push({ file: file.position, line: table.headerLine, code: "fileKindUnknown" });
      facts.push({ id: file.id, kind: null, rowCount: table.rows.length, headers: table.headers, unmapped: table.headers.filter(Boolean) });
      continue;
    }
    const columns = mapColumns(kind, table.headers, mappings);
    facts.push({ id: file.id, kind, rowCount: table.rows.length, headers: table.headers, unmapped: columns.unmapped });
    if (columns.missing.length) issues.push({ file: file.position, line: table.headerLine, code: "columnsMissing", params: { fields: columns.missing.join(","), kind } });
    if (kinds.has(kind)) issues.push({ file: file.position, line: 0, code: "kindTwice", params: { kind, other: kinds.get(kind)! + 1 } });
    kinds.set(kind, file.position);
    checkFiles.push({ position: file.position, name: file.name, kind, table, columns });
  }
  return { checkFiles, issues, facts };
}
