import "server-only";
import { db, sqlRows } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import { writeAudit, writeAuditForList, type AuditContext } from "@/lib/auth/audit";
import { rightsSql } from "@/lib/auth/guardian-rights-forms";
import type { Actor } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import { isoDay } from "@/lib/db/json-values";
import { dutchToday } from "@/lib/domain/calendar/dates";
import { amsterdamParts } from "@/lib/domain/conferences/local-time";
import { hostedRoundWhere } from "@/lib/domain/conferences/round-queries";

export const SCHEDULE_PAGE: AuditContext = { category: "conferences", route: "/mentor/conferences/[roundId]" };
export const HOST_LISTS: AuditContext = { category: "conferences", route: "/mentor/conferences" };
export const ARRANGEMENTS_PAGE: AuditContext = { category: "conferences", route: "/leader/conferences/[roundId]/arrangements" };

const bookingSelect = {
  id: true, startsAt: true, endsAt: true, interpreterLanguage: true, childcare: true, attendance: true, followUpDoneAt: true,
  pupil: { select: { id: true, firstName: true, lastName: true, classGroup: { select: { name: true } } } },
  guardians: { orderBy: { joinedAt: "asc" }, select: { guardian: { select: { id: true, phone: true, user: { select: { name: true } } } } } },
} as const;

/**
 * The host's own schedule of a round, per evening (Europe/Amsterdam day): every
 * slot in time order, free or with its booking (a two-slot interpreter booking
 * shows once, at its first slot). One audit row per pupil shown.
 */
export async function getSchedule(actor: Actor, roundId: string, now: Date = new Date()) {
  assertCan(actor, "conferences:host");
  const round = await db.conferenceRound.findFirst({
    where: { id: roundId, ...hostedRoundWhere(actor) },
    select: {
      id: true, title: true, slotMinutes: true, bookingClosesAt: true,
      slots: {
        where: { staffId: actor.staffId ?? "" },
        orderBy: { startsAt: "asc" },
        select: { id: true, startsAt: true, endsAt: true, availability: { select: { location: true } }, claim: { select: { booking: { select: bookingSelect } } } },
      },
    },
  });
  if (!round) {
    await writeAudit(actor, "conference:view", "DENIED", roundId, undefined, SCHEDULE_PAGE);
    throw new AppError("notFound");
  }
  type Booking = NonNullable<(typeof round.slots)[number]["claim"]>["booking"];
  type Row = { slotId: string; startsAt: Date; endsAt: Date; location: string | null; booking: (ReturnType<typeof shapeBooking> & { markable: boolean }) | null };
  const evenings = new Map<string, Row[]>();
  const shown = new Set<string>();
  const shapeBooking = (b: Booking) => ({
    id: b.id, startsAt: b.startsAt, endsAt: b.endsAt, interpreterLanguage: b.interpreterLanguage, childcare: b.childcare, attendance: b.attendance,
    pupilId: b.pupil.id, pupilName: `${b.pupil.firstName} ${b.pupil.lastName}`, className: b.pupil.classGroup.name,
    guardians: b.guardians.map((g) => g.guardian.user.name),
  });
  for (const slot of round.slots) {
    const booking = slot.claim?.booking ?? null;
    if (booking && shown.has(booking.id)) continue;
    if (booking) shown.add(booking.id);
    const day = amsterdamParts(slot.startsAt).day;
    const rows = evenings.get(day) ?? [];
    rows.push({
      slotId: slot.id,
      startsAt: booking?.startsAt ?? slot.startsAt,
      endsAt: booking?.endsAt ?? slot.endsAt,
      location: slot.availability.location,
      booking: booking ? { ...shapeBooking(booking), markable: booking.startsAt <= now } : null,
    });
    evenings.set(day, rows);
  }
  const pupilIds = [...new Set([...shown].map((id) => round.slots.find((s) => s.claim?.booking.id === id)!.claim!.booking.pupil.id))];
  await writeAuditForList(actor, "conference:view", pupilIds, SCHEDULE_PAGE);
  return {
    id: round.id,
    title: round.title,
    evenings: [...evenings.entries()].map(([day, rows]) => ({ day, rows })),
  };
}
export type Schedule = Awaited<ReturnType<typeof getSchedule>>;

