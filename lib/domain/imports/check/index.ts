import type { ImportFileKind } from "@/lib/generated/prisma/enums";
import { APPLY_ORDER } from "@/lib/domain/imports/fields";
import { Checker } from "@/lib/domain/imports/check/checker";
import type { SchoolState } from "@/lib/domain/imports/check/state";
import type { CheckFile, ImportContext, LineIssue, Plan, Summary } from "@/lib/domain/imports/check/types";
import { checkClasses } from "@/lib/domain/imports/check/classes";
import { checkMentorships } from "@/lib/domain/imports/check/mentorships";
import { checkPupils } from "@/lib/domain/imports/check/pupils";
import { checkGuardians } from "@/lib/domain/imports/check/guardians";
import { checkSubjects } from "@/lib/domain/imports/check/subjects";
import { checkResults } from "@/lib/domain/imports/check/results";
import { checkAbsences } from "@/lib/domain/imports/check/absences";

export type CheckResult = {
  plan: Plan;
  summary: Summary;
  errors: LineIssue[];
  errorCount: number;
  warnings: LineIssue[];
  warningCount: number;
  /** The BRIN a file named when it is not this school's (the whole set is refused). */
  otherBrin: string | null;
};

const CHECKS: Record<ImportFileKind, (checker: Checker, file: CheckFile) => Promise<void>> = {
  CLASSES: checkClasses, MENTORSHIPS: checkMentorships, PUPILS: checkPupils, GUARDIANS: checkGuardians,
  SUBJECTS: checkSubjects, RESULTS: checkResults, ABSENCES: checkAbsences,
};

/**
 * The dry run proper: every row of every file checked against the school's
 * records and against the other files of the set, in dependency order
 * (classes before the pupils in them, pupils before their results), giving
 * the plan an apply writes and what the preview shows. Pure apart from the
 * state it is given: it reads and writes nothing.
 */
export async function runCheck(ctx: ImportContext, state: SchoolState, files: CheckFile[], onProgress?: (rows: number) => void): Promise<CheckResult> {
  const checker = new Checker(ctx, state, onProgress);
  const rows = files.reduce((n, f) => n + f.table.rows.length, 0);
  const otherBrin = checkBrin(checker, files);
  if (!otherBrin) {
    const ordered = [...files].sort((a, b) => APPLY_ORDER.indexOf(a.kind) - APPLY_ORDER.indexOf(b.kind) || a.position - b.position);
    for (const file of ordered) await CHECKS[file.kind](checker, file);
    if (ctx.fullExport && !files.some((f) => f.kind === "PUPILS")) checker.warn(0, 0, "fullExportWithoutPupils");
  }
  return {
    plan: checker.plan,
    summary: { counts: checker.counts, examples: checker.examples, rows },
    errors: checker.errors,
    errorCount: checker.errorCount,
    warnings: checker.warnings,
    warningCount: checker.warningCount,
    otherBrin,
  };
}

/**
 * A BRIN column must name this school (BRIN, or BRIN and location code) on
 * every line. A file of another school is refused as a whole, before anything
 * else is looked at.
 */
function checkBrin(checker: Checker, files: CheckFile[]): string | null {
  const own = checker.ctx.brin.toUpperCase();
  const accepted = new Set([own, `${own}${checker.ctx.locationCode}`.toUpperCase()]);
  for (const file of files) {
    if (file.columns.columns.brin === undefined) continue;
    for (const row of file.table.rows) {
      const value = (row.cells[file.columns.columns.brin] ?? "").replace(/\s+/g, "").toUpperCase();
      if (value && !accepted.has(value)) {
        checker.error(file.position, row.line, "brinMismatch", { value, school: own });
        return value;
      }
    }
  }
  return null;
}
