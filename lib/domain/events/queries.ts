import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/types";
import { assertCanFor, denyAccess, type AuditContext } from "@/lib/auth/audit";
import { guardianScope } from "@/lib/auth/scope";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { dutchToday, schoolYearOf } from "@/lib/domain/calendar/dates";
import { plannerSchool } from "@/lib/domain/events/planner";
import { eventsForPupilWhere } from "@/lib/domain/events/events-sql";
import { visiblePupilPlace } from "@/lib/domain/events/commands";
import type { EventAnswer } from "@/lib/domain/events/fields";

const CALENDAR: AuditContext = { category: "events", route: "/api/events/calendar" };

/**
 * The planner's page: the school year's events (soonest first) with their
 * classes and the reply counts (one GROUP BY in PostgreSQL), the school's
 * classes of that year for the audience picker, and for a leader the staff
 * with whether they may plan.
 */
export async function plannerOverview(actor: Actor, now: Date = new Date()) {
  const schoolId = await plannerSchool(actor);
  const year = await db.schoolYear.findUnique({ where: { name: schoolYearOf(dutchToday(now)).name }, select: { id: true, name: true } });
  if (!year) return { year: null, events: [], classes: [], staff: null };
  const [events, counts, classes, staff] = await Promise.all([
    db.schoolEvent.findMany({
      where: { schoolId, schoolYearId: year.id },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      select: {
        id: true, kind: true, title: true, description: true, place: true, startsAt: true, endsAt: true, audience: true, audienceYears: true,
        asksReply: true, cancelledAt: true, classes: { select: { classGroup: { select: { id: true, name: true } } } },
      },
    }),
    db.schoolEventReply.groupBy({ by: ["eventId", "answer"], where: { event: { schoolId, schoolYearId: year.id } }, _count: { _all: true } }),
    db.classGroup.findMany({ where: { schoolId, schoolYearId: year.id }, orderBy: [{ year: "asc" }, { name: "asc" }], select: { id: true, name: true, year: true } }),
    can(actor, "events:allowPlanners")
      ? db.staff.findMany({
        where: { schoolId, user: { memberships: { some: { role: "MENTOR", schoolId } } } },
        orderBy: [{ user: { name: "asc" } }, { id: "asc" }],
        select: { id: true, user: { select: { name: true } }, eventPlanner: { select: { staffId: true } } },
      })
      : Promise.resolve(null),
  ]);
  const tally = new Map<string, Record<EventAnswer, number>>();
  for (const row of counts) {
    const entry = tally.get(row.eventId) ?? { COMING: 0, NOT_COMING: 0 };
    entry[row.answer] = row._count._all;
    tally.set(row.eventId, entry);
  }
  return {
    year,
    events: events.map((e) => ({ ...e, classes: e.classes.map((c) => c.classGroup), replies: tally.get(e.id) ?? { COMING: 0, NOT_COMING: 0 } })),
    classes,
    staff: staff && staff.map((s) => ({ id: s.id, name: s.user.name, allowed: s.eventPlanner !== null })),
  };
}

/** One event of the planner's school for the edit form; AppError("notFound") otherwise. */
export async function eventForEdit(actor: Actor, eventId: string) {
  const schoolId = await plannerSchool(actor);
  const event = await db.schoolEvent.findFirst({
    where: { id: eventId, schoolId },
    select: {
      id: true, kind: true, title: true, description: true, place: true, startsAt: true, endsAt: true, audience: true, audienceYears: true,
      asksReply: true, cancelledAt: true, classes: { select: { classGroupId: true } },
    },
  });
  if (!event) throw new AppError("notFound");
  return { ...event, classIds: event.classes.map((c) => c.classGroupId) };
}

const CALENDAR_SELECT = { id: true, kind: true, title: true, description: true, place: true, startsAt: true, endsAt: true, cancelledAt: true, updatedAt: true, schoolId: true } as const;

/**
 * The events for a calendar file: one child's upcoming events (or one of
 * them), or those of all the guardian's children (each event once). A child
 * the guardian may not see, or an event that is not for that child: 404 and
 * an audit row naming the child. Events are the school's text, not pupil data,
 * so an allowed download writes no row.
 */
export async function calendarEvents(actor: Actor, request: { pupilId?: string; eventId?: string }, now: Date = new Date()) {
  await assertCanFor(actor, "events:read", "event:calendar", request.pupilId ?? null, CALENDAR);
  if (request.pupilId) {
    const pupil = await visiblePupilPlace(actor, request.pupilId, now);
    if (!pupil) return denyAccess(actor, "event:calendar", request.pupilId, CALENDAR);
    const events = await db.schoolEvent.findMany({
      where: { ...eventsForPupilWhere(pupil.place, now), ...(request.eventId ? { id: request.eventId } : {}) },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      select: CALENDAR_SELECT,
    });
    if (request.eventId && events.length === 0) return denyAccess(actor, "event:calendar", pupil.id, CALENDAR);
    return { pupils: [pupil], events };
  }
  if (request.eventId) throw new AppError("notFound");
  const pupils = await db.pupil.findMany({
    where: guardianScope(actor, "any", now),
    orderBy: [{ birthDate: "asc" }, { id: "asc" }],
    select: { id: true, firstName: true, schoolId: true, classGroup: { select: { id: true, year: true, schoolYearId: true } } },
  });
  if (pupils.length === 0) return { pupils: [], events: [] };
  const events = await db.schoolEvent.findMany({
    where: { OR: pupils.map((p) => eventsForPupilWhere({ schoolId: p.schoolId, schoolYearId: p.classGroup.schoolYearId, classGroupId: p.classGroup.id, year: p.classGroup.year }, now)) },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: CALENDAR_SELECT,
  });
  return { pupils: pupils.map((p) => ({ id: p.id, firstName: p.firstName })), events };
}

export type CalendarEvent = Awaited<ReturnType<typeof calendarEvents>>["events"][number];
