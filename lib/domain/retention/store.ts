import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RetentionCategory } from "@/lib/domain/retention/rules";

// The statements behind retention, for one school: what is old enough to go
// (a preview, counted in one statement) and removing it. Records of pupils who
// left go a number of years after they left; audit rows naming a pupil of the
// school go a number of years after they were written.

type Tx = Pick<Prisma.TransactionClient, "$queryRaw" | "$executeRaw">;
export type Cutoffs = Record<RetentionCategory, Date>;

/** Rows per kind, as the preview and a run's record show them. */
export type RetentionCounts = {
  results: number; contacts: number; absences: number; sickReports: number; thresholdCases: number; messages: number; audit: number;
};
export const COUNT_KINDS = ["results", "contacts", "absences", "sickReports", "thresholdCases", "messages", "audit"] as const satisfies readonly (keyof RetentionCounts)[];

/** What the next run would remove at this school, and how many former pupils have something that would go. */
export async function countExpired(tx: Tx, schoolId: string, c: Cutoffs): Promise<RetentionCounts & { pupils: number }> {
  const latest = new Date(Math.max(c.results.getTime(), c.contacts.getTime(), c.absences.getTime()));
  const [row] = await tx.$queryRaw<(RetentionCounts & { pupils: number })[]>`
    WITH leavers AS (SELECT id, "leftOn" FROM "Pupil" WHERE "schoolId" = ${schoolId} AND "leftOn" IS NOT NULL AND "leftOn" <= ${latest}::date)
    SELECT
      (SELECT count(*) FROM "Result" x JOIN leavers l ON l.id = x."pupilId" WHERE l."leftOn" <= ${c.results}::date)::int AS results,
      (SELECT count(*) FROM "ContactMoment" x JOIN leavers l ON l.id = x."pupilId" WHERE l."leftOn" <= ${c.contacts}::date)::int AS contacts,
      (SELECT count(*) FROM "AbsenceRecord" x JOIN leavers l ON l.id = x."pupilId" WHERE l."leftOn" <= ${c.absences}::date)::int AS absences,
      (SELECT count(*) FROM "SickReport" x JOIN leavers l ON l.id = x."pupilId" WHERE l."leftOn" <= ${c.absences}::date)::int AS "sickReports",
      (SELECT count(*) FROM "ThresholdCase" x JOIN leavers l ON l.id = x."pupilId" WHERE l."leftOn" <= ${c.absences}::date)::int AS "thresholdCases",
      (SELECT count(*) FROM "Notification" x JOIN leavers l ON l.id = x."pupilId" WHERE x.kind = 'ABSENCE_ALERT' AND l."leftOn" <= ${c.absences}::date)::int AS messages,
      (SELECT count(*) FROM "AuditLog" x WHERE x."schoolId" = ${schoolId} AND x.at < ${c.audit})::int AS audit,
      (SELECT count(*) FROM leavers l WHERE
          (l."leftOn" <= ${c.results}::date AND EXISTS (SELECT 1 FROM "Result" x WHERE x."pupilId" = l.id))
       OR (l."leftOn" <= ${c.contacts}::date AND EXISTS (SELECT 1 FROM "ContactMoment" x WHERE x."pupilId" = l.id))
       OR (l."leftOn" <= ${c.absences}::date AND (EXISTS (SELECT 1 FROM "AbsenceRecord" x WHERE x."pupilId" = l.id)
            OR EXISTS (SELECT 1 FROM "SickReport" x WHERE x."pupilId" = l.id) OR EXISTS (SELECT 1 FROM "ThresholdCase" x WHERE x."pupilId" = l.id)
            OR EXISTS (SELECT 1 FROM "Notification" x WHERE x."pupilId" = l.id AND x.kind = 'ABSENCE_ALERT'))))::int AS pupils`;
  return row;
}

/** Removes what is old enough, in the caller's transaction; the counts of what went. */
export async function removeExpired(tx: Tx, schoolId: string, c: Cutoffs): Promise<RetentionCounts> {
  const leftBy = (cutoff: Date) => tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Pupil" WHERE "schoolId" = ${schoolId} AND "leftOn" IS NOT NULL AND "leftOn" <= ${cutoff}::date`;
  const ids = async (cutoff: Date) => (await leftBy(cutoff)).map((p) => p.id);
  const [forResults, forContacts, forAbsences] = [await ids(c.results), await ids(c.contacts), await ids(c.absences)];
  // Contact moments take their guardian rows with them (ON DELETE CASCADE); absence records go before the sick reports they came from.
  const results = await tx.$executeRaw`DELETE FROM "Result" WHERE "pupilId" = ANY(${forResults}::text[])`;
  const contacts = await tx.$executeRaw`DELETE FROM "ContactMoment" WHERE "pupilId" = ANY(${forContacts}::text[])`;
  const absences = await tx.$executeRaw`DELETE FROM "AbsenceRecord" WHERE "pupilId" = ANY(${forAbsences}::text[])`;
  const sickReports = await tx.$executeRaw`DELETE FROM "SickReport" WHERE "pupilId" = ANY(${forAbsences}::text[])`;
  const thresholdCases = await tx.$executeRaw`DELETE FROM "ThresholdCase" WHERE "pupilId" = ANY(${forAbsences}::text[])`;
  const messages = await tx.$executeRaw`DELETE FROM "Notification" WHERE kind = 'ABSENCE_ALERT' AND "pupilId" = ANY(${forAbsences}::text[])`;
  const audit = await tx.$executeRaw`
    DELETE FROM "AuditLog" x WHERE x."schoolId" = ${schoolId} AND x.at < ${c.audit}`;
  return { results, contacts, absences, sickReports, thresholdCases, messages, audit };
}
