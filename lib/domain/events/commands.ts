import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/types";
import { assertCan } from "@/lib/auth/permissions";
import { assertCanFor, denyAccess, writeAudit, type AuditContext } from "@/lib/auth/audit";
import { guardianScope } from "@/lib/auth/scope";
import { AppError } from "@/lib/errors";
import { dutchToday, schoolYearOf } from "@/lib/domain/calendar/dates";
import { plannerSchool } from "@/lib/domain/events/planner";
import { eventsForPupilWhere } from "@/lib/domain/events/events-sql";
import type { EventInput, ReplyInput } from "@/lib/domain/events/schemas";

const PLANNING: AuditContext = { category: "events", route: "/leader/events" };
const CHILD_PAGE: AuditContext = { category: "events", route: "/parent/children/[pupilId]" };

/** Expected refusals of the event form, per field (catalogue keys of "eventErrors"). */
export class EventValidationError extends AppError {
  constructor(public readonly fieldErrors: Record<string, string>) {
    super("invalidInput");
  }
}

/** The school year the event's (Dutch) start day falls in, and the classes, all of the planner's school; or a field error. */
async function checkedPlace(schoolId: string, input: EventInput) {
  const year = await db.schoolYear.findUnique({ where: { name: schoolYearOf(dutchToday(input.startsAt)).name }, select: { id: true } });
  if (!year) throw new EventValidationError({ startsAt: "eventErrors.noSchoolYear" });
  if (input.classIds.length) {
    // Another school's class, or a class of another school year: refused, nothing written.
    const found = await db.classGroup.count({ where: { id: { in: input.classIds }, schoolId, schoolYearId: year.id } });
    if (found !== input.classIds.length) throw new EventValidationError({ classIds: "eventErrors.classes" });
  }
  return year.id;
}

function fields(input: EventInput) {
  return {
    kind: input.kind, title: input.title, description: input.description, place: input.place,
    startsAt: input.startsAt, endsAt: input.endsAt, audience: input.audience, audienceYears: input.years, asksReply: input.asksReply,
  };
}

/** Plans an event. The same form sent twice (same idempotency key) is one event. */
export async function createEvent(actor: Actor, input: EventInput, { now = new Date() }: { now?: Date } = {}) {
  const schoolId = await plannerSchool(actor);
  const earlier = await db.schoolEvent.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: { id: true, schoolId: true } });
  if (earlier) return sameSchool(earlier, schoolId);
  if (input.startsAt < now) throw new EventValidationError({ startsAt: "eventErrors.inPast" });
  const schoolYearId = await checkedPlace(schoolId, input);
  try {
    // One statement with its classes (Prisma wraps a nested create in a transaction).
    const event = await db.schoolEvent.create({
      data: {
        ...fields(input), schoolId, schoolYearId, createdById: actor.userId, idempotencyKey: input.idempotencyKey,
        classes: { create: input.classIds.map((classGroupId) => ({ classGroupId })) },
      },
      select: { id: true },
    });
    await writeAudit(actor, "event:plan", "ALLOWED", event.id, { change: "create", classes: input.classIds.length }, PLANNING);
    return { id: event.id, created: true };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const again = await db.schoolEvent.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: { id: true, schoolId: true } });
      if (again) return sameSchool(again, schoolId);
    }
    throw error;
  }
}

function sameSchool(event: { id: string; schoolId: string }, schoolId: string) {
  // The same key from another school is not a resubmission.
  if (event.schoolId !== schoolId) throw new AppError("conflict");
  return { id: event.id, created: false };
}

/** Changes a planned event (not a cancelled one); its audience classes are replaced in the same transaction. */
export async function updateEvent(actor: Actor, eventId: string, input: EventInput, { now = new Date() }: { now?: Date } = {}) {
  const schoolId = await plannerSchool(actor);
  const event = await db.schoolEvent.findFirst({ where: { id: eventId, schoolId }, select: { id: true, startsAt: true, cancelledAt: true } });
  if (!event) throw new AppError("notFound");
  if (event.cancelledAt) throw new EventValidationError({ _form: "eventErrors.cancelled" });
  // Moving an event into the past is a mistake; keeping a start that has passed is not.
  if (input.startsAt < now && input.startsAt.getTime() !== event.startsAt.getTime()) throw new EventValidationError({ startsAt: "eventErrors.inPast" });
  const schoolYearId = await checkedPlace(schoolId, input);
  await db.$transaction([
    db.schoolEvent.update({ where: { id: event.id }, data: { ...fields(input), schoolYearId } }),
    db.schoolEventClass.deleteMany({ where: { eventId: event.id } }),
    db.schoolEventClass.createMany({ data: input.classIds.map((classGroupId) => ({ eventId: event.id, classGroupId })) }),
  ]);
  await writeAudit(actor, "event:plan", "ALLOWED", event.id, { change: "update", classes: input.classIds.length }, PLANNING);
  return { id: event.id };
}

