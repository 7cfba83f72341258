import "server-only";
import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import { normaliseMobile, type AlertSettingsInput } from "@/lib/domain/alerts/schemas";

/** A guardian chooses how absence alerts reach them. Saving the same twice changes nothing. */
export async function updateAlertSettings(actor: Actor, input: AlertSettingsInput): Promise<void> {
  assertCan(actor, "alerts:settings");
  if (!actor.guardianId) throw new AppError("forbidden");
  const phone = input.phone === undefined ? undefined : normaliseMobile(input.phone);
  await db.guardian.update({
    where: { id: actor.guardianId },
    data: { alertChannel: input.channel, alertTiming: input.timing, ...(phone ? { phone } : {}) },
  });
}

/** Marks the guardian's delivered portal messages as read (only their own). */
export async function markMessagesRead(actor: Actor): Promise<void> {
  assertCan(actor, "alerts:settings");
  if (!actor.guardianId) return;
  await db.notification.updateMany({ where: { guardianId: actor.guardianId, status: "DELIVERED", readAt: null }, data: { readAt: new Date() } });
}
