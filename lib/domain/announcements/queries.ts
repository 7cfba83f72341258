import "server-only";
import { db, sqlRows } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/types";
import { guardianScope } from "@/lib/auth/scope";
import { dutchToday } from "@/lib/domain/calendar/dates";

/** The classes an actor may write to: a mentor's own, or (leader) every class of the school this school year. */
export async function sendableClasses(actor: Actor, now: Date = new Date()): Promise<{ id: string; name: string }[]> {
  const today = dutchToday(now);
  const current = { schoolYear: { startsOn: { lte: today }, endsOn: { gte: today } } };
  if (actor.role === "MENTOR") {
    return db.classGroup.findMany({ where: { id: { in: actor.mentorOf } }, select: { id: true, name: true }, orderBy: { name: "asc" } });
  }
  if (actor.role === "LEADER" && actor.schoolId) {
    return db.classGroup.findMany({ where: { schoolId: actor.schoolId, ...current }, select: { id: true, name: true }, orderBy: [{ year: "asc" }, { name: "asc" }] });
  }
  return [];
}

export type DeliveryRow = {
  id: string; subject: string; createdAt: Date; wholeSchool: boolean; classes: string[];
  total: number; pending: number; delivered: number; failed: number; skipped: number;
};

// Counts per announcement in one statement (index Notification(announcementId, status)).
const DELIVERY = `
  SELECT a.id, a.subject, a."createdAt" AT TIME ZONE 'UTC' AS "createdAt", a."wholeSchool",
         (SELECT array_agg(c.name ORDER BY c.name) FROM "AnnouncementClass" ac JOIN "ClassGroup" c ON c.id = ac."classGroupId" WHERE ac."announcementId" = a.id) AS classes,
         count(n.id)::int AS total,
         (count(n.id) FILTER (WHERE n.status IN ('PENDING', 'SENDING')))::int AS pending,
         (count(n.id) FILTER (WHERE n.status = 'DELIVERED'))::int AS delivered,
         (count(n.id) FILTER (WHERE n.status = 'FAILED'))::int AS failed,
         (count(n.id) FILTER (WHERE n.status = 'SKIPPED'))::int AS skipped
    FROM "Announcement" a
    LEFT JOIN "Notification" n ON n."announcementId" = a.id
   WHERE a."schoolId" = $1 AND ($2::text IS NULL OR a."authorUserId" = $2)
   GROUP BY a.id
   ORDER BY a."createdAt" DESC
   LIMIT 30`;

/** The sender's announcements with delivery counts: a mentor's own, a leader's whole school. */
export async function announcementDeliveries(actor: Actor): Promise<DeliveryRow[]> {
  if (!actor.schoolId || (actor.role !== "MENTOR" && actor.role !== "LEADER")) return [];
  const rows = await sqlRows<DeliveryRow>(DELIVERY, [actor.schoolId, actor.role === "LEADER" ? null : actor.userId]);
  return rows.map((r) => ({ ...r, classes: r.classes ?? [] }));
}

/** Announcements to the classes of the guardian's children (those they may receive messages about), newest first. */
export async function announcementsForGuardian(actor: Actor, now: Date = new Date()) {
  const pupils = await db.pupil.findMany({ where: guardianScope(actor, "otherMessages", now), select: { classGroupId: true, firstName: true } });
  const classIds = [...new Set(pupils.map((p) => p.classGroupId))];
  if (classIds.length === 0) return [];
  return db.announcement.findMany({
    where: { classes: { some: { classGroupId: { in: classIds } } } },
    orderBy: { createdAt: "desc" },
    take: 30,
    select: {
      id: true, subject: true, body: true, createdAt: true,
      author: { select: { name: true } },
      classes: { where: { classGroupId: { in: classIds } }, select: { classGroup: { select: { name: true } } } },
    },
  });
}
