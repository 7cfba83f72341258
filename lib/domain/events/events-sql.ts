import type { Prisma } from "@/lib/generated/prisma/client";
import { instant, instantOrNull } from "@/lib/db/json-values";
import type { EventAnswer, EventKind } from "@/lib/domain/events/fields";
import type { PupilPlace } from "@/lib/domain/events/audience";

// The upcoming events of one pupil, as a subquery for the hand-written hot
// statements (child page, overview; decision 0006) and as a Prisma `where`
// for everything else (calendar files, replies). Same rule as `reachesPupil`
// in audience.ts; tests/integration/hot-path-sql.test.ts keeps the forms equal.

/**
 * A json array of the pupil's events that have not ended at `nowParam`
 * (a timestamp parameter, UTC), soonest first, at most `limit`, each with
 * this guardian's answer for this pupil. `p` is the Pupil row, `c` its ClassGroup.
 */
export function upcomingEventsSql(p: string, c: string, guardianParam: string, nowParam: string, limit: number): string {
  return `(SELECT coalesce(json_agg(json_build_object('id', e.id, 'kind', e.kind, 'title', e.title, 'description', e.description, 'place', e.place,
      'startsAt', e."startsAt", 'endsAt', e."endsAt", 'asksReply', e."asksReply", 'cancelledAt', e."cancelledAt", 'answer', rp.answer)
      ORDER BY e."startsAt", e.id), '[]'::json)
    FROM (SELECT ev.* FROM "SchoolEvent" ev
          WHERE ev."schoolId" = ${p}."schoolId" AND ev."schoolYearId" = ${c}."schoolYearId" AND ev."endsAt" > ${nowParam}::timestamp
            AND (ev.audience = 'SCHOOL' OR (ev.audience = 'YEARS' AND ${c}.year = ANY(ev."audienceYears"))
              OR (ev.audience = 'CLASSES' AND EXISTS (SELECT 1 FROM "SchoolEventClass" ec WHERE ec."eventId" = ev.id AND ec."classGroupId" = ${c}.id)))
          ORDER BY ev."startsAt", ev.id LIMIT ${limit}) e
    LEFT JOIN "SchoolEventReply" rp ON rp."eventId" = e.id AND rp."guardianId" = ${guardianParam} AND rp."pupilId" = ${p}.id)`;
}

/** A timestamp parameter for `upcomingEventsSql` (stored as UTC without a zone). */
export const timestampParam = (at: Date) => at.toISOString().slice(0, 23);

export type UpcomingEventJson = {
  id: string; kind: EventKind; title: string; description: string | null; place: string | null;
  startsAt: string; endsAt: string; asksReply: boolean; cancelledAt: string | null; answer: EventAnswer | null;
};

export function toUpcomingEvent(raw: UpcomingEventJson) {
  return { ...raw, startsAt: instant(raw.startsAt), endsAt: instant(raw.endsAt), cancelledAt: instantOrNull(raw.cancelledAt) };
}
export type UpcomingEvent = ReturnType<typeof toUpcomingEvent>;

/** The same rule as a Prisma `where` on SchoolEvent. */
export function eventsForPupilWhere(pupil: PupilPlace, now: Date): Prisma.SchoolEventWhereInput {
  return {
    schoolId: pupil.schoolId,
    schoolYearId: pupil.schoolYearId,
    endsAt: { gt: now },
    OR: [
      { audience: "SCHOOL" },
      { audience: "YEARS", audienceYears: { has: pupil.year } },
      { audience: "CLASSES", classes: { some: { classGroupId: pupil.classGroupId } } },
    ],
  };
}
