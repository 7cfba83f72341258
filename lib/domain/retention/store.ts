import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RetentionCategory } from "@/lib/domain/retention/rules";

// The statements behind retention, for one school: what is old enough to go
// (a preview, counted in one statement) and removing it. Records of pupils who
// left go a number of years after they left; audit rows naming a pupil of the
// school go a number of years after they were written.
//
// The contacts term covers all contact with parents about a pupil: contact
// moments, questions to the mentor (with the answers), conference bookings,
// replies to the school's invitations, and every message to guardians about
// the pupil other than absence alerts (those follow the absence term).

type Tx = Pick<Prisma.TransactionClient, "$queryRaw" | "$executeRaw">;
export type Cutoffs = Record<RetentionCategory, Date>;

/** Rows per kind, as the preview and a run's record show them. */
export type RetentionCounts = {
  results: number; contacts: number; questions: number; bookings: number; eventReplies: number; correspondence: number;
  absences: number; sickReports: number; thresholdCases: number; messages: number; audit: number;
};
export const COUNT_KINDS = [
  "results", "contacts", "questions", "bookings", "eventReplies", "correspondence", "absences", "sickReports", "thresholdCases", "messages", "audit",
] as const satisfies readonly (keyof RetentionCounts)[];
/** The term each kind follows. */
export const TERM_OF = {
  results: "results", contacts: "contacts", questions: "contacts", bookings: "contacts", eventReplies: "contacts", correspondence: "contacts",
  absences: "absences", sickReports: "absences", thresholdCases: "absences", messages: "absences", audit: "audit",
} as const satisfies Record<keyof RetentionCounts, RetentionCategory>;