/**
 * The follow-up list: families who did not come to a conversation with this
 * host, or with any host when the child is in the mentor's classes, until the
 * follow-up is marked done or a contact moment is logged after the evening.
 */
export async function listFollowUps(actor: Actor) {
  assertCan(actor, "conferences:host");
  const bookings = await db.conferenceBooking.findMany({
    where: {
      attendance: "NO_SHOW", followUpDoneAt: null, cancelledAt: null,
      round: { schoolId: actor.schoolId ?? "" },
      OR: [{ staffId: actor.staffId ?? "" }, { pupil: { classGroupId: { in: actor.mentorOf } } }],
    },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: {
      ...bookingSelect,
      round: { select: { title: true } },
      staff: { select: { user: { select: { name: true } } } },
      pupil: { select: { ...bookingSelect.pupil.select, contactMoments: { orderBy: { createdAt: "desc" }, take: 1, select: { createdAt: true } } } },
    },
  });
  const open = bookings.filter((b) => !(b.pupil.contactMoments[0] && b.pupil.contactMoments[0].createdAt > b.startsAt));
  await writeAuditForList(actor, "conference:view", [...new Set(open.map((b) => b.pupil.id))], HOST_LISTS);
  return open.map((b) => ({
    id: b.id, startsAt: b.startsAt, roundTitle: b.round.title, host: b.staff.user.name,
    pupilId: b.pupil.id, pupilName: `${b.pupil.firstName} ${b.pupil.lastName}`, className: b.pupil.classGroup.name,
    guardians: b.guardians.map((g) => ({ id: g.guardian.id, name: g.guardian.user.name, phone: g.guardian.phone })),
  }));
}
export type FollowUp = Awaited<ReturnType<typeof listFollowUps>>[number];

// Families of the mentor's classes in a round whose window has not closed yet
// and who have no live booking with a mentor of the child's class (or this host).
// SHARED: one conversation per child, so a child with a booking is done.
// SEPARATE: each household books its own, so the guardians listed are those
// whose household ($5 = the round's householdKey rule) has none. Guardians are
// those who may book (the one rule's SQL form on Dutch day $3), with phone numbers.
const NOT_BOOKED = `
WITH live AS (
  SELECT b."roundId", b."pupilId", b."householdKey" FROM "ConferenceBooking" b
  JOIN "Pupil" pp ON pp.id = b."pupilId"
  WHERE b."cancelledAt" IS NULL
    AND (b."staffId" = $2 OR b."staffId" IN (SELECT m."staffId" FROM "Mentorship" m WHERE m."classGroupId" = pp."classGroupId")))
SELECT r.id AS "roundId", r.title, (extract(epoch FROM r."bookingClosesAt") * 1000)::float8 AS "closesMs", r."parentMode",
  p.id AS "pupilId", p."firstName", p."lastName", c.name AS "className",
  (SELECT coalesce(json_agg(json_build_object('id', g.id, 'name', u.name, 'phone', g.phone) ORDER BY l."createdAt", l.id), '[]'::json)
     FROM "GuardianLink" l JOIN "Guardian" g ON g.id = l."guardianId" JOIN "User" u ON u.id = g."userId"
     WHERE l."pupilId" = p.id AND ${rightsSql("l", "p", "$3").book}
       AND (r."parentMode" = 'SHARED' OR NOT EXISTS (
         SELECT 1 FROM live WHERE live."roundId" = r.id AND live."pupilId" = p.id AND live."householdKey" = coalesce(l.household, l."guardianId")))) AS guardians
FROM "ConferenceRound" r
JOIN "ConferenceRoundClass" rc ON rc."roundId" = r.id
JOIN "Pupil" p ON p."classGroupId" = rc."classGroupId"
JOIN "ClassGroup" c ON c.id = p."classGroupId"
WHERE r."schoolId" = $4 AND r."bookingClosesAt" > $5::timestamp AND rc."classGroupId" = ANY($1::text[]) AND p."leftOn" IS NULL
  AND (r."parentMode" = 'SEPARATE' OR NOT EXISTS (SELECT 1 FROM live WHERE live."roundId" = r.id AND live."pupilId" = p.id))
ORDER BY r."bookingClosesAt", r.id, c.name, p."lastName", p."firstName", p.id`;

