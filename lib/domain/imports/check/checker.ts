import { randomUUID } from "node:crypto";
import type { CheckFile, Counts, Entity, Example, ImportContext, LineIssue, Plan } from "@/lib/domain/imports/check/types";
import { emptyPlan } from "@/lib/domain/imports/check/types";
import type { SchoolState } from "@/lib/domain/imports/check/state";

/** Stored errors per import; the total is counted beyond it. */
export const MAX_STORED_ISSUES = 2000;
const MAX_EXAMPLES = 25;

export type Row = { line: number; get(field: string): string; has(field: string): boolean };

/** A pupil as this import knows it: in the database, in the pupils file, or named on a line with errors. */
export type KnownPupil = { id: string; classGroupId: string; label: string } | "bad";

/** The state of one check: the school's records, what the files add, the plan, errors and counts. */
export class Checker {
  readonly plan: Plan;
  readonly errors: LineIssue[] = [];
  readonly warnings: LineIssue[] = [];
  errorCount = 0;
  warningCount = 0;
  readonly counts: Partial<Record<Entity, Counts>> = {};
  readonly examples: Partial<Record<Entity, Example[]>> = {};
  /** Classes by upper-case name, with those the set creates; "bad" when named on a line with errors. */
  readonly classes = new Map<string, { id: string; name: string } | "bad">();
  readonly pupils = new Map<string, KnownPupil>();
  readonly subjects = new Map<string, { id: string } | "bad">();
  rowsChecked = 0;

  constructor(readonly ctx: ImportContext, readonly state: SchoolState, readonly onProgress: (rows: number) => void = () => {}) {
    this.plan = emptyPlan(state.schoolYearId ?? randomUUID(), state.schoolYearId === null);
    for (const [key, c] of state.classes) this.classes.set(key, { id: c.id, name: c.name });
    for (const [number, p] of state.pupils) this.pupils.set(number, { id: p.id, classGroupId: p.classGroupId, label: `${number} ${p.firstName} ${p.lastName}` });
    for (const [code, s] of state.subjects) this.subjects.set(code, { id: s.id });
  }

  error(file: number, line: number, code: string, params?: LineIssue["params"]): void {
    this.errorCount++;
    if (this.errors.length < MAX_STORED_ISSUES) this.errors.push({ file, line, code, ...(params ? { params } : {}) });
  }

  warn(file: number, line: number, code: string, params?: LineIssue["params"]): void {
    this.warningCount++;
    if (this.warnings.length < MAX_STORED_ISSUES) this.warnings.push({ file, line, code, ...(params ? { params } : {}) });
  }

  count(entity: Entity, action: keyof Counts, example?: { label: string; fields?: string[] }): void {
    const counts = (this.counts[entity] ??= { created: 0, changed: 0, unchanged: 0, removed: 0 });
    counts[action]++;
    if (example && action !== "unchanged") {
      const list = (this.examples[entity] ??= []);
      if (list.length < MAX_EXAMPLES) list.push({ action, ...example });
    }
  }

  /**
   * The rows of a file with their cells by field, trimmed. Every 2,000 rows
   * progress is reported and the event loop gets a turn (so the report is sent).
   */
  async *rows(file: CheckFile): AsyncGenerator<Row> {
    const { columns } = file.columns;
    for (const raw of file.table.rows) {
      const get = (field: string) => {
        const index = columns[field];
        return index === undefined ? "" : (raw.cells[index] ?? "").trim();
      };
      yield { line: raw.line, get, has: (field) => get(field) !== "" };
      if (++this.rowsChecked % 2000 === 0) {
        this.onProgress(this.rowsChecked);
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }

  newId(): string {
    return randomUUID();
  }
}

/** A text field's length rule: required fields must not be empty, none may be longer than `max`. */
export function checkText(checker: Checker, file: number, row: Row, field: string, max: number, required: boolean): string | null {
  const value = row.get(field);
  if (value === "") {
    if (required) checker.error(file, row.line, "required", { field });
    return required ? null : "";
  }
  if (value.length > max) {
    checker.error(file, row.line, "tooLong", { field, max });
    return null;
  }
  return value;
}
