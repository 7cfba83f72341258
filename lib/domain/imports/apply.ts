import type { Prisma } from "@/lib/generated/prisma/client";
import type { ImportContext, Plan } from "@/lib/domain/imports/check/types";
import { iso } from "@/lib/domain/imports/check/state";

type Tx = Prisma.TransactionClient;

/**
 * Writes a checked plan inside the caller's transaction: one statement per
 * kind of change, each over arrays (unnest), never a statement per row, so a
 * school's year of results (≈ 80,000 rows) is written in seconds. Rows that
 * exist are matched on their natural keys (ON CONFLICT), so writing the same
 * plan twice changes nothing. `step` reports each statement for the progress bar.
 */
export async function writePlan(tx: Tx, ctx: ImportContext, plan: Plan, step: (rows: number) => void = () => {}): Promise<void> {
  const schoolId = ctx.schoolId;
  const year = ctx.year;
  await tx.$executeRaw`INSERT INTO "SchoolYear" (id, name, "startsOn", "endsOn") VALUES (${plan.schoolYear.id}, ${year.name}, ${iso(year.startsOn)}::date, ${iso(year.endsOn)}::date) ON CONFLICT (name) DO NOTHING`;
  const [{ id: yearId }] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "SchoolYear" WHERE name = ${year.name}`;

  const c = plan.classes;
  if (c.create.length) await tx.$executeRaw`INSERT INTO "ClassGroup" (id, "schoolId", "schoolYearId", name, year, track)
    SELECT id, ${schoolId}, ${yearId}, name, year, track FROM unnest(${c.create.map((x) => x.id)}::text[], ${c.create.map((x) => x.name)}::text[], ${c.create.map((x) => x.year)}::int[], ${c.create.map((x) => x.track)}::text[]) AS t(id, name, year, track)`;
  if (c.update.length) await tx.$executeRaw`UPDATE "ClassGroup" g SET year = t.year, track = t.track
    FROM unnest(${c.update.map((x) => x.id)}::text[], ${c.update.map((x) => x.year)}::int[], ${c.update.map((x) => x.track)}::text[]) AS t(id, year, track) WHERE g.id = t.id AND g."schoolId" = ${schoolId}`;
  step(c.create.length + c.update.length);

  const p = plan.periods;
  if (p.length) await tx.$executeRaw`INSERT INTO "Period" (id, "schoolId", "schoolYearId", number, "startsOn", "endsOn")
    SELECT id, ${schoolId}, ${yearId}, number, s::date, e::date FROM unnest(${p.map((x) => x.id)}::text[], ${p.map((x) => x.number)}::int[], ${p.map((x) => x.startsOn)}::text[], ${p.map((x) => x.endsOn)}::text[]) AS t(id, number, s, e)`;
  step(p.length);

  const u = plan.users;
  if (u.length) await tx.$executeRaw`INSERT INTO "User" (id, email, name, locale, "createdAt", "updatedAt")
    SELECT id, email, name, locale::"Locale", now(), now() FROM unnest(${u.map((x) => x.id)}::text[], ${u.map((x) => x.email)}::text[], ${u.map((x) => x.name)}::text[], ${u.map((x) => x.locale)}::text[]) AS t(id, email, name, locale)`;
  const ue = plan.userEmails;
  if (ue.length) await tx.$executeRaw`UPDATE "User" x SET email = t.email, "updatedAt" = now() FROM unnest(${ue.map((e) => e.id)}::text[], ${ue.map((e) => e.email)}::text[]) AS t(id, email) WHERE x.id = t.id AND x.email IS NULL`;
  const g = plan.guardians;
  if (g.create.length) await tx.$executeRaw`INSERT INTO "Guardian" (id, "userId", phone)
    SELECT * FROM unnest(${g.create.map((x) => x.id)}::text[], ${g.create.map((x) => x.userId)}::text[], ${g.create.map((x) => x.phone)}::text[])`;
  if (g.update.length) await tx.$executeRaw`UPDATE "Guardian" x SET phone = t.phone FROM unnest(${g.update.map((x) => x.id)}::text[], ${g.update.map((x) => x.phone)}::text[]) AS t(id, phone) WHERE x.id = t.id`;
  const m = plan.memberships;
  if (m.length) await tx.$executeRaw`INSERT INTO "RoleMembership" (id, "userId", role, "schoolId")
    SELECT gen_random_uuid()::text, "userId", role::"Role", "schoolId" FROM unnest(${m.map((x) => x.userId)}::text[], ${m.map((x) => x.role)}::text[], ${m.map((x) => x.schoolId)}::text[]) AS t("userId", role, "schoolId")
    ON CONFLICT DO NOTHING`;
  const s = plan.staff;
  if (s.length) await tx.$executeRaw`INSERT INTO "Staff" (id, "userId", "schoolId", phone)
    SELECT id, "userId", ${schoolId}, phone FROM unnest(${s.map((x) => x.id)}::text[], ${s.map((x) => x.userId)}::text[], ${s.map((x) => x.phone)}::text[]) AS t(id, "userId", phone)`;
  const ms = plan.mentorships;
  if (ms.length) await tx.$executeRaw`INSERT INTO "Mentorship" (id, "staffId", "classGroupId")
    SELECT gen_random_uuid()::text, * FROM unnest(${ms.map((x) => x.staffId)}::text[], ${ms.map((x) => x.classGroupId)}::text[]) ON CONFLICT DO NOTHING`;
  step(u.length + ue.length + g.create.length + g.update.length + m.length + s.length + ms.length);

  await writePupils(tx, ctx, plan);
  step(plan.pupils.create.length + plan.pupils.update.length + plan.pupils.leave.length);
  const l = plan.links;
  if (l.create.length) await tx.$executeRaw`INSERT INTO "GuardianLink" (id, "guardianId", "pupilId", relationship, "hasParentalAuthority", household)
    SELECT gen_random_uuid()::text, g, p, r::"Relationship", a, h FROM unnest(${l.create.map((x) => x.guardianId)}::text[], ${l.create.map((x) => x.pupilId)}::text[], ${l.create.map((x) => x.relationship)}::text[], ${l.create.map((x) => x.authority)}::boolean[], ${l.create.map((x) => x.household)}::text[]) AS t(g, p, r, a, h)`;
  if (l.update.length) await tx.$executeRaw`UPDATE "GuardianLink" x SET relationship = t.r::"Relationship", "hasParentalAuthority" = t.a, household = t.h
    FROM unnest(${l.update.map((x) => x.id)}::text[], ${l.update.map((x) => x.relationship)}::text[], ${l.update.map((x) => x.authority)}::boolean[], ${l.update.map((x) => x.household)}::text[]) AS t(id, r, a, h) WHERE x.id = t.id`;
  step(l.create.length + l.update.length);

  await writeResults(tx, schoolId, plan, step);
  const ab = plan.absences;
  if (ab.length) await tx.$executeRaw`INSERT INTO "AbsenceRecord" (id, "pupilId", date, "lessonHour", kind, minutes, reason, "reportedBy", "updatedAt")
    SELECT gen_random_uuid()::text, p, d::date, h, k::"AbsenceKind", m, r, 'SCHOOL'::"ReportedBy", now()
    FROM unnest(${ab.map((x) => x.pupilId)}::text[], ${ab.map((x) => x.date)}::text[], ${ab.map((x) => x.lessonHour)}::int[], ${ab.map((x) => x.kind)}::text[], ${ab.map((x) => x.minutes)}::int[], ${ab.map((x) => x.reason)}::text[]) AS t(p, d, h, k, m, r)
    ON CONFLICT ("pupilId", date, "lessonHour") DO UPDATE SET kind = EXCLUDED.kind, minutes = EXCLUDED.minutes, reason = EXCLUDED.reason,
      "reportedBy" = EXCLUDED."reportedBy", "recordedById" = NULL, "updatedAt" = now()`;
  step(ab.length);
}

async function writePupils(tx: Tx, ctx: ImportContext, plan: Plan) {
  const { create, update, leave } = plan.pupils;
  if (create.length) await tx.$executeRaw`INSERT INTO "Pupil" (id, "schoolId", "classGroupId", "studentNumber", "firstName", "lastName", "birthDate")
    SELECT id, ${ctx.schoolId}, c, n, f, l, b::date FROM unnest(${create.map((x) => x.id)}::text[], ${create.map((x) => x.classGroupId)}::text[], ${create.map((x) => x.studentNumber)}::text[], ${create.map((x) => x.firstName)}::text[], ${create.map((x) => x.lastName)}::text[], ${create.map((x) => x.birthDate)}::text[]) AS t(id, c, n, f, l, b)`;
  if (update.length) await tx.$executeRaw`UPDATE "Pupil" x SET "classGroupId" = t.c, "firstName" = t.f, "lastName" = t.l, "birthDate" = t.b::date, "leftOn" = NULL
    FROM unnest(${update.map((x) => x.id)}::text[], ${update.map((x) => x.classGroupId)}::text[], ${update.map((x) => x.firstName)}::text[], ${update.map((x) => x.lastName)}::text[], ${update.map((x) => x.birthDate)}::text[]) AS t(id, c, f, l, b)
    WHERE x.id = t.id AND x."schoolId" = ${ctx.schoolId}`;
  if (leave.length) await tx.$executeRaw`UPDATE "Pupil" SET "leftOn" = ${iso(ctx.today)}::date WHERE id = ANY(${leave}::text[]) AND "schoolId" = ${ctx.schoolId} AND "leftOn" IS NULL`;
}

async function writeResults(tx: Tx, schoolId: string, plan: Plan, step: (rows: number) => void) {
  const sc = plan.subjects;
  if (sc.create.length) await tx.$executeRaw`INSERT INTO "Subject" (id, "schoolId", code, name) SELECT id, ${schoolId}, code, name FROM unnest(${sc.create.map((x) => x.id)}::text[], ${sc.create.map((x) => x.code)}::text[], ${sc.create.map((x) => x.name)}::text[]) AS t(id, code, name)`;
  if (sc.update.length) await tx.$executeRaw`UPDATE "Subject" x SET name = t.name FROM unnest(${sc.update.map((x) => x.id)}::text[], ${sc.update.map((x) => x.name)}::text[]) AS t(id, name) WHERE x.id = t.id AND x."schoolId" = ${schoolId}`;
  const a = plan.assessments;
  if (a.create.length) await tx.$executeRaw`INSERT INTO "Assessment" (id, "classGroupId", "subjectId", "periodId", description, weight, "heldOn")
    SELECT id, c, s, p, d, w, h::date FROM unnest(${a.create.map((x) => x.id)}::text[], ${a.create.map((x) => x.classGroupId)}::text[], ${a.create.map((x) => x.subjectId)}::text[], ${a.create.map((x) => x.periodId)}::text[], ${a.create.map((x) => x.description)}::text[], ${a.create.map((x) => x.weight)}::int[], ${a.create.map((x) => x.heldOn)}::text[]) AS t(id, c, s, p, d, w, h)`;
  if (a.update.length) await tx.$executeRaw`UPDATE "Assessment" x SET weight = t.w, "periodId" = t.p FROM unnest(${a.update.map((x) => x.id)}::text[], ${a.update.map((x) => x.weight)}::int[], ${a.update.map((x) => x.periodId)}::text[]) AS t(id, w, p) WHERE x.id = t.id`;
  step(sc.create.length + sc.update.length + a.create.length + a.update.length);
  const r = plan.results;
  if (r.length) await tx.$executeRaw`INSERT INTO "Result" (id, "pupilId", "assessmentId", grade, "textValue", "enteredAt")
    SELECT gen_random_uuid()::text, p, a, g, t, now() FROM unnest(${r.map((x) => x.pupilId)}::text[], ${r.map((x) => x.assessmentId)}::text[], ${r.map((x) => x.grade)}::numeric[], ${r.map((x) => x.text)}::text[]) AS t(p, a, g, t)
    ON CONFLICT ("pupilId", "assessmentId") DO UPDATE SET grade = EXCLUDED.grade, "textValue" = EXCLUDED."textValue", "enteredAt" = now()`;
  step(r.length);
}