type NotBookedRow = {
  roundId: string; title: string; closesMs: number; parentMode: "SHARED" | "SEPARATE";
  pupilId: string; firstName: string; lastName: string; className: string;
  guardians: { id: string; name: string; phone: string | null }[];
};

/** The not-booked list of the mentor's classes, per round still open for booking. One audit row per pupil listed. */
export async function listNotBooked(actor: Actor, now: Date = new Date()) {
  assertCan(actor, "conferences:host");
  if (actor.mentorOf.length === 0 || !actor.schoolId) return [];
  const rows = await sqlRows<NotBookedRow>(NOT_BOOKED, [
    actor.mentorOf, actor.staffId ?? "", isoDay(dutchToday(now)), actor.schoolId, now.toISOString().replace("Z", ""),
  ]);
  // SEPARATE: a child whose every household has booked is done.
  const listed = rows.filter((r) => r.parentMode === "SHARED" || r.guardians.length > 0);
  await writeAuditForList(actor, "conference:view", [...new Set(listed.map((r) => r.pupilId))], HOST_LISTS);
  const rounds = new Map<string, { roundId: string; title: string; closesAt: Date; families: { pupilId: string; pupilName: string; className: string; guardians: NotBookedRow["guardians"] }[] }>();
  for (const r of listed) {
    const round = rounds.get(r.roundId) ?? { roundId: r.roundId, title: r.title, closesAt: new Date(r.closesMs), families: [] };
    round.families.push({ pupilId: r.pupilId, pupilName: `${r.firstName} ${r.lastName}`, className: r.className, guardians: r.guardians });
    rounds.set(r.roundId, round);
  }
  return [...rounds.values()];
}
export type NotBookedRound = Awaited<ReturnType<typeof listNotBooked>>[number];

/**
 * The school's arrangements of a round: every live booking with an interpreter
 * or childcare request (evening, time, host, family), and interpreters per language.
 */
export async function getArrangements(actor: Actor, roundId: string) {
  assertCan(actor, "conferences:manage");
  const round = await db.conferenceRound.findFirst({
    where: { id: roundId, schoolId: actor.schoolId ?? "" },
    select: {
      id: true, title: true,
      bookings: {
        where: { cancelledAt: null, OR: [{ interpreterLanguage: { not: null } }, { childcare: true }] },
        orderBy: [{ startsAt: "asc" }, { id: "asc" }],
        select: { ...bookingSelect, staff: { select: { user: { select: { name: true } } } } },
      },
    },
  });
  if (!round) {
    await writeAudit(actor, "conference:view", "DENIED", roundId, undefined, ARRANGEMENTS_PAGE);
    throw new AppError("notFound");
  }
  await writeAuditForList(actor, "conference:view", [...new Set(round.bookings.map((b) => b.pupil.id))], ARRANGEMENTS_PAGE);
  const rows = round.bookings.map((b) => ({
    id: b.id, startsAt: b.startsAt, endsAt: b.endsAt, day: amsterdamParts(b.startsAt).day, host: b.staff.user.name,
    interpreterLanguage: b.interpreterLanguage, childcare: b.childcare,
    pupilName: `${b.pupil.firstName} ${b.pupil.lastName}`, className: b.pupil.classGroup.name,
    guardians: b.guardians.map((g) => g.guardian.user.name),
  }));
  const perLanguage = new Map<string, number>();
  for (const r of rows) if (r.interpreterLanguage) perLanguage.set(r.interpreterLanguage, (perLanguage.get(r.interpreterLanguage) ?? 0) + 1);
  return {
    id: round.id, title: round.title,
    interpreters: rows.filter((r) => r.interpreterLanguage),
    childcare: rows.filter((r) => r.childcare),
    perLanguage: [...perLanguage.entries()].map(([language, count]) => ({ language, count })).sort((a, b) => b.count - a.count || a.language.localeCompare(b.language)),
  };
}
export type Arrangements = Awaited<ReturnType<typeof getArrangements>>;