/** What the next run would remove at this school, and how many former pupils have something that would go. */
export async function countExpired(tx: Tx, schoolId: string, c: Cutoffs): Promise<RetentionCounts & { pupils: number }> {
  const latest = new Date(Math.max(c.results.getTime(), c.contacts.getTime(), c.absences.getTime()));
  const [row] = await tx.$queryRaw<(RetentionCounts & { pupils: number })[]>`
    WITH leavers AS (SELECT id, "leftOn" FROM "Pupil" WHERE "schoolId" = ${schoolId} AND "leftOn" IS NOT NULL AND "leftOn" <= ${latest}::date)
    SELECT
      (SELECT count(*) FROM "Result" x JOIN leavers l ON l.id = x."pupilId" WHERE l."leftOn" <= ${c.results}::date)::int AS results,
      (SELECT count(*) FROM "ContactMoment" x JOIN leavers l ON l.id = x."pupilId" WHERE l."leftOn" <= ${c.contacts}::date)::int AS contacts,
      (SELECT count(*) FROM "MentorQuestion" x JOIN leavers l ON l.id = x."pupilId" WHERE l."leftOn" <= ${c.contacts}::date)::int AS questions,
      (SELECT count(*) FROM "ConferenceBooking" x JOIN leavers l ON l.id = x."pupilId" WHERE l."leftOn" <= ${c.contacts}::date)::int AS bookings,
      (SELECT count(*) FROM "SchoolEventReply" x JOIN leavers l ON l.id = x."pupilId" WHERE l."leftOn" <= ${c.contacts}::date)::int AS "eventReplies",
      (SELECT count(*) FROM "Notification" x WHERE x.kind <> 'ABSENCE_ALERT' AND (
          x."pupilId" IN (SELECT id FROM leavers WHERE "leftOn" <= ${c.contacts}::date)
       OR x."conferenceBookingId" IN (SELECT b.id FROM "ConferenceBooking" b JOIN leavers l ON l.id = b."pupilId" WHERE l."leftOn" <= ${c.contacts}::date)
       OR x."mentorQuestionId" IN (SELECT q.id FROM "MentorQuestion" q JOIN leavers l ON l.id = q."pupilId" WHERE l."leftOn" <= ${c.contacts}::date)))::int AS correspondence,
      (SELECT count(*) FROM "AbsenceRecord" x JOIN leavers l ON l.id = x."pupilId" WHERE l."leftOn" <= ${c.absences}::date)::int AS absences,
      (SELECT count(*) FROM "SickReport" x JOIN leavers l ON l.id = x."pupilId" WHERE l."leftOn" <= ${c.absences}::date)::int AS "sickReports",
      (SELECT count(*) FROM "ThresholdCase" x JOIN leavers l ON l.id = x."pupilId" WHERE l."leftOn" <= ${c.absences}::date)::int AS "thresholdCases",
      (SELECT count(*) FROM "Notification" x JOIN leavers l ON l.id = x."pupilId" WHERE x.kind = 'ABSENCE_ALERT' AND l."leftOn" <= ${c.absences}::date)::int AS messages,
      (SELECT count(*) FROM "AuditLog" x WHERE x."schoolId" = ${schoolId} AND x.at < ${c.audit})::int AS audit,
      (SELECT count(*) FROM leavers l WHERE
          (l."leftOn" <= ${c.results}::date AND EXISTS (SELECT 1 FROM "Result" x WHERE x."pupilId" = l.id))
       OR (l."leftOn" <= ${c.contacts}::date AND (EXISTS (SELECT 1 FROM "ContactMoment" x WHERE x."pupilId" = l.id)
            OR EXISTS (SELECT 1 FROM "MentorQuestion" x WHERE x."pupilId" = l.id) OR EXISTS (SELECT 1 FROM "ConferenceBooking" x WHERE x."pupilId" = l.id)
            OR EXISTS (SELECT 1 FROM "SchoolEventReply" x WHERE x."pupilId" = l.id)
            OR EXISTS (SELECT 1 FROM "Notification" x WHERE x."pupilId" = l.id AND x.kind <> 'ABSENCE_ALERT')))
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
  // Messages first (a conference reminder or an answer notice names its booking or question; those links are ON DELETE SET NULL).
  // Questions, bookings and contact moments take their guardian, claim and link rows with them (ON DELETE CASCADE / SET NULL);
  // absence records go before the sick reports they came from.
  const results = await tx.$executeRaw`DELETE FROM "Result" WHERE "pupilId" = ANY(${forResults}::text[])`;
  const correspondence = await tx.$executeRaw`
    DELETE FROM "Notification" WHERE kind <> 'ABSENCE_ALERT' AND ("pupilId" = ANY(${forContacts}::text[])
      OR "conferenceBookingId" IN (SELECT id FROM "ConferenceBooking" WHERE "pupilId" = ANY(${forContacts}::text[]))
      OR "mentorQuestionId" IN (SELECT id FROM "MentorQuestion" WHERE "pupilId" = ANY(${forContacts}::text[])))`;
  const questions = await tx.$executeRaw`DELETE FROM "MentorQuestion" WHERE "pupilId" = ANY(${forContacts}::text[])`;
  const bookings = await tx.$executeRaw`DELETE FROM "ConferenceBooking" WHERE "pupilId" = ANY(${forContacts}::text[])`;
  const eventReplies = await tx.$executeRaw`DELETE FROM "SchoolEventReply" WHERE "pupilId" = ANY(${forContacts}::text[])`;
  const contacts = await tx.$executeRaw`DELETE FROM "ContactMoment" WHERE "pupilId" = ANY(${forContacts}::text[])`;
  const absences = await tx.$executeRaw`DELETE FROM "AbsenceRecord" WHERE "pupilId" = ANY(${forAbsences}::text[])`;
  const sickReports = await tx.$executeRaw`DELETE FROM "SickReport" WHERE "pupilId" = ANY(${forAbsences}::text[])`;
  const thresholdCases = await tx.$executeRaw`DELETE FROM "ThresholdCase" WHERE "pupilId" = ANY(${forAbsences}::text[])`;
  const messages = await tx.$executeRaw`DELETE FROM "Notification" WHERE kind = 'ABSENCE_ALERT' AND "pupilId" = ANY(${forAbsences}::text[])`;
  const audit = await tx.$executeRaw`
    DELETE FROM "AuditLog" x WHERE x."schoolId" = ${schoolId} AND x.at < ${c.audit}`;
  return { results, contacts, questions, bookings, eventReplies, correspondence, absences, sickReports, thresholdCases, messages, audit };
}
