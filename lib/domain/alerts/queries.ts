import "server-only";
import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import { scopeFor } from "@/lib/auth/scope";
import type { Actor } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";

export async function getAlertSettings(actor: Actor) {
  assertCan(actor, "alerts:settings");
  if (!actor.guardianId) throw new AppError("forbidden");
  return db.guardian.findUniqueOrThrow({
    where: { id: actor.guardianId },
    select: { alertChannel: true, alertTiming: true, phone: true, user: { select: { email: true, locale: true } } },
  });
}

/**
 * The guardian's messages (every channel), newest first — only about pupils
 * they may still see. One query.
 */
export async function listMessages(actor: Actor, take = 10) {
  assertCan(actor, "alerts:settings");
  if (!actor.guardianId) return [];
  return db.notification.findMany({
    where: { guardianId: actor.guardianId, status: "DELIVERED", pupil: scopeFor(actor, "pupil") },
    orderBy: { deliveredAt: "desc" },
    take,
    select: { id: true, channel: true, subject: true, body: true, deliveredAt: true, readAt: true, pupil: { select: { id: true, firstName: true } } },
  });
}