/** Cancels an event (parents see it marked cancelled until it would have ended). Twice is a no-op. */
export async function cancelEvent(actor: Actor, eventId: string, { now = new Date() }: { now?: Date } = {}) {
  const schoolId = await plannerSchool(actor);
  const { count } = await db.schoolEvent.updateMany({ where: { id: eventId, schoolId, cancelledAt: null }, data: { cancelledAt: now } });
  if (count === 0 && (await db.schoolEvent.count({ where: { id: eventId, schoolId } })) === 0) throw new AppError("notFound");
  if (count) await writeAudit(actor, "event:plan", "ALLOWED", eventId, { change: "cancel" }, PLANNING);
}

/** A leader allows a staff member of their school to plan events, or withdraws it. Twice changes nothing. */
export async function setEventPlanner(actor: Actor, staffId: string, allowed: boolean) {
  assertCan(actor, "events:allowPlanners");
  const staff = actor.schoolId ? await db.staff.findFirst({ where: { id: staffId, schoolId: actor.schoolId }, select: { id: true } }) : null;
  if (!staff) throw new AppError("notFound");
  if (allowed) {
    await db.eventPlanner.upsert({ where: { staffId }, create: { staffId, grantedById: actor.userId }, update: {} });
  } else {
    await db.eventPlanner.deleteMany({ where: { staffId } });
  }
  await writeAudit(actor, "event:planner", "ALLOWED", staffId, { allowed }, PLANNING);
}

/** The pupil as the events rule needs them, when the guardian may see anything of them (the one rule, right "any"). */
export async function visiblePupilPlace(actor: Actor, pupilId: string, now: Date) {
  const pupil = await db.pupil.findFirst({
    where: { id: pupilId, ...guardianScope(actor, "any", now) },
    select: { id: true, firstName: true, schoolId: true, classGroup: { select: { id: true, year: true, schoolYearId: true } } },
  });
  return pupil && { id: pupil.id, firstName: pupil.firstName, place: { schoolId: pupil.schoolId, schoolYearId: pupil.classGroup.schoolYearId, classGroupId: pupil.classGroup.id, year: pupil.classGroup.year } };
}

/**
 * A guardian answers "we come" / "we don't come" for one child. One answer per
 * event, guardian and child, changed in place: sending it twice is one row.
 * A child they may not see, or an event that is not for that child (or asks
 * nothing, or was cancelled): 404 and an audit row naming the child.
 */
export async function replyToEvent(actor: Actor, input: ReplyInput, { now = new Date() }: { now?: Date } = {}) {
  await assertCanFor(actor, "events:read", "event:reply", input.pupilId, CHILD_PAGE);
  const guardianId = actor.guardianId;
  if (!guardianId) throw new AppError("forbidden");
  const pupil = await visiblePupilPlace(actor, input.pupilId, now);
  if (!pupil) return denyAccess(actor, "event:reply", input.pupilId, CHILD_PAGE);
  const event = await db.schoolEvent.findFirst({
    where: { id: input.eventId, asksReply: true, cancelledAt: null, ...eventsForPupilWhere(pupil.place, now) },
    select: { id: true },
  });
  if (!event) return denyAccess(actor, "event:reply", pupil.id, CHILD_PAGE);
  const key = { eventId_guardianId_pupilId: { eventId: event.id, guardianId, pupilId: pupil.id } };
  const write = () => db.schoolEventReply.upsert({
    where: key, create: { eventId: event.id, guardianId, pupilId: pupil.id, answer: input.answer }, update: { answer: input.answer }, select: { answer: true },
  });
  try {
    return await write();
  } catch (error) {
    // Two submits at once: the loser's insert met the winner's row; the update now finds it.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return write();
    throw error;
  }
}
