import "server-only";
import { db, sqlRows } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import { dutchToday } from "@/lib/domain/calendar/dates";

// Counts per round in one statement (the list grows with every round a school holds).
// Times come back as epoch milliseconds: pg reads a timestamp without time zone in the
// process's own zone.
const ROUND_LIST = `
SELECT r.id, r.title, r."slotMinutes", r."parentMode",
  (extract(epoch FROM r."bookingOpensAt") * 1000)::float8 AS "opensMs",
  (extract(epoch FROM r."bookingClosesAt") * 1000)::float8 AS "closesMs",
  (SELECT coalesce(string_agg(c.name, ', ' ORDER BY c.name), '') FROM "ConferenceRoundClass" rc JOIN "ClassGroup" c ON c.id = rc."classGroupId" WHERE rc."roundId" = r.id) AS classes,
  (SELECT count(*)::int FROM "ConferenceSlot" s WHERE s."roundId" = r.id) AS slots,
  (SELECT count(*)::int FROM "ConferenceSlot" s JOIN "ConferenceSlotClaim" cl ON cl."slotId" = s.id WHERE s."roundId" = r.id) AS "bookedSlots",
  b.bookings, b.interpreters, b.childcare, b."noShows"
FROM "ConferenceRound" r
CROSS JOIN LATERAL (
  SELECT count(*)::int AS bookings,
    count(*) FILTER (WHERE x."interpreterLanguage" IS NOT NULL)::int AS interpreters,
    count(*) FILTER (WHERE x.childcare)::int AS childcare,
    count(*) FILTER (WHERE x.attendance = 'NO_SHOW')::int AS "noShows"
  FROM "ConferenceBooking" x WHERE x."roundId" = r.id AND x."cancelledAt" IS NULL) b
WHERE r."schoolId" = $1
ORDER BY r."bookingOpensAt" DESC, r.id`;

type RoundRow = {
  id: string; title: string; slotMinutes: number; parentMode: "SHARED" | "SEPARATE"; opensMs: number; closesMs: number; classes: string;
  slots: number; bookedSlots: number; bookings: number; interpreters: number; childcare: number; noShows: number;
};

/** The school leader's rounds, newest first, with counts (no pupil named: no audit row). */
export async function listSchoolRounds(actor: Actor) {
  assertCan(actor, "conferences:manage");
  if (!actor.schoolId) throw new AppError("forbidden");
  const rows = await sqlRows<RoundRow>(ROUND_LIST, [actor.schoolId]);
  return rows.map(({ opensMs, closesMs, ...row }) => ({ ...row, opensAt: new Date(opensMs), closesAt: new Date(closesMs) }));
}
export type SchoolRound = Awaited<ReturnType<typeof listSchoolRounds>>[number];

/** What the round form offers: this school year's classes and the school's staff. */
export async function roundFormOptions(actor: Actor, now: Date = new Date()) {
  assertCan(actor, "conferences:manage");
  const schoolId = actor.schoolId ?? "";
  const today = dutchToday(now);
  const [classes, staff] = await Promise.all([
    db.classGroup.findMany({
      where: { schoolId, schoolYear: { startsOn: { lte: today }, endsOn: { gte: today } } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    db.staff.findMany({ where: { schoolId, user: { disabledAt: null } }, orderBy: { user: { name: "asc" } }, select: { id: true, user: { select: { name: true } } } }),
  ]);
  return { classes, staff: staff.map((s) => ({ id: s.id, name: s.user.name })) };
}

/** One round of the leader's school for the edit form, or null. */
export async function getSchoolRound(actor: Actor, roundId: string) {
  assertCan(actor, "conferences:manage");
  return db.conferenceRound.findFirst({
    where: { id: roundId, schoolId: actor.schoolId ?? "" },
    select: {
      id: true, title: true, slotMinutes: true, breakAfterSlots: true, breakMinutes: true, bookingOpensAt: true, bookingClosesAt: true, parentMode: true,
      classes: { select: { classGroupId: true } }, hosts: { select: { staffId: true } },
    },
  });
}

/**
 * The rounds the actor hosts: their school's rounds for a class they are mentor
 * of, or where the leader added them as a teacher (ConferenceHost).
 */
export function hostedRoundWhere(actor: Actor) {
  return {
    schoolId: actor.schoolId ?? "",
    OR: [{ hosts: { some: { staffId: actor.staffId ?? "" } } }, { classes: { some: { classGroupId: { in: actor.mentorOf } } } }],
  };
}

/** The mentor's rounds with their own availability blocks and how full each is. */
export async function listHostedRounds(actor: Actor) {
  assertCan(actor, "conferences:host");
  const staffId = actor.staffId ?? "";
  const rounds = await db.conferenceRound.findMany({
    where: hostedRoundWhere(actor),
    orderBy: [{ bookingOpensAt: "desc" }, { id: "asc" }],
    select: {
      id: true, title: true, slotMinutes: true, breakAfterSlots: true, breakMinutes: true, bookingOpensAt: true, bookingClosesAt: true,
      classes: { select: { classGroup: { select: { name: true } } }, orderBy: { classGroup: { name: "asc" } } },
      availabilities: {
        where: { staffId },
        orderBy: { startsAt: "asc" },
        select: { id: true, startsAt: true, endsAt: true, location: true, _count: { select: { slots: true } }, slots: { where: { claim: { isNot: null } }, select: { id: true } } },
      },
    },
  });
  return rounds.map((r) => ({
    ...r,
    classes: r.classes.map((c) => c.classGroup.name),
    availabilities: r.availabilities.map((a) => ({ id: a.id, startsAt: a.startsAt, endsAt: a.endsAt, location: a.location, slots: a._count.slots, booked: a.slots.length })),
  }));
}
export type HostedRound = Awaited<ReturnType<typeof listHostedRounds>>[number];
