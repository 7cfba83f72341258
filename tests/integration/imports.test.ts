import { describe, expect, it } from "vitest";
import { db, sqlRows } from "@/lib/db/client";
import { applyImport, createImport } from "@/lib/domain/imports/commands";
import { unsafeApplyImport } from "@/lib/domain/imports/jobs";
import { AppError } from "@/lib/errors";
import { withTypicalErrors } from "@/scripts/import-samples/errors";
import { IMPORT_NOW, createImportSchool, dryRun, importAndApply, sampleSet, uploadsOf } from "@/tests/factories/imports";
import type { Summary } from "@/lib/domain/imports/check/types";

// The import's rules against a real PostgreSQL: a dry run writes nothing, the
// same files twice give the same database, one bad line applies nothing, line
// numbers are those of the file.

const SCHOOL_TABLES = ["ClassGroup", "Period", "SchoolYear", "User", "Guardian", "GuardianLink", "RoleMembership", "Staff", "Mentorship", "Pupil", "Subject", "Assessment", "Result", "AbsenceRecord", "Notification"];

async function tableCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of SCHOOL_TABLES) counts[table] = Number((await sqlRows<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`, []))[0].n);
  return counts;
}

/** Every row of the school's tables (all columns, ids and timestamps included), hashed. */
async function digest(): Promise<string> {
  const parts: string[] = [];
  for (const table of SCHOOL_TABLES) parts.push((await sqlRows<{ d: string }>(`SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS d FROM "${table}" t`, []))[0].d);
  return parts.join(":");
}

const counts = (run: { summary: unknown }) => (run.summary as Summary).counts;

describe("a dry run", () => {
  it("writes nothing but the run itself, and previews what would be created", async () => {
    const { school, admin } = await createImportSchool();
    const before = await tableCounts();
    const run = await dryRun(admin, school.id, await uploadsOf(Object.values(sampleSet(30, "imports-test-1"))));
    expect(run.status).toBe("READY");
    expect(await tableCounts()).toEqual(before);
    expect(counts(run).pupils).toEqual({ created: 30, changed: 0, unchanged: 0, removed: 0 });
    expect(counts(run).classes?.created).toBe(1);
    expect(counts(run).results?.created).toBeGreaterThan(500);
    expect(counts(run).guardians?.created).toBeGreaterThan(40);
  });
});

describe("applying", () => {
  it("writes the whole set; the same files again change nothing at all", async () => {
    const { school, admin } = await createImportSchool();
    const files = await uploadsOf(Object.values(sampleSet(30, "imports-test-2")));
    const first = await importAndApply(admin, school.id, files);
    expect(first.status).toBe("APPLIED");
    expect(await db.pupil.count({ where: { schoolId: school.id } })).toBe(30);
    const guardian = await db.guardian.findFirstOrThrow({ where: { links: { some: { pupil: { schoolId: school.id } } } }, select: { user: { select: { passwordHash: true, memberships: { select: { role: true } } } } } });
    expect(guardian.user.passwordHash).toBeNull();
    expect(guardian.user.memberships.map((m) => m.role)).toEqual(["PARENT"]);
    const after = await digest();

    const second = await importAndApply(admin, school.id, files);
    expect(second.status).toBe("APPLIED");
    expect(await digest()).toBe(after);
    for (const c of Object.values(counts(second))) expect({ ...c, unchanged: 0 }).toEqual({ created: 0, changed: 0, unchanged: 0, removed: 0 });
    expect(counts(second).results?.unchanged).toBe(counts(first).results?.created);
  });

  it("is all or nothing: a set with one bad line cannot be applied and writes nothing", async () => {
    const { school, admin } = await createImportSchool();
    const set = sampleSet(20, "imports-test-3");
    set.results.rows[40][7] = "11";
    const before = await tableCounts();
    const run = await dryRun(admin, school.id, await uploadsOf(Object.values(set)));
    expect(run.status).toBe("INVALID");
    expect(run.errorCount).toBe(1);
    expect(run.errors).toEqual([{ file: 5, line: 41, code: "gradeOutOfRange", params: { value: "11" } }]);
    await expect(applyImport(admin, school.id, run.id)).rejects.toEqual(new AppError("conflict"));
    await unsafeApplyImport(run.id, { now: IMPORT_NOW });
    expect(await tableCounts()).toEqual(before);
  });

  it("finds in the sample with errors exactly the errors it was made with, on the lines an editor shows", async () => {
    const { school, admin } = await createImportSchool();
    const { files, errors } = withTypicalErrors(sampleSet(150, "imports-test-4"));
    const run = await dryRun(admin, school.id, await uploadsOf(Object.values(files)));
    const names = Object.values(files).map((f) => f.name);
    const found = (run.errors as { file: number; line: number; code: string }[]).map((e) => ({ file: names[e.file], line: e.line, code: e.code }));
    expect(found.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line)).toEqual(errors);
  });
});

describe("an updated export", () => {
  it("updates only what changed, matched on pupil number and e-mail address", async () => {
    const { school, admin } = await createImportSchool();
    const set = sampleSet(25, "imports-test-5");
    await importAndApply(admin, school.id, await uploadsOf(Object.values(set)));
    const pupilNumber = set.pupils.rows[3][0];
    set.pupils.rows[3][3] = "Verhoeven";
    const guardianRow = set.guardians.rows.findIndex((g, i) => i > 0 && g[6] !== "");
    set.guardians.rows[guardianRow][7] = "06 12 34 56 78";
    const resultRow = set.results.rows.findIndex((r, i) => i > 0 && r[2] !== "lo");
    set.results.rows[resultRow][7] = set.results.rows[resultRow][7] === "5,0" ? "6,0" : "5,0";
    const run = await importAndApply(admin, school.id, await uploadsOf(Object.values(set)));
    expect(counts(run).pupils).toMatchObject({ created: 0, changed: 1 });
    expect(counts(run).guardians).toMatchObject({ created: 0, changed: 1 });
    expect(counts(run).results).toMatchObject({ created: 0, changed: 1 });
    const pupil = await db.pupil.findFirstOrThrow({ where: { schoolId: school.id, studentNumber: pupilNumber } });
    expect(pupil.lastName).toBe(set.pupils.rows[3][2] ? `${set.pupils.rows[3][2]} Verhoeven` : "Verhoeven");
    const guardian = await db.user.findFirstOrThrow({ where: { email: set.guardians.rows[guardianRow][6] }, select: { guardian: { select: { phone: true } } } });
    expect(guardian.guardian?.phone).toBe("+31612345678");
  });

  it("as a full export marks pupils who are missing as left (never deleted), and a pupil who comes back as back", async () => {
    const { school, admin } = await createImportSchool();
    const set = sampleSet(20, "full-export");
    await importAndApply(admin, school.id, await uploadsOf(Object.values(set)), { fullExport: true });
    const gone = set.pupils.rows.splice(5, 2).map((r) => r[0]);
    const without = { ...set, guardians: { ...set.guardians, rows: set.guardians.rows.filter((r) => !gone.includes(r[0])) }, results: { ...set.results, rows: set.results.rows.filter((r) => !gone.includes(r[0])) }, absences: { ...set.absences, rows: set.absences.rows.filter((r) => !gone.includes(r[0])) } };
    const run = await importAndApply(admin, school.id, await uploadsOf(Object.values(without)), { fullExport: true });
    expect(counts(run).pupils).toMatchObject({ removed: 2, created: 0 });
    const left = await db.pupil.findMany({ where: { schoolId: school.id, leftOn: { not: null } }, select: { studentNumber: true, leftOn: true } });
    expect(left.map((p) => p.studentNumber).sort()).toEqual(gone.sort());
    expect(left[0].leftOn?.toISOString().slice(0, 10)).toBe("2026-12-07");
    expect(await db.pupil.count({ where: { schoolId: school.id } })).toBe(20);

    const back = await importAndApply(admin, school.id, await uploadsOf(Object.values(sampleSet(20, "full-export"))), { fullExport: true });
    expect(counts(back).pupils).toMatchObject({ changed: 2, removed: 0 });
    expect(await db.pupil.count({ where: { schoolId: school.id, leftOn: { not: null } } })).toBe(0);
  });
});

describe("people", () => {
  it("links an existing account of the same person as guardian, and refuses an e-mail address of someone with another name", async () => {
    const { school, admin } = await createImportSchool();
    const set = sampleSet(10, "imports-test-6");
    // Two guardians with an e-mail address of one pupil each (a guardian of siblings has one row per child).
    const withEmail = set.guardians.rows.slice(1).filter((g) => g[6]);
    const [first, second] = withEmail.filter((g) => withEmail.filter((h) => h[6] === g[6]).length === 1);
    const teacher = await db.user.create({ data: { email: first[6], name: `${first[1]} ${first[2] ? `${first[2]} ` : ""}${first[3]}`, passwordHash: "x" } });
    await db.roleMembership.create({ data: { userId: teacher.id, role: "MENTOR", schoolId: school.id } });
    await db.user.create({ data: { email: second[6], name: "Iemand Anders" } });
    const run = await dryRun(admin, school.id, await uploadsOf(Object.values(set)));
    expect((run.errors as { code: string; params?: { value?: string } }[]).map((e) => [e.code, e.params?.value])).toEqual([["emailOtherPerson", second[6]]]);

    set.guardians.rows = set.guardians.rows.filter((g) => g[6] !== second[6]);
    await importAndApply(admin, school.id, await uploadsOf(Object.values(set)));
    const linked = await db.user.findUniqueOrThrow({ where: { id: teacher.id }, select: { passwordHash: true, guardian: { select: { links: true } }, memberships: { select: { role: true } } } });
    expect(linked.passwordHash).toBe("x");
    expect(linked.guardian?.links.length).toBeGreaterThan(0);
    expect(linked.memberships.map((m) => m.role).sort()).toEqual(["MENTOR", "PARENT"]);
  });

  it("keeps a guardian without e-mail as one person across imports, and adds an address given later", async () => {
    const { school, admin } = await createImportSchool();
    const set = sampleSet(10, "imports-test-7");
    const row = set.guardians.rows.findIndex((g, i) => i > 0 && g[6]);
    const email = set.guardians.rows[row][6];
    set.guardians.rows[row][6] = "";
    await importAndApply(admin, school.id, await uploadsOf(Object.values(set)));
    const guardians = await db.guardian.count();
    const again = await importAndApply(admin, school.id, await uploadsOf(Object.values(set)));
    expect(counts(again).guardians?.created).toBe(0);
    set.guardians.rows[row][6] = email;
    const later = await importAndApply(admin, school.id, await uploadsOf(Object.values(set)));
    expect(counts(later).guardians).toMatchObject({ created: 0, changed: 1 });
    expect(await db.guardian.count()).toBe(guardians);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });
});

describe("scope", () => {
  it("refuses another board's school with 404 and an audit row, before storing anything", async () => {
    const mine = await createImportSchool();
    const theirs = await createImportSchool();
    const files = await uploadsOf([sampleSet(5, "imports-test-8").classes]);
    const { expectNotFound } = await import("@/tests/support/next-errors");
    await expectNotFound(createImport(mine.admin, theirs.school.id, files, { idempotencyKey: "other-board-1", fullExport: false }));
    expect(await db.importRun.count({ where: { schoolId: theirs.school.id } })).toBe(0);
    const denied = await db.auditLog.findMany({ where: { actorUserId: mine.admin.userId, outcome: "DENIED" }, select: { action: true, targetId: true } });
    expect(denied).toEqual([{ action: "school:view", targetId: theirs.school.id }]);
  });

  it("refuses a file that names another school's BRIN as a whole, and audits one of another board", async () => {
    const other = await createImportSchool({ brin: "98ZZ" });
    const { school, admin } = await createImportSchool({ brin: "12AB" });
    const set = sampleSet(5, "imports-test-9");
    set.classes.rows = set.classes.rows.map((r, i) => [...r, i === 0 ? "BRIN" : "98ZZ"]);
    const before = await tableCounts();
    const run = await dryRun(admin, school.id, await uploadsOf(Object.values(set)));
    expect(run.status).toBe("INVALID");
    expect(run.errors).toEqual([{ file: 0, line: 2, code: "brinMismatch", params: { value: "98ZZ", school: "12AB" } }]);
    expect(await tableCounts()).toEqual(before);
    const audit = await db.auditLog.findFirstOrThrow({ where: { actorUserId: admin.userId, outcome: "DENIED" } });
    expect(audit).toMatchObject({ action: "import:create", details: { reason: "brinOfOtherBoard", runId: run.id, schoolId: school.id } });
    expect(other.school.brin).toBe("98ZZ");
  });
});

describe("files", () => {
  it("refuses a file over 10 MB, too many files and files that are not CSV or Excel, with the reason", async () => {
    const { school, admin } = await createImportSchool();
    const big = { name: "leerlingen.csv", bytes: new Uint8Array(10 * 1024 * 1024 + 1).fill(65) };
    const { ImportUploadError } = await import("@/lib/domain/imports/commands");
    const problems = async (files: { name: string; bytes: Uint8Array }[]) => {
      try {
        await createImport(admin, school.id, files, { idempotencyKey: crypto.randomUUID(), fullExport: false });
      } catch (error) {
        if (error instanceof ImportUploadError) return error.problems.map((p) => p.code);
        throw error;
      }
      return [];
    };
    expect(await problems([big])).toEqual(["fileTooLarge"]);
    expect(await problems([])).toEqual(["noFiles"]);
    expect(await problems(Array.from({ length: 9 }, (_, i) => ({ name: `f${i}.csv`, bytes: new Uint8Array([65]) })))).toEqual(["tooManyFiles"]);
    expect(await problems([{ name: "foto.png", bytes: new Uint8Array([1, 2]) }])).toEqual(["fileType"]);
    expect(await db.importRun.count({ where: { schoolId: school.id } })).toBe(0);
  });

  it("stores a formula-looking cell as the text it is", async () => {
    const { school, admin } = await createImportSchool();
    const set = sampleSet(5, "imports-test-10");
    set.pupils.rows[1][1] = '=HYPERLINK("http://example.test","klik")';
    await importAndApply(admin, school.id, await uploadsOf(Object.values(set)));
    const pupil = await db.pupil.findFirstOrThrow({ where: { schoolId: school.id, studentNumber: set.pupils.rows[1][0] } });
    expect(pupil.firstName).toBe('=HYPERLINK("http://example.test","klik")');
  });

  it("remembers a column mapping per school", async () => {
    const { school, admin } = await createImportSchool();
    const set = sampleSet(5, "imports-test-11");
    set.pupils.rows[0][0] = "Stamnr.";
    const run = await dryRun(admin, school.id, await uploadsOf(Object.values(set)));
    expect(run.errors).toEqual([{ file: 2, line: 1, code: "columnsMissing", params: { fields: "studentNumber", kind: "PUPILS" } }]);
    const { mapImportColumns } = await import("@/lib/domain/imports/commands");
    const { unsafeValidateImport } = await import("@/lib/domain/imports/jobs");
    await mapImportColumns(admin, school.id, run.id, { kinds: [{ position: 2, kind: "PUPILS" }], columns: [{ position: 2, header: "Stamnr.", field: "studentNumber" }] });
    await unsafeValidateImport(run.id, { now: IMPORT_NOW });
    expect((await db.importRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("READY");
    expect((await dryRun(admin, school.id, await uploadsOf(Object.values(set)))).status).toBe("READY");
    const elsewhere = await createImportSchool();
    expect((await dryRun(elsewhere.admin, elsewhere.school.id, await uploadsOf(Object.values(set)))).status).toBe("INVALID");
  });
});
